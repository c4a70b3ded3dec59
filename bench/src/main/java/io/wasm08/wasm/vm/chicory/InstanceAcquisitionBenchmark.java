package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import io.wasm08.bench.vm.BenchContracts;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import io.wasm08.wasm.vm.testing.MockStorage;
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
 * Instance acquisition alone, for a compiled module in memory (no call runs):
 *
 * <ul>
 *   <li>{@code fresh}: a new Chicory {@code Instance} as wasmvm makes one per call — linking,
 *       {@code ByteArrayMemory} with its initial pages zeroed and the data segments copied, globals
 *       and tables initialised, the environment attached;
 *   <li>{@code snapshot}: a new instance on the post-instantiation snapshot (a pool miss): the same
 *       without zeroing or copying memory;
 *   <li>{@code pooled}: the steady state — take the pooled instance, bind it to the call, copy the
 *       pages a real call of this contract writes (measured in the setup: copy-on-write moves that
 *       cost from instantiation into the call, so it is charged here), reset and return it.
 * </ul>
 *
 * Lives in the engine's package (in the bench module) because the pool is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-XX:-DontCompileHugeMethods"})
public class InstanceAcquisitionBenchmark {
  @Param({"hackatom", "ics07_tendermint_cw"})
  public String contract;

  static final InstanceConfig CONFIG =
      new InstanceConfig(
          32 * InstanceConfig.MIB, GasConfig.DEFAULT, DefaultCosmWasmCrypto.INSTANCE);

  private CompiledModule module;
  private InstancePool pool;
  private CallContext context;
  private MemorySnapshot snapshot;

  /** Pages a real call writes; the pooled benchmark writes as many. */
  public int pagesWritten;

  @Setup(Level.Trial)
  public void setUp() {
    byte[] wasm = contract.equals("hackatom") ? BenchContracts.hackatom() : BenchContracts.ics07();
    module =
        new ModuleLoader(
                ExecutionMode.COMPILER,
                w -> Instrumenter.instrument(w, InstrumentationConfig.DEFAULT))
            .load(wasm);
    pool = new InstancePool(module, CONFIG);
    boolean hackatom = contract.equals("hackatom");
    // hackatom validates addresses (MockApi); the light client runs with 08-wasm's API
    context =
        hackatom
            ? BenchContracts.mockContext(new MockStorage())
            : BenchContracts.context(new BenchContracts.MapStorage());
    InstancePool.Lease lease = pool.acquire(context);
    snapshot = MemorySnapshot.of(lease.instance().environment().memory());
    // instantiate, then one representative call, counting the pages the latter writes
    Checksum checksum = Checksum.of(wasm);
    CallResult init =
        ChicoryWasmEngine.run(
            lease,
            i ->
                hackatom
                    ? i.callInstantiate(
                        BenchContracts.MOCK_ENV,
                        BenchContracts.CREATOR_INFO,
                        BenchContracts.HACKATOM_INSTANTIATE)
                    : i.callInstantiate(
                        BenchContracts.ICS07_ENV,
                        BenchContracts.ICS07_INFO,
                        BenchContracts.tendermint(checksum).instantiateMsg()));
    require(init, "instantiate");
    InstancePool.Lease second = pool.acquire(context);
    CallResult r =
        ChicoryWasmEngine.run(
            second,
            i -> {
              var data =
                  hackatom
                      ? i.callQuery(BenchContracts.MOCK_ENV, BenchContracts.VERIFIER_QUERY)
                      : i.callQuery(
                          BenchContracts.ICS07_ENV,
                          BenchContracts.tendermint(checksum).verifyClientMessage());
              pagesWritten = second.pagesWritten();
              return data;
            });
    require(r, "representative call");
  }

  private static void require(CallResult r, String what) {
    if (!r.data().toUtf8().startsWith("{\"ok\"")) {
      throw new IllegalStateException(what + " failed: " + r.data().toUtf8());
    }
  }

  @Benchmark
  public VmInstance fresh() {
    return VmInstance.build(module, context, CONFIG, ByteArrayMemory::new);
  }

  @Benchmark
  public VmInstance snapshot() {
    return VmInstance.build(module, context, CONFIG, SnapshotMemory.factory(snapshot));
  }

  @Benchmark
  public VmInstance pooled() {
    InstancePool.Lease lease = pool.acquire(context);
    Memory memory = lease.instance().environment().memory();
    for (int page = 0; page < pagesWritten; page++) {
      memory.writeByte(page * Memory.PAGE_SIZE, memory.read(page * Memory.PAGE_SIZE));
    }
    pool.release(lease, false);
    return lease.instance();
  }
}
