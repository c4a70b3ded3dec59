package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** debug, abort and query_chain, on both engines (gas by hand as in StorageImportsTest). */
class MiscImportsTest {
  static final long HOST = 18_000;
  static final String RUNTIME = StorageImportsTest.RUNTIME;

  @Test
  void debugHandsTheMessageAndTheRemainingGasToTheHandler() {
    record R(Harness.Outcome outcome, List<String> messages) {}
    R r =
        DualEngine.same(
            mode -> {
              Harness h = new Harness(mode);
              int region = h.region("héllo");
              long before = h.instance.getGasLeft();
              Harness.Outcome outcome = h.call("call_debug", region);
              // the handler sees the gas after the host call and the region read
              long expectedRemaining = before - HOST - StorageImportsTest.rr(6);
              assertThat(h.debugMessages).containsExactly("héllo @" + expectedRemaining);
              return new R(outcome, h.debugMessages);
            });
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST + StorageImportsTest.rr(6));
  }

  @Test
  void debugMessageOver2MiBTraps() {
    Harness.Outcome o =
        DualEngine.same(
            mode -> {
              Harness h = new Harness(mode);
              return h.call("call_debug", h.region(new byte[2 * 1024 * 1024 + 1]));
            });
    assertThat(o.error())
        .isEqualTo(
            RUNTIME
                + "Error in guest/host communication: Region length too big. Got 2097153, limit"
                + " 2097152");
  }

  @Test
  void abortEndsTheCallWithTheMessage() {
    Harness.Outcome o =
        DualEngine.same(
            mode -> {
              Harness h = new Harness(mode);
              return h.call("call_abort", h.region("panicked at src/contract.rs:1:1: boom"));
            });
    assertThat(o.error()).isEqualTo(RUNTIME + "Aborted: panicked at src/contract.rs:1:1: boom");
    assertThat(o.gasUsed())
        .as("host call, region read and string decoding")
        .isEqualTo(HOST + StorageImportsTest.rr(37) + 28_700 + 1_400 * 37);
  }

  @Test
  void abortDecodesInvalidUtf8Lossily() {
    Harness.Outcome o =
        DualEngine.same(
            mode -> {
              Harness h = new Harness(mode);
              return h.call("call_abort", h.region(new byte[] {'a', (byte) 0xff, 'b'}));
            });
    assertThat(o.error()).isEqualTo(RUNTIME + "Aborted: a\uFFFDb");
  }

  static final String BALANCE_REQUEST =
      "{\"bank\":{\"balance\":{\"address\":\"addr\",\"denom\":\"earth\"}}}";
  // {"amount":{"denom":"earth","amount":"7"}} in base64, wrapped as SystemResult::Ok(Ok(...))
  static final String BALANCE_RESPONSE =
      "{\"ok\":{\"ok\":\"eyJhbW91bnQiOnsiZGVub20iOiJlYXJ0aCIsImFtb3VudCI6IjcifX0=\"}}";

  record QueryRun(Harness.Outcome outcome, String response) {}

  static QueryRun query(long gasLimit) {
    return DualEngine.same(
        mode -> {
          MockQuerier querier =
              new MockQuerier(
                  Map.of("addr", List.of(io.wasm08.wasm.vm.testing.Coin.of(7, "earth"))));
          VmInstance instance =
              VmInstance.create(
                  TestContracts.unmetered("driver", mode),
                  new CallContext(new MockStorage(), new MockApi(), querier, gasLimit),
                  new InstanceConfig(32 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto()));
          int ptr = instance.allocate(BALANCE_REQUEST.length());
          instance.writeMemory(ptr, BALANCE_REQUEST.getBytes());
          long before = instance.getGasLeft();
          try {
            long result = instance.callExport("call_query_chain", ptr)[0];
            byte[] header = instance.peekMemory((int) result, 12);
            int offset =
                java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0);
            int length =
                java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(8);
            return new QueryRun(
                new Harness.Outcome(
                    List.of(result),
                    before - instance.getGasLeft(),
                    instance.createGasReport().usedExternally(),
                    null),
                new String(instance.peekMemory(offset, length)));
          } catch (io.wasm08.wasm.vm.VmException e) {
            return new QueryRun(
                new Harness.Outcome(
                    List.of(),
                    before - instance.getGasLeft(),
                    instance.createGasReport().usedExternally(),
                    e.getMessage()),
                null);
          }
        });
  }

  @Test
  void queryChainReturnsTheSystemResultJson() {
    QueryRun r = query(Harness.GAS_LIMIT);
    assertThat(r.response()).isEqualTo(BALANCE_RESPONSE);
    long external = 100_000 + 100L * BALANCE_RESPONSE.length();
    assertThat(r.outcome().externallyUsed()).isEqualTo(external);
    assertThat(r.outcome().gasUsed())
        .isEqualTo(
            HOST
                + StorageImportsTest.rr(BALANCE_REQUEST.length())
                + external
                + StorageImportsTest.wr(BALANCE_RESPONSE.length()));
  }

  @Test
  void queryChainOutOfGasInTheQuerierDepletesTheBudget() {
    // Enough for setting up the request region and the host call, not for the query's 107 200.
    long setup = StorageImportsTest.wr(BALANCE_REQUEST.length());
    QueryRun r = query(setup + HOST + StorageImportsTest.rr(BALANCE_REQUEST.length()) + 50_000);
    assertThat(r.outcome().error()).isEqualTo(RUNTIME + "Ran out of gas during contract execution");
  }

  @Test
  void unknownQueryIsASystemErrorValueNotATrap() {
    Bytes answer =
        new MockQuerier()
                    .queryRaw(
                        Bytes.ofUtf8(
                            "{\"wasm\":{\"smart\":{\"contract_addr\":\"x\",\"msg\":\"e30=\"}}}"),
                        1_000_000)
                instanceof io.wasm08.wasm.vm.BackendResult.Ok<Bytes> ok
            ? ok.value()
            : null;
    assertThat(answer.toUtf8()).isEqualTo("{\"error\":{\"no_such_contract\":{\"addr\":\"x\"}}}");
  }
}
