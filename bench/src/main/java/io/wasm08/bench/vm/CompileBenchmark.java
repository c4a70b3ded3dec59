package io.wasm08.bench.vm;

import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.CompiledModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling a light client cold against reloading its compiled code from the disk tier, each
 * measured once per fork — i.e. in a new JVM, where nothing of Chicory or the engine is loaded yet
 * (what a node restart sees). The disk cache is prepared beforehand in a separate process ({@link
 * PrepareDiskCache}) so no measured JVM ever compiled anything.
 *
 * <ul>
 *   <li>{@code coldCompile}: instrument, parse, validate, compile with Chicory (a store or a miss);
 *   <li>{@code diskReload}: read and verify the sealed file, decode it, parse the skeleton, define
 *       the main class — the module is ready to instantiate;
 *   <li>{@code diskReloadAndFirstCall}: the same plus instantiating the ICS-07 client (GRANDPA: an
 *       empty query), which defines and verifies the generated classes the call needs and runs them
 *       before the JIT has seen them.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
    value = 10,
    jvmArgsAppend = {"-XX:-DontCompileHugeMethods"})
public class CompileBenchmark {
  @Param({"ics07_tendermint_cw", "ics10_grandpa_cw"})
  public String contract;

  private byte[] wasm;
  private Checksum checksum;
  private Path cacheDir;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    wasm = contract.startsWith("ics07") ? BenchContracts.ics07() : BenchContracts.ics10();
    checksum = Checksum.of(wasm);
    cacheDir = PrepareDiskCache.defaultDir();
    if (!PrepareDiskCache.prepared(cacheDir, checksum)) {
      // in another JVM, so that this one stays cold
      Process p =
          new ProcessBuilder(
                  List.of(
                      ProcessHandle.current().info().command().orElse("java"),
                      "-cp",
                      System.getProperty("java.class.path"),
                      PrepareDiskCache.class.getName(),
                      cacheDir.toString()))
              .inheritIO()
              .start();
      if (p.waitFor() != 0 || !PrepareDiskCache.prepared(cacheDir, checksum)) {
        throw new IllegalStateException("could not prepare the disk cache in " + cacheDir);
      }
    }
  }

  @Benchmark
  public CompiledModule coldCompile() {
    ChicoryWasmEngine engine = ChicoryWasmEngine.builder().build();
    return engine.module(engine.storeCodeUnchecked(wasm));
  }

  @Benchmark
  public CompiledModule diskReload() {
    ChicoryWasmEngine engine = ChicoryWasmEngine.builder().baseDir(cacheDir).build();
    CompiledModule module = engine.module(checksum);
    requireDiskHit(engine);
    return module;
  }

  @Benchmark
  public CallResult diskReloadAndFirstCall() {
    ChicoryWasmEngine engine = ChicoryWasmEngine.builder().baseDir(cacheDir).build();
    CallResult result;
    if (contract.startsWith("ics07")) {
      BenchContracts.TendermintFixture fixture = BenchContracts.tendermint(checksum);
      result =
          engine.instantiate(
              checksum,
              BenchContracts.ICS07_ENV,
              BenchContracts.ICS07_INFO,
              fixture.instantiateMsg(),
              BenchContracts.context(new BenchContracts.MapStorage()));
    } else {
      result =
          engine.query(
              checksum,
              BenchContracts.ICS07_ENV,
              io.wasm08.common.Bytes.ofUtf8("{\"status\":{}}"),
              BenchContracts.context(new BenchContracts.MapStorage()));
    }
    requireDiskHit(engine);
    return result;
  }

  private static void requireDiskHit(ChicoryWasmEngine engine) {
    if (engine.metrics().hitsFsCache() != 1 || engine.metrics().misses() != 0) {
      throw new IllegalStateException(
          "not a disk cache hit ("
              + engine.metrics()
              + "): delete "
              + PrepareDiskCache.defaultDir()
              + " if it was prepared by another build");
    }
  }
}
