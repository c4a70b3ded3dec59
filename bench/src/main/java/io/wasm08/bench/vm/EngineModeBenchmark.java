package io.wasm08.bench.vm;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chicory's interpreter against its runtime compiler on the same full calls (pinned module,
 * identical gas): hackatom execute/query, the ICS-07 {@code verify_client_message} of the eureka
 * fixture header, and the two pure loops of {@code loop.wat}. Sample mode: median and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:-DontCompileHugeMethods"})
public class EngineModeBenchmark {
  @Param({"COMPILER", "INTERPRETER"})
  public ExecutionMode mode;

  @Param({"hackatom_execute", "hackatom_query", "ics07_verify", "loop_hash", "loop_fib"})
  public String call;

  private ChicoryWasmEngine engine;
  private Checksum checksum;
  private MockStorage mockStorage;
  private BenchContracts.MapStorage store;
  private Bytes msg;

  @Setup(Level.Trial)
  public void setUp() {
    // cosmwasm-vm's benches run hackatom with every built-in capability
    engine =
        ChicoryWasmEngine.builder().executionMode(mode).capabilities(Capabilities.BUILT_IN).build();
    switch (call) {
      case "hackatom_execute", "hackatom_query" -> {
        checksum = engine.storeCode(BenchContracts.hackatom(), Long.MAX_VALUE).checksum();
        mockStorage = new MockStorage();
        engine.instantiate(
            checksum,
            BenchContracts.MOCK_ENV,
            BenchContracts.CREATOR_INFO,
            BenchContracts.HACKATOM_INSTANTIATE,
            BenchContracts.mockContext(mockStorage));
      }
      case "ics07_verify" -> {
        BenchContracts.Ics07 ics07 = BenchContracts.setUpIcs07(engine);
        checksum = ics07.checksum();
        store = ics07.store();
        msg = ics07.verifyMessage();
      }
      case "loop_hash", "loop_fib" -> {
        checksum = engine.storeCode(BenchContracts.loop(), Long.MAX_VALUE).checksum();
        store = new BenchContracts.MapStorage();
        msg = call.equals("loop_hash") ? BenchContracts.LOOP_HASH : BenchContracts.LOOP_FIB;
      }
      default -> throw new IllegalArgumentException(call);
    }
    engine.pin(checksum);
    String result = run().data().toUtf8();
    if (result.startsWith("{\"error\"")) {
      throw new IllegalStateException(call + " failed: " + result);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public CallResult run() {
    return switch (call) {
      case "hackatom_execute" ->
          engine.execute(
              checksum,
              BenchContracts.MOCK_ENV,
              BenchContracts.VERIFIER_INFO,
              BenchContracts.RELEASE,
              BenchContracts.mockContext(mockStorage));
      case "hackatom_query" ->
          engine.query(
              checksum,
              BenchContracts.MOCK_ENV,
              BenchContracts.VERIFIER_QUERY,
              BenchContracts.mockContext(mockStorage));
      case "ics07_verify" ->
          engine.query(checksum, BenchContracts.ICS07_ENV, msg, BenchContracts.context(store));
      default ->
          engine.query(checksum, BenchContracts.EMPTY_ENV, msg, BenchContracts.context(store));
    };
  }
}
