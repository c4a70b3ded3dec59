package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Instantiation, the memory limit, re-entrancy and process_gas_info. */
class InstanceLifecycleTest {
  static VmInstance instance(
      String module, ExecutionMode mode, long memoryLimit, long gas, MockStorage storage) {
    return VmInstance.create(
        TestContracts.unmetered(module, mode),
        new CallContext(storage, new MockApi(), new MockQuerier(), gas),
        new InstanceConfig(memoryLimit, GasConfig.DEFAULT, new FakeCrypto()));
  }

  static String instantiationError(String module, long memoryLimit) {
    return DualEngine.same(
        mode -> {
          try {
            instance(module, mode, memoryLimit, 1_000_000, new MockStorage());
            return "no error";
          } catch (VmException e) {
            return e.getMessage();
          }
        });
  }

  @Test
  void minimumAboveTheMemoryLimitFailsInstantiation() {
    assertThat(instantiationError("bigmemory", 32 * InstanceConfig.MIB))
        .isEqualTo(
            "Error instantiating a Wasm module: Error instantiating module: Insufficient resources:"
                + " Failed to create memory: A user-defined error occurred: Minimum exceeds the"
                + " allowed memory limit");
    assertThat(instantiationError("bigmemory", 600 * 65_536)).isEqualTo("no error");
  }

  @Test
  void missingMemoryExportFailsInstantiation() {
    assertThat(instantiationError("nomemory", 32 * InstanceConfig.MIB))
        .isEqualTo(
            "Error instantiating a Wasm module: Could not get memory 'memory': Missing export memory");
  }

  @Test
  void mistypedImportIsALinkError() {
    assertThat(instantiationError("badimport", 32 * InstanceConfig.MIB))
        .isEqualTo(
            "Error instantiating a Wasm module: Error instantiating module: Error while importing"
                + " \"env\".\"db_read\": incompatible import type. Expected Function(FunctionType {"
                + " params: [I32, I32], results: [I32] }) but received Function(FunctionType {"
                + " params: [I32], results: [I32] })");
  }

  @Test
  void memoryGrowsUpToTheLimitThenAnswersMinusOne() {
    // limit 4 pages: the driver starts with 1
    List<Long> grows =
        DualEngine.same(
            mode -> {
              VmInstance i = instance("driver", mode, 4 * 65_536, 1_000_000, new MockStorage());
              List<Long> results = new ArrayList<>();
              results.add(i.callExport("grow", 2)[0]);
              results.add(i.callExport("grow", 2)[0]);
              results.add(i.callExport("grow", 1)[0]);
              results.add(i.callExport("grow", 0)[0]);
              results.add((long) i.memoryPages());
              return results;
            });
    assertThat(grows).containsExactly(1L, -1L, 3L, 4L, 4L);
  }

  @Test
  void growStormStaysWithinTheLimit() {
    // 08-wasm's 32 MiB: 511 single-page grows succeed, every later one answers -1
    List<Long> last =
        DualEngine.same(
            mode -> {
              VmInstance i =
                  instance("driver", mode, 32 * InstanceConfig.MIB, 1_000_000, new MockStorage());
              long ok = 0;
              long failed = 0;
              for (int n = 0; n < 2_000; n++) {
                if (i.callExport("grow", 1)[0] == -1) {
                  failed++;
                } else {
                  ok++;
                }
              }
              long huge = i.callExport("grow", 65_536)[0];
              return List.of(ok, failed, huge, (long) i.memoryPages());
            });
    assertThat(last).containsExactly(511L, 1_489L, -1L, 512L);
  }

  @Test
  void reentrantAllocateHitsTheCallDepthLimit() {
    // allocate → db_read → allocate → db_read → allocate: depth 3 > MAX_CALL_DEPTH 2. The inner
    // error travels out through two calls, each wrapping it as wasmer does.
    String error =
        DualEngine.same(
            mode -> {
              MockStorage storage = new MockStorage(Map.of(Bytes.ofUtf8("k"), Bytes.ofUtf8("v")));
              VmInstance i =
                  instance("reentrant", mode, 32 * InstanceConfig.MIB, 10_000_000_000L, storage);
              try {
                i.callQuery(Bytes.ofUtf8("{}"), Bytes.ofUtf8("{}"));
                return "no error";
              } catch (VmException e) {
                return e.getMessage();
              }
            });
    assertThat(error)
        .isEqualTo(
            "Error executing Wasm: Wasmer runtime error: RuntimeError: Error executing Wasm:"
                + " Wasmer runtime error: RuntimeError: Maximum call depth exceeded.");
  }

  @Test
  void reentrantAllocateWithoutStoredValueIsFine() {
    // db_read finds nothing, so allocate never re-enters: depth stays at 2.
    String result =
        DualEngine.same(
            mode -> {
              VmInstance i =
                  instance(
                      "reentrant",
                      mode,
                      32 * InstanceConfig.MIB,
                      10_000_000_000L,
                      new MockStorage());
              return i.callQuery(Bytes.ofUtf8("{}"), Bytes.ofUtf8("{\"q\":1}")).toUtf8();
            });
    assertThat(result).isEqualTo("{\"q\":1}");
  }

  // ---- process_gas_info (environment.rs tests, gas limit 100) ----------------------------

  record GasStep(
      long cost, long externallyUsed, long gasLeftAfter, long externalAfter, boolean depleted) {}

  static Stream<Arguments> processGasInfo() {
    return Stream.of(
        Arguments.of(
            "process_gas_info_works_for_cost",
            List.of(
                new GasStep(70, 0, 30, 0, false),
                new GasStep(4, 0, 26, 0, false),
                new GasStep(6, 0, 20, 0, false),
                new GasStep(20, 0, 0, 0, false),
                new GasStep(1, 0, 0, 0, true))),
        Arguments.of(
            "process_gas_info_works_for_externally_used",
            List.of(
                new GasStep(0, 70, 30, 70, false),
                new GasStep(0, 4, 26, 74, false),
                new GasStep(0, 6, 20, 80, false),
                new GasStep(0, 20, 0, 100, false),
                new GasStep(0, 1, 0, 101, true))),
        Arguments.of(
            "process_gas_info_works_for_cost_and_externally_used",
            List.of(
                new GasStep(17, 4, 79, 4, false),
                new GasStep(9, 0, 70, 4, false),
                new GasStep(0, 70, 0, 74, false),
                new GasStep(1, 0, 0, 74, true),
                new GasStep(0, 1, 0, 75, true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void processGasInfo(String upstreamTest, List<GasStep> steps) {
    List<GasStep> observed =
        DualEngine.same(
            mode -> {
              VmInstance i =
                  instance("driver", mode, 32 * InstanceConfig.MIB, 100, new MockStorage());
              List<GasStep> seen = new ArrayList<>();
              for (GasStep step : steps) {
                boolean depleted = false;
                try {
                  i.processGasInfo(new GasInfo(step.cost(), step.externallyUsed()));
                } catch (VmException e) {
                  assertThat(e).hasMessage("Ran out of gas during contract execution");
                  depleted = true;
                }
                seen.add(
                    new GasStep(
                        step.cost(),
                        step.externallyUsed(),
                        i.getGasLeft(),
                        i.createGasReport().usedExternally(),
                        depleted));
              }
              return seen;
            });
    assertThat(observed).isEqualTo(steps);
  }

  @Test
  void gasReportBeforeAnyCall() {
    // create_gas_report_works: before any call all used values are 0 and remaining = limit
    var report =
        DualEngine.same(
            mode ->
                instance("driver", mode, 32 * InstanceConfig.MIB, 700_000_000, new MockStorage())
                    .createGasReport());
    assertThat(report).isEqualTo(new io.wasm08.wasm.vm.GasReport(700_000_000, 700_000_000, 0, 0));
  }

  @Test
  void getGasLeftStartsAtTheLimit() {
    // get_gas_left_works: 123321
    Long gasLeft =
        DualEngine.same(
            mode ->
                instance("driver", mode, 32 * InstanceConfig.MIB, 123_321, new MockStorage())
                    .getGasLeft());
    assertThat(gasLeft).isEqualTo(123_321L);
  }

  @Test
  void jvmStackOverflowIsRecognisedThroughCauses() {
    assertThat(Traps.isJvmStackOverflow(new RuntimeException(new StackOverflowError()))).isTrue();
    assertThat(Traps.isJvmStackOverflow(new RuntimeException("x"))).isFalse();
  }
}
