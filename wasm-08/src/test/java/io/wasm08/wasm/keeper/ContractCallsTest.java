package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.testing.ErrorAssertions.assertErrorIs;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractError;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOk;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOkEmpty;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractResponse;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryError;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryOk;
import static io.wasm08.wasm.testing.FakeWasmEngine.vmError;
import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.DEFAULT_WASM_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.client.Height;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.store.KvStore;
import io.wasm08.wasm.api.InstantiateMessage;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.api.SudoMsg;
import io.wasm08.wasm.testing.FakeWasmEngine;
import io.wasm08.wasm.testing.MockTendermint;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ibc-go's {@code keeper/contract_keeper_test.go}: TestWasmInstantiate, TestWasmMigrate,
 * TestWasmSudo, TestWasmQuery — the response checks (11/12/13), the post-execution client-state
 * checks (16), VM (17) and contract (14) errors — plus the address API every call gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractCallsTest {
  FakeWasmEngine vm;
  WasmTestChain chain;
  Bytes checksum;

  void setup(boolean withClient) {
    vm = new FakeWasmEngine();
    vm.instantiateFn = WasmTestChain.defaultInstantiate();
    vm.registerQueryCallback(
        QueryMsg.Status.class, (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Active\"}"));
    chain = new WasmTestChain(vm);
    checksum = chain.storeCode(CODE);
    if (withClient) {
      chain.createClient(checksum);
    }
  }

  /** The result shapes every call kind shares, by the checks they trip. */
  static Stream<Arguments> sharedFailures(Function<CallContext, CallResult> ok) {
    return Stream.of(
        arguments(
            "failure: contract returns non-empty messages",
            (Function<CallContext, CallResult>)
                ctx -> contractResponse(ctx, Bytes.ofUtf8("{}"), 1, 0, 0),
            WasmErrorCode.WASM_SUB_MESSAGES_NOT_ALLOWED),
        arguments(
            "failure: contract returns non-empty events",
            (Function<CallContext, CallResult>)
                ctx -> contractResponse(ctx, Bytes.ofUtf8("{}"), 0, 1, 0),
            WasmErrorCode.WASM_EVENTS_NOT_ALLOWED),
        arguments(
            "failure: contract returns non-empty attributes",
            (Function<CallContext, CallResult>)
                ctx -> contractResponse(ctx, Bytes.ofUtf8("{}"), 0, 0, 1),
            WasmErrorCode.WASM_ATTRIBUTES_NOT_ALLOWED),
        arguments(
            "failure: change clientstate type",
            (Function<CallContext, CallResult>)
                ctx -> {
                  FakeWasmEngine.set(
                      ctx, ClientKeys.clientStateKey(), Bytes.ofUtf8("changed client state"));
                  return contractOkEmpty(ctx);
                },
            WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION),
        arguments(
            "failure: client state of another client type",
            (Function<CallContext, CallResult>)
                ctx -> {
                  FakeWasmEngine.set(
                      ctx,
                      ClientKeys.clientStateKey(),
                      MockTendermint.clientStateAny(Height.of(1, 5)));
                  return contractOkEmpty(ctx);
                },
            WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION),
        arguments(
            "failure: delete clientstate",
            (Function<CallContext, CallResult>)
                ctx -> {
                  FakeWasmEngine.delete(ctx, ClientKeys.clientStateKey());
                  return contractOkEmpty(ctx);
                },
            WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION),
        arguments(
            "failure: unmarshallable clientstate",
            (Function<CallContext, CallResult>)
                ctx -> {
                  FakeWasmEngine.set(
                      ctx, ClientKeys.clientStateKey(), Bytes.ofUtf8("invalid json"));
                  return contractOkEmpty(ctx);
                },
            WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION),
        arguments(
            "failure: vm returns error",
            (Function<CallContext, CallResult>)
                ctx -> {
                  throw vmError(ctx);
                },
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Function<CallContext, CallResult>) ctx -> contractError(ctx, "mock contract error"),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED),
        arguments("success", ok, null));
  }

  static Stream<Arguments> instantiateCases() {
    return Stream.concat(
        sharedFailures(
            ctx -> {
              assertThat(ctx.api()).isSameAs(WasmHostApi.INSTANCE);
              return WasmTestChain.defaultInstantiate()
                  .instantiate(null, null, null, instantiateMsg(), ctx);
            }),
        Stream.of(
            arguments(
                "failure: change checksum",
                (Function<CallContext, CallResult>)
                    ctx -> {
                      WasmTestChain.setClientState(
                          ctx,
                          new WasmClientState(
                              MockTendermint.clientStateAny(Height.of(1, 10)),
                              Bytes.ofUtf8("new checksum"),
                              Height.of(1, 10)));
                      return contractOk(ctx, Bytes.ofUtf8("{\"heights\":null}"));
                    },
                WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION)));
  }

  static Bytes checksumOfCode() {
    return Bytes.wrapOwned(io.wasm08.wasm.vm.Checksum.of(CODE.toByteArray()).bytes().toByteArray());
  }

  static Bytes instantiateMsg() {
    return io.wasm08.wasm.api.ContractPayloads.current().instantiate(instantiateMessage());
  }

  static InstantiateMessage instantiateMessage() {
    return new InstantiateMessage(
        new WasmClientState(
            MockTendermint.clientStateAny(Height.of(1, 10)), checksumOfCode(), Height.of(1, 10)),
        new WasmConsensusState(MockTendermint.consensusStateAny()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instantiateCases")
  void wasmInstantiate(
      String name, Function<CallContext, CallResult> contract, ErrorCode expected) {
    setup(false);
    vm.instantiateFn =
        (c, env, info, msg, ctx) -> {
          assertThat(msg).isEqualTo(instantiateMsg());
          return contract.apply(ctx);
        };
    KvStore clientStore = chain.clientStore(DEFAULT_WASM_CLIENT_ID);
    WasmClientState cs = new WasmClientState(Bytes.EMPTY, checksum, Height.ZERO);
    Runnable call =
        () ->
            chain
                .keeper()
                .calls()
                .wasmInstantiate(
                    chain.ctx(), DEFAULT_WASM_CLIENT_ID, clientStore, cs, instantiateMessage());
    if (expected == null) {
      call.run();
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  static Stream<Arguments> migrateCases() {
    return sharedFailures(ctx -> contractOkEmpty(ctx));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("migrateCases")
  void wasmMigrate(String name, Function<CallContext, CallResult> contract, ErrorCode expected) {
    setup(true);
    vm.migrateFn =
        (c, env, msg, ctx) -> {
          assertThat(msg.toUtf8()).isEqualTo("{}");
          return contract.apply(ctx);
        };
    KvStore clientStore = chain.clientStore(DEFAULT_WASM_CLIENT_ID);
    // ibc-go passes &types.ClientState{}; the engine API needs a 32-byte checksum to address code
    WasmClientState cs = new WasmClientState(Bytes.EMPTY, checksum, Height.ZERO);
    Runnable call =
        () ->
            chain
                .keeper()
                .calls()
                .wasmMigrate(
                    chain.ctx(), clientStore, cs, DEFAULT_WASM_CLIENT_ID, Bytes.ofUtf8("{}"));
    if (expected == null) {
      call.run();
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  static Stream<Arguments> sudoCases() {
    return Stream.concat(
        sharedFailures(ctx -> contractOk(ctx, Bytes.ofUtf8("{\"heights\":[]}"))),
        Stream.of(
            arguments(
                "failure: change checksum",
                (Function<CallContext, CallResult>)
                    ctx -> {
                      WasmTestChain.setClientState(
                          ctx,
                          new WasmClientState(
                              MockTendermint.clientStateAny(Height.of(1, 5)),
                              Bytes.ofUtf8("new checksum"),
                              Height.of(1, 5)));
                      return contractOkEmpty(ctx);
                    },
                WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sudoCases")
  void wasmSudo(String name, Function<CallContext, CallResult> contract, ErrorCode expected) {
    setup(true);
    vm.registerSudoCallback(SudoMsg.UpdateState.class, (c, env, msg, ctx) -> contract.apply(ctx));
    KvStore clientStore = chain.clientStore(DEFAULT_WASM_CLIENT_ID);
    WasmClientState cs = chain.keeper().getClientState(clientStore).orElseThrow();
    SudoMsg payload = new SudoMsg.UpdateState(Bytes.ofUtf8("header"));
    if (expected == null) {
      Bytes res =
          chain
              .keeper()
              .calls()
              .wasmSudo(chain.ctx(), DEFAULT_WASM_CLIENT_ID, clientStore, cs, payload);
      assertThat(res.toUtf8()).isEqualTo("{\"heights\":[]}");
    } else {
      assertErrorIs(
          () ->
              chain
                  .keeper()
                  .calls()
                  .wasmSudo(chain.ctx(), DEFAULT_WASM_CLIENT_ID, clientStore, cs, payload),
          expected);
    }
  }

  static Stream<Arguments> queryCases() {
    return Stream.of(
        arguments(
            "success",
            (Function<CallContext, CallResult>) ctx -> queryOk(ctx, "{\"status\":\"Active\"}"),
            null),
        arguments(
            "failure: vm returns error",
            (Function<CallContext, CallResult>)
                ctx -> {
                  throw vmError(ctx);
                },
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Function<CallContext, CallResult>) ctx -> queryError(ctx, "mock contract error"),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryCases")
  void wasmQuery(String name, Function<CallContext, CallResult> contract, ErrorCode expected) {
    setup(true);
    vm.registerQueryCallback(QueryMsg.Status.class, (c, env, msg, ctx) -> contract.apply(ctx));
    KvStore clientStore = chain.clientStore(DEFAULT_WASM_CLIENT_ID);
    WasmClientState cs = chain.keeper().getClientState(clientStore).orElseThrow();
    if (expected == null) {
      Bytes res =
          chain
              .keeper()
              .calls()
              .wasmQuery(
                  chain.ctx(), DEFAULT_WASM_CLIENT_ID, clientStore, cs, new QueryMsg.Status());
      assertThat(res.toUtf8()).isEqualTo("{\"status\":\"Active\"}");
    } else {
      assertErrorIs(
          () ->
              chain
                  .keeper()
                  .calls()
                  .wasmQuery(
                      chain.ctx(), DEFAULT_WASM_CLIENT_ID, clientStore, cs, new QueryMsg.Status()),
          expected);
    }
  }

  /** ibc-go's {@code wasmvmAPI}: every address function fails, free, as a user error. */
  @Test
  void addressApiIsNotImplemented() {
    assertThat(WasmHostApi.INSTANCE.addrValidate("cosmos1..."))
        .isInstanceOfSatisfying(
            BackendResult.Err.class,
            e -> {
              assertThat(e.error())
                  .isEqualTo(
                      new io.wasm08.wasm.vm.BackendError.UserErr(
                          "validateAddress not implemented"));
              assertThat(e.gas()).isEqualTo(io.wasm08.wasm.vm.GasInfo.FREE);
            });
    assertThat(WasmHostApi.INSTANCE.addrCanonicalize("x"))
        .isInstanceOfSatisfying(
            BackendResult.Err.class,
            e ->
                assertThat(e.error())
                    .isEqualTo(
                        new io.wasm08.wasm.vm.BackendError.UserErr(
                            "canonicalizeAddress not implemented")));
    assertThat(WasmHostApi.INSTANCE.addrHumanize(Bytes.of((byte) 1)))
        .isInstanceOfSatisfying(
            BackendResult.Err.class,
            e ->
                assertThat(e.error())
                    .isEqualTo(
                        new io.wasm08.wasm.vm.BackendError.UserErr(
                            "humanizeAddress not implemented")));
  }
}
