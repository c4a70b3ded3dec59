package io.wasm08.bench.vm;

import static io.wasm08.bench.vm.BenchContracts.CREATOR_INFO;
import static io.wasm08.bench.vm.BenchContracts.HACKATOM_INSTANTIATE;
import static io.wasm08.bench.vm.BenchContracts.MOCK_ENV;
import static io.wasm08.bench.vm.BenchContracts.RELEASE;
import static io.wasm08.bench.vm.BenchContracts.VERIFIER_INFO;
import static io.wasm08.bench.vm.BenchContracts.VERIFIER_QUERY;
import static io.wasm08.bench.vm.BenchContracts.mockContext;

import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full hackatom call through {@code WasmEngine} — module lookup, instance acquisition, env/info/
 * msg written into the guest, the contract with its storage and querier, the result read back — per
 * cache tier (cosmwasm-vm's "get instance from {pinned, memory, fs} cache and execute" benches):
 * pinned, LRU memory, file system (memory cache 0, so every call reloads compiled code from disk),
 * and cold (every call recompiles). Sample mode: median and p99 per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-XX:-DontCompileHugeMethods"})
public class VmCallBenchmark {
  public enum Tier {
    PINNED,
    MEMORY,
    DISK,
    COLD
  }

  @Param({"PINNED", "MEMORY", "DISK", "COLD"})
  public Tier tier;

  private ChicoryWasmEngine engine;
  private Checksum checksum;
  private MockStorage storage;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    // cosmwasm-vm's benches run hackatom with every built-in capability (08-wasm allows "iterator")
    ChicoryWasmEngine.Builder builder =
        ChicoryWasmEngine.builder().capabilities(Capabilities.BUILT_IN);
    switch (tier) {
      case PINNED, MEMORY -> {}
      case DISK -> {
        dir = Files.createTempDirectory("wasm08-bench-disk");
        builder.baseDir(dir).memoryCacheSizeBytes(0);
      }
      case COLD -> builder.memoryCacheSizeBytes(0);
    }
    engine = builder.build();
    checksum = engine.storeCode(BenchContracts.hackatom(), Long.MAX_VALUE).checksum();
    if (tier == Tier.PINNED) {
      engine.pin(checksum);
    }
    storage = new MockStorage();
    require(instantiate(), "instantiate");
    require(executeRelease(), "release");
    require(queryVerifier(), "verifier");
  }

  private static void require(CallResult r, String what) {
    if (!r.data().toUtf8().startsWith("{\"ok\":")) {
      throw new IllegalStateException(what + " failed: " + r.data().toUtf8());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    engine.close();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Benchmark
  public CallResult instantiate() {
    return engine.instantiate(
        checksum, MOCK_ENV, CREATOR_INFO, HACKATOM_INSTANTIATE, mockContext(storage));
  }

  @Benchmark
  public CallResult executeRelease() {
    return engine.execute(checksum, MOCK_ENV, VERIFIER_INFO, RELEASE, mockContext(storage));
  }

  @Benchmark
  public CallResult queryVerifier() {
    return engine.query(checksum, MOCK_ENV, VERIFIER_QUERY, mockContext(storage));
  }
}
