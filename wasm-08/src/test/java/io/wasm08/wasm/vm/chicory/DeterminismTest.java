package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The instrumented driver on both engines: deep recursion fails at the configured depth with
 * wasmer's message, NaNs are canonical, an infinite loop stops at the gas limit.
 */
class DeterminismTest {
  private static final Map<ExecutionMode, CompiledModule> MODULES = new ConcurrentHashMap<>();

  static VmInstance driver(ExecutionMode mode, long gasLimit) {
    CompiledModule module =
        MODULES.computeIfAbsent(
            mode,
            m ->
                new ModuleLoader(m, w -> Instrumenter.instrument(w, InstrumentationConfig.DEFAULT))
                    .load(TestContracts.wasm("driver")));
    return VmInstance.create(
        module,
        new CallContext(new MockStorage(), new MockApi(), new MockQuerier(), gasLimit),
        new InstanceConfig(32 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto()));
  }

  static String recurse(ExecutionMode mode, long n) {
    VmInstance instance = driver(mode, Long.MAX_VALUE);
    try {
      return "ok " + instance.callExport("recurse", n)[0];
    } catch (VmException e) {
      return e.getMessage();
    }
  }

  @Test
  void deepRecursionFailsAtTheConfiguredDepth() {
    int limit = InstrumentationConfig.DEFAULT_MAX_CALL_DEPTH;
    // recurse(n) occupies n + 1 frames: limit frames run, one more traps
    List<String> results =
        DualEngine.same(
            mode -> List.of(recurse(mode, limit - 1), recurse(mode, limit), recurse(mode, limit)));
    assertThat(results)
        .containsExactly(
            "ok " + (limit - 1),
            "Error executing Wasm: Wasmer runtime error: RuntimeError: call stack exhausted",
            "Error executing Wasm: Wasmer runtime error: RuntimeError: call stack exhausted");
  }

  @Test
  void nanResultsAreCanonical() {
    List<Long> bits =
        DualEngine.same(
            mode -> {
              VmInstance instance = driver(mode, 1_000_000_000);
              return List.of(
                  instance.callExport("nan_f32_div")[0] & 0xFFFF_FFFFL,
                  instance.callExport("nan_f64_sqrt")[0]);
            });
    assertThat(bits).containsExactly(0x7FC0_0000L, 0x7FF8_0000_0000_0000L);
  }

  @Test
  void infiniteLoopRunsOutOfGas() {
    String error =
        DualEngine.same(
            mode -> {
              VmInstance instance = driver(mode, 10_000_000);
              try {
                instance.callRaw("loop_forever", false, Bytes.ofUtf8("{}"), Bytes.ofUtf8("{}"));
                return "no error";
              } catch (VmException e) {
                return e.getMessage() + " / " + instance.createGasReport();
              }
            });
    assertThat(error)
        .isEqualTo(
            "Ran out of gas during contract execution / GasReport[limit=10000000, remaining=0,"
                + " usedExternally=0, usedInternally=10000000]");
  }
}
