package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.testing.FakeWasmEngine.queryOk;
import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.OutOfGasException;
import io.wasm08.wasm.api.GoJsonWriter;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.testing.FakeWasmEngine;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.GasReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Synchronous read-only calls between stored light-client codes ({@link SmartQueries}): off by
 * default (ibc-go answers "Unsupported query request"); when enabled a contract reaches another
 * client's code over that client's store, or a code by checksum over an empty store; a trap or a
 * contract error inside stays inside (the caller gets a redacted query error and goes on); writes
 * are discarded; nesting is bounded; running out of gas is not contained.
 */
class SmartQueriesTest {
  FakeWasmEngine vm;
  WasmTestChain chain;
  Bytes checksum;
  String a;
  String b;
  final List<String> seen = new ArrayList<>();

  void setup(WasmConfig config) {
    vm = new FakeWasmEngine();
    vm.instantiateFn = WasmTestChain.defaultInstantiate();
    vm.registerQueryCallback(
        QueryMsg.Status.class,
        (c, env, msg, ctx) -> {
          seen.add(env.toUtf8());
          return queryOk(ctx, "{\"status\":\"Active\"}");
        });
    chain = new WasmTestChain(vm, config, QueryRouter.EMPTY);
    checksum = chain.storeCode(CODE);
    a = chain.createClient(checksum);
    b = chain.createClient(checksum);
    seen.clear();
  }

  static String smart(String address, String msg) {
    return new GoJsonWriter()
        .beginObject()
        .name("wasm")
        .beginObject()
        .name("smart")
        .beginObject()
        .name("contract_addr")
        .string(address)
        .name("msg")
        .bytes(Bytes.ofUtf8(msg))
        .endObject()
        .endObject()
        .endObject()
        .toJson();
  }

  static BackendResult<Bytes> queryChain(CallContext ctx, String request) {
    return ctx.querier().queryRaw(Bytes.ofUtf8(request), ctx.gasLimit());
  }

  static String answer(CallContext ctx, String request) {
    return switch (queryChain(ctx, request)) {
      case BackendResult.Ok<Bytes> ok -> ok.value().toUtf8();
      case BackendResult.Err<Bytes> err -> throw new AssertionError(err.error().message());
    };
  }

  /**
   * Client a answers {@code timestamp_at_height} by asking {@code request} and returning the reply.
   */
  String askFromA(String request) {
    String[] reply = {null};
    vm.registerQueryCallback(
        QueryMsg.TimestampAtHeight.class,
        (c, env, msg, ctx) -> {
          reply[0] = answer(ctx, request);
          return queryOk(ctx, "{\"timestamp\":1}");
        });
    WasmClientState cs = chain.keeper().getClientState(chain.clientStore(a)).orElseThrow();
    chain
        .keeper()
        .calls()
        .wasmQuery(
            chain.ctx(),
            a,
            chain.clientStore(a),
            cs,
            new QueryMsg.TimestampAtHeight(Height.of(1, 5)));
    return reply[0];
  }

  static String ok(String json) {
    return "{\"ok\":{\"ok\":\"" + Bytes.ofUtf8(json).toBase64() + "\"}}";
  }

  @Test
  void disabledByDefault() {
    setup(WasmConfig.defaults());
    assertThat(askFromA(smart("08-wasm-1", "{\"status\":{}}")))
        .isEqualTo(
            "{\"error\":{\"unsupported_request\":{\"kind\":\"Unsupported query request\"}}}");
  }

  @Test
  void queriesAnotherClientOrACodeByChecksum() {
    setup(WasmConfig.defaults().withSmartQueries(WasmConfig.SmartQueries.enabled(2)));
    assertThat(askFromA(smart(b, "{\"status\":{}}"))).isEqualTo(ok("{\"status\":\"Active\"}"));
    // the callee ran with its own address in env.contract
    assertThat(seen).anyMatch(env -> env.contains("\"address\":\"08-wasm-1\""));
    assertThat(askFromA(smart(checksum.toHex(), "{\"status\":{}}")))
        .isEqualTo(ok("{\"status\":\"Active\"}"));
    assertThat(askFromA(smart("08-wasm-7", "{\"status\":{}}")))
        .isEqualTo("{\"error\":{\"no_such_contract\":{\"addr\":\"08-wasm-7\"}}}");
    assertThat(askFromA(smart("07-tendermint-0", "{\"status\":{}}")))
        .isEqualTo("{\"error\":{\"no_such_contract\":{\"addr\":\"07-tendermint-0\"}}}");
    assertThat(askFromA(smart("ff".repeat(32), "{\"status\":{}}")))
        .isEqualTo("{\"error\":{\"no_such_contract\":{\"addr\":\"" + "ff".repeat(32) + "\"}}}");
  }

  @Test
  void trapsAndContractErrorsAreContainedAndWritesDiscarded() {
    setup(WasmConfig.defaults().withSmartQueries(WasmConfig.SmartQueries.enabled(2)));
    vm.registerQueryCallback(
        QueryMsg.CheckForMisbehaviour.class,
        (c, env, msg, ctx) -> {
          FakeWasmEngine.set(ctx, Bytes.ofUtf8("written-by-callee"), Bytes.ofUtf8("x"));
          throw FakeWasmEngine.vmError(ctx);
        });
    vm.registerQueryCallback(
        QueryMsg.VerifyClientMessage.class,
        (c, env, msg, ctx) -> FakeWasmEngine.queryError(ctx, "callee says no"));
    Map<String, Bytes> before = chain.snapshot();
    assertThat(askFromA(smart(b, "{\"check_for_misbehaviour\":{\"client_message\":\"eA==\"}}")))
        .isEqualTo("{\"ok\":{\"error\":\"codespace: 08-wasm, code: 17\"}}");
    assertThat(askFromA(smart(b, "{\"verify_client_message\":{\"client_message\":\"eA==\"}}")))
        .isEqualTo("{\"ok\":{\"error\":\"codespace: 08-wasm, code: 14\"}}");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void nestingIsBounded() {
    setup(WasmConfig.defaults().withSmartQueries(WasmConfig.SmartQueries.enabled(1)));
    // b, asked by a, asks a again: depth 2 > 1
    String[] inner = {null};
    vm.registerQueryCallback(
        QueryMsg.Status.class,
        (c, env, msg, ctx) -> {
          if (env.toUtf8().contains("\"address\":\"08-wasm-1\"")) {
            inner[0] = answer(ctx, smart(a, "{\"status\":{}}"));
          }
          return queryOk(ctx, "{\"status\":\"Active\"}");
        });
    assertThat(askFromA(smart(b, "{\"status\":{}}"))).isEqualTo(ok("{\"status\":\"Active\"}"));
    assertThat(inner[0])
        .isEqualTo(
            "{\"error\":{\"unsupported_request\":{\"kind\":\"smart query depth limit (1) exceeded\"}}}");
  }

  @Test
  void runningOutOfGasIsNotContained() {
    setup(WasmConfig.defaults().withSmartQueries(WasmConfig.SmartQueries.enabled(2)));
    // the callee reports using all the gas it was given
    vm.registerQueryCallback(
        QueryMsg.Status.class,
        (c, env, msg, ctx) ->
            new CallResult(
                Bytes.ofUtf8("{\"ok\":\"e30=\"}"),
                new GasReport(ctx.gasLimit(), 0, 0, ctx.gasLimit())));
    BackendResult<?>[] result = {null};
    vm.registerQueryCallback(
        QueryMsg.TimestampAtHeight.class,
        (c, env, msg, ctx) -> {
          result[0] = queryChain(ctx, smart(b, "{\"status\":{}}"));
          return queryOk(ctx, "{\"timestamp\":1}");
        });
    WasmClientState cs = chain.keeper().getClientState(chain.clientStore(a)).orElseThrow();
    Throwable t =
        catchThrowable(
            () ->
                chain
                    .keeper()
                    .calls()
                    .wasmQuery(
                        chain.ctx(new BasicGasMeter(1_000_000)),
                        a,
                        chain.clientStore(a),
                        cs,
                        new QueryMsg.TimestampAtHeight(Height.of(1, 5))));
    assertThat(result[0]).isInstanceOf(BackendResult.Err.class);
    assertThat(((BackendResult.Err<?>) result[0]).error())
        .isEqualTo(new io.wasm08.wasm.vm.BackendError.OutOfGas());
    assertThat(t).isInstanceOf(OutOfGasException.class);
  }
}
