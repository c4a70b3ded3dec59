package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.testing.Coin;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockEnv;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * hackatom.wasm (cosmwasm-vm's test contract) on the mock backend, inputs and expected results from
 * ../shared/fixtures/cosmwasm/README.md.
 */
class HackatomTest {
  static final MockApi API = new MockApi();
  static final String CREATOR = API.addrMake("creator");
  static final String VERIFIER = API.addrMake("verifies");
  static final String BENEFICIARY = API.addrMake("benefits");
  static final Bytes INSTANTIATE_MSG =
      Bytes.ofUtf8(
          "{\"verifier\": \"" + VERIFIER + "\", \"beneficiary\": \"" + BENEFICIARY + "\"}");

  record Calls(String instantiate, String execute, String query, Map<Bytes, Bytes> storage) {}

  @Test
  void instantiateExecuteQueryOnOneInstance() {
    byte[] wasm = SharedFixtures.get().bytes("fixtures/cosmwasm/hackatom.wasm");
    Calls calls =
        DualEngine.same(
            mode -> {
              MockStorage storage = new MockStorage();
              VmInstance instance =
                  VmInstance.create(
                      new ModuleLoader(mode, UnaryOperator.identity()).load(wasm),
                      new CallContext(storage, API, new MockQuerier(), 2_000_000_000L),
                      new InstanceConfig(
                          16 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto()));
              String init =
                  instance
                      .callInstantiate(
                          MockEnv.mockEnv(),
                          MockEnv.mockInfo(CREATOR, List.of(Coin.of(1000, "earth"))),
                          INSTANTIATE_MSG)
                      .toUtf8();
              String exec =
                  instance
                      .callExecute(
                          MockEnv.mockEnv(),
                          MockEnv.mockInfo(VERIFIER, List.of(Coin.of(15, "earth"))),
                          Bytes.ofUtf8("{\"release\":{\"denom\":\"earth\"}}"))
                      .toUtf8();
              String query =
                  instance.callQuery(MockEnv.mockEnv(), Bytes.ofUtf8("{\"verifier\":{}}")).toUtf8();
              return new Calls(init, exec, query, storage.entries());
            });
    assertThat(calls.instantiate()).startsWith("{\"ok\":{\"messages\":[]");
    assertThat(calls.execute()).startsWith("{\"ok\":{\"messages\":[{").contains(BENEFICIARY);
    assertThat(calls.query())
        .isEqualTo(
            "{\"ok\":\"eyJ2ZXJpZmllciI6ImNvc213YXNtMXB1NnFuenR3bjh3OTVqOTAzNzg2YXFzdGozc21oeHlzZW5hc3AzcmtoZGZ3MDZlOXZyanMycmx4OHcifQ==\"}");
    assertThat(calls.storage()).hasSize(1);
  }
}
