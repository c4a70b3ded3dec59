package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.testing.Coin;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockEnv;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Gas parity with cosmwasm-vm's own tests on hackatom.wasm (instance.rs), with its mock backend: 16
 * MiB, gas limit 2e9, mock_env(), the contract's balance empty. Expected numbers are upstream's
 * (../shared/fixtures/cosmwasm/README.md, cosmwasm-vm.md §12).
 */
class HackatomGasTest {
  static final MockApi API = new MockApi();
  static final long DEFAULT_GAS_LIMIT = 2_000_000_000L;
  static final Bytes INSTANTIATE_MSG =
      Bytes.ofUtf8(
          "{\"verifier\": \""
              + API.addrMake("verifies")
              + "\", \"beneficiary\": \""
              + API.addrMake("benefits")
              + "\"}");
  static final Bytes CREATOR_INFO =
      MockEnv.mockInfo(API.addrMake("creator"), List.of(Coin.of(1000, "earth")));
  static final Bytes VERIFIER_INFO =
      MockEnv.mockInfo(API.addrMake("verifies"), List.of(Coin.of(15, "earth")));

  private static final Map<String, CompiledModule> MODULES = new ConcurrentHashMap<>();

  static CompiledModule hackatom(ExecutionMode mode, InstrumentationConfig config) {
    return MODULES.computeIfAbsent(
        mode + "/" + config,
        k ->
            new ModuleLoader(mode, wasm -> Instrumenter.instrument(wasm, config))
                .load(SharedFixtures.get().bytes("fixtures/cosmwasm/hackatom.wasm")));
  }

  /** cosmwasm-vm's {@code mock_instance_with_gas_limit(HACKATOM, gasLimit)}. */
  static VmInstance mockInstance(ExecutionMode mode, InstrumentationConfig config, long gasLimit) {
    return VmInstance.create(
        hackatom(mode, config),
        new CallContext(new MockStorage(), API, new MockQuerier(), gasLimit),
        new InstanceConfig(16 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto()));
  }

  record Used(long instantiate, long execute, long query) {}

  static Used gasOfInstantiateExecuteQuery(InstrumentationConfig config) {
    return DualEngine.same(
        mode -> {
          VmInstance instance = mockInstance(mode, config, DEFAULT_GAS_LIMIT);
          long before = instance.getGasLeft();
          assertThat(
                  instance
                      .callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG)
                      .toUtf8())
              .startsWith("{\"ok\":");
          long init = before - instance.getGasLeft();
          before = instance.getGasLeft();
          assertThat(
                  instance
                      .callExecute(
                          MockEnv.mockEnv(),
                          VERIFIER_INFO,
                          Bytes.ofUtf8("{\"release\":{\"denom\":\"earth\"}}"))
                      .toUtf8())
              .startsWith("{\"ok\":");
          long exec = before - instance.getGasLeft();
          // query_works_with_gas_metering runs on a fresh instance after its own instantiate
          VmInstance queried = mockInstance(mode, config, DEFAULT_GAS_LIMIT);
          queried.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
          before = queried.getGasLeft();
          queried.callQuery(MockEnv.mockEnv(), Bytes.ofUtf8("{\"verifier\":{}}"));
          return new Used(init, exec, before - queried.getGasLeft());
        });
  }

  @Test
  void cosmwasmVm309Gas() {
    // contract_deducts_gas_init, contract_deducts_gas_execute, query_works_with_gas_metering
    assertThat(gasOfInstantiateExecuteQuery(InstrumentationConfig.DEFAULT))
        .isEqualTo(new Used(18_034_576, 24_624_366, 11_105_566));
  }

  @Test
  void cosmwasmVm300To308GasWithoutTheLocalsCharge() {
    assertThat(gasOfInstantiateExecuteQuery(InstrumentationConfig.PRE_3_0_9))
        .isEqualTo(new Used(18_034_576, 24_624_251, 11_105_221));
  }

  @Test
  void createGasReportWorks() {
    GasReport report =
        DualEngine.same(
            mode -> {
              VmInstance instance = mockInstance(mode, InstrumentationConfig.DEFAULT, 700_000_000);
              assertThat(instance.createGasReport()).isEqualTo(GasReport.unused(700_000_000));
              instance.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
              return instance.createGasReport();
            });
    assertThat(report)
        .isEqualTo(new GasReport(700_000_000, 700_000_000 - 251 - 18_034_325, 251, 18_034_325));
  }

  @Test
  void contractEnforcesGasLimit() {
    String error =
        DualEngine.same(
            mode -> {
              VmInstance instance = mockInstance(mode, InstrumentationConfig.DEFAULT, 20_000);
              try {
                instance.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
                return "no error";
              } catch (VmException e) {
                return e.getMessage() + " / gas left " + instance.getGasLeft();
              }
            });
    assertThat(error).isEqualTo("Ran out of gas during contract execution / gas left 0");
  }

  @Test
  void infiniteLoopStopsAtTheGasLimit() {
    String error =
        DualEngine.same(
            mode -> {
              VmInstance instance =
                  mockInstance(mode, InstrumentationConfig.DEFAULT, DEFAULT_GAS_LIMIT);
              instance.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
              try {
                instance.callExecute(
                    MockEnv.mockEnv(), VERIFIER_INFO, Bytes.ofUtf8("{\"cpu_loop\":{}}"));
                return "no error";
              } catch (VmException e) {
                return e.getMessage() + " / " + instance.createGasReport();
              }
            });
    assertThat(error)
        .startsWith(
            "Ran out of gas during contract execution / GasReport[limit=2000000000, remaining=0");
  }

  @Test
  void memoryPagesGrowWithUsage() {
    // memory_pages_grows_with_usage: 17 pages, 19 after allocating 100 KiB, no shrinking
    List<Integer> pages =
        DualEngine.same(
            mode -> {
              VmInstance instance =
                  mockInstance(mode, InstrumentationConfig.DEFAULT, DEFAULT_GAS_LIMIT);
              int initial = instance.memoryPages();
              int region = instance.allocate(100 * 1024);
              int grown = instance.memoryPages();
              instance.deallocate(region);
              return List.of(initial, grown, instance.memoryPages());
            });
    assertThat(pages).containsExactly(17, 19, 19);
  }
}
