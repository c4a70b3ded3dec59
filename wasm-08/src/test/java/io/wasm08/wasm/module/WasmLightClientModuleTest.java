package io.wasm08.wasm.module;

import static io.wasm08.wasm.testing.ErrorAssertions.assertErrorIs;
import static io.wasm08.wasm.testing.ErrorAssertions.assertPanicsWith;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractError;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOk;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOkEmpty;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryError;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryOk;
import static io.wasm08.wasm.testing.FakeWasmEngine.vmError;
import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.DEFAULT_WASM_CLIENT_ID;
import static io.wasm08.wasm.testing.WasmTestValues.FIRST_CLIENT_ID;
import static io.wasm08.wasm.testing.WasmTestValues.INVALID_ID;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_INVALID_PROOF;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_UPGRADED_CLIENT_STATE_PROOF;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_UPGRADED_CONSENSUS_STATE_PROOF;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_VALID_PROOF;
import static io.wasm08.wasm.testing.WasmTestValues.UNUSED_WASM_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.CommitmentErrorCode;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.wasm.WasmLightClientModule;
import io.wasm08.wasm.api.ContractEnv;
import io.wasm08.wasm.api.ContractPayloads;
import io.wasm08.wasm.api.GoJsonParser;
import io.wasm08.wasm.api.GoJsonValue;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.api.SudoMsg;
import io.wasm08.wasm.keeper.ClientRecoveryStore;
import io.wasm08.wasm.testing.FakeWasmEngine;
import io.wasm08.wasm.testing.MockTendermint;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ibc-go's {@code light_client_module_test.go} against a {@link FakeWasmEngine}: every table, with
 * the expected error codes and panics. Each case runs the module call inside a cache branch (as the
 * tx does) and checks that a failing call leaves both stores untouched.
 *
 * <p>Cases where ibc-go passes a value of the wrong Go type ({@code ibcmock.Height}, {@code
 * ibcmock.KeyPath}) have no Java equivalent — the SPI is typed — and are exercised with {@code
 * null}, which the module rejects the same way ({@code ErrInvalidType}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WasmLightClientModuleTest {
  FakeWasmEngine vm;
  WasmTestChain chain;
  Bytes checksum;
  String clientId;

  // per-case variables, as the upstream closures capture them
  Height height;
  MerklePath path;
  Bytes proof;
  Bytes value;
  ClientMessage clientMsg;
  Bytes expectedClientStateBz;
  WasmClientState upgradedClient;
  Bytes upgradedClientBz;
  WasmConsensusState upgradedConsensus;
  String substituteClientId;

  /** A client message of another light client (ibc-go uses {@code *ibctm.Header}). */
  record TendermintHeader() implements ClientMessage {
    @Override
    public String clientType() {
      return "07-tendermint";
    }

    @Override
    public void validateBasic() {}
  }

  /** {@code SetupWasmWithMockVM} + {@code WasmEndpoint.CreateClient}. */
  void setupWithClient() {
    vm = new FakeWasmEngine();
    vm.instantiateFn = WasmTestChain.defaultInstantiate();
    vm.registerQueryCallback(
        QueryMsg.Status.class, (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Active\"}"));
    chain = new WasmTestChain(vm);
    checksum = chain.storeCode(CODE);
    clientId = chain.createClient(checksum);
    assertThat(clientId).isEqualTo(DEFAULT_WASM_CLIENT_ID);
    expectedClientStateBz = null;
  }

  WasmLightClientModule module() {
    return chain.module();
  }

  WasmClientState storedClientState(String id) {
    return chain.keeper().getClientState(chain.clientStore(id)).orElseThrow();
  }

  Bytes storedClientStateBz(String id) {
    return chain.clientStore(id).get(ClientKeys.clientStateKey());
  }

  /** Runs {@code call} atomically; on failure asserts that nothing was written, then rethrows. */
  void tx(Runnable call) {
    Map<String, Bytes> before = chain.snapshot();
    try {
      chain
          .ctx()
          .atomically(
              c -> {
                call.run();
                return null;
              });
    } catch (RuntimeException e) {
      assertThat(chain.snapshot()).as("a failed call writes nothing").isEqualTo(before);
      throw e;
    }
  }

  static String oneOfKey(Bytes msg) {
    return ((GoJsonValue.JObject) GoJsonParser.parse(msg.toByteArray())).members().get(0).key();
  }

  static Bytes tmHeaderData() {
    return MockTendermint.any("/ibc.lightclients.tendermint.v1.Header", Bytes.EMPTY);
  }

  // ---- TestStatus ------------------------------------------------------------------------------

  Stream<Arguments> statusCases() {
    return Stream.of(
        arguments("client is active", (Runnable) () -> {}, Status.ACTIVE),
        arguments(
            "client is frozen",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.Status.class,
                        (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Frozen\"}")),
            Status.FROZEN),
        arguments(
            "client status is expired",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.Status.class,
                        (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Expired\"}")),
            Status.EXPIRED),
        arguments(
            "client status is unknown: vm returns an error",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.Status.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            Status.UNKNOWN),
        arguments(
            "client status is unauthorized: checksum is not stored",
            (Runnable)
                () ->
                    chain
                        .wasmStore()
                        .delete(io.wasm08.wasm.keeper.WasmKeeper.CHECKSUMS_PREFIX.concat(checksum)),
            Status.UNAUTHORIZED),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            Status.UNKNOWN),
        arguments(
            "failure: response fails to unmarshal",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.Status.class, (c, env, msg, ctx) -> queryOk(ctx, "invalid json")),
            Status.UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statusCases")
  void status(String name, Runnable malleate, Status expected) {
    setupWithClient();
    malleate.run();
    assertThat(module().status(chain.ctx(), clientId)).isEqualTo(expected);
  }

  // ---- TestTimestampAtHeight --------------------------------------------------------------------

  static final long EXPECTED_TIMESTAMP = 1_700_000_123_456_789_000L;

  Stream<Arguments> timestampCases() {
    return Stream.of(
        arguments(
            "success",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.TimestampAtHeight.class,
                        (c, env, msg, ctx) -> {
                          assertThat(oneOfKey(msg)).isEqualTo("timestamp_at_height");
                          return queryOk(ctx, "{\"timestamp\":" + EXPECTED_TIMESTAMP + "}");
                        }),
            null),
        arguments(
            "failure: vm returns error",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.TimestampAtHeight.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.TimestampAtHeight.class,
                        (c, env, msg, ctx) -> queryError(ctx, "mock contract error")),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED),
        arguments(
            "failure: error: invalid height",
            (Runnable) () -> height = null,
            IbcErrorCode.INVALID_TYPE),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "failure: response fails to unmarshal",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.TimestampAtHeight.class,
                        (c, env, msg, ctx) -> queryOk(ctx, "invalid json")),
            WasmErrorCode.WASM_INVALID_RESPONSE_DATA));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timestampCases")
  void timestampAtHeight(String name, Runnable malleate, ErrorCode expected) {
    setupWithClient();
    height = storedClientState(clientId).latestHeight();
    malleate.run();
    if (expected == null) {
      assertThat(module().timestampAtHeight(chain.ctx(), clientId, height))
          .isEqualTo(EXPECTED_TIMESTAMP);
    } else {
      var e =
          assertErrorIs(() -> module().timestampAtHeight(chain.ctx(), clientId, height), expected);
      if (expected == WasmErrorCode.WASM_INVALID_RESPONSE_DATA) {
        assertThat(e)
            .hasMessage(
                "failed to unmarshal result of wasm query: invalid character 'i' looking for"
                    + " beginning of value: wasm contract returned invalid response data");
      }
      if (expected == WasmErrorCode.WASM_CONTRACT_CALL_FAILED) {
        assertThat(e).hasMessage("height (1-5): mock contract error: wasm contract call failed");
      }
    }
  }

  // ---- TestInitialize
  // ----------------------------------------------------------------------------

  Bytes initClientStateBz;
  Bytes initConsensusStateBz;

  Stream<Arguments> initializeCases() {
    return Stream.of(
        arguments("success: new mock client", (Runnable) () -> {}, null, null),
        arguments(
            "success: validate contract address",
            (Runnable)
                () -> {
                  FakeWasmEngine.InstantiateFn inner = WasmTestChain.defaultInstantiate();
                  vm.instantiateFn =
                      (c, env, info, msg, ctx) -> {
                        assertThat(env)
                            .isEqualTo(
                                ContractEnv.env(
                                    chain.blockHeight,
                                    chain.blockTime.getEpochSecond() * 1_000_000_000L,
                                    WasmTestChain.CHAIN_ID,
                                    "08-wasm-1"));
                        assertThat(info).isEqualTo(ContractEnv.INSTANTIATE_INFO);
                        return inner.instantiate(c, env, info, msg, ctx);
                      };
                },
            null,
            null),
        arguments(
            "failure: cannot unmarshal client state",
            (Runnable)
                () ->
                    // solomachine.ClientState{Sequence: 20}: field 1 is a varint
                    initClientStateBz = Bytes.of((byte) 0x08, (byte) 20),
            null,
            "proto: wrong wireType = 0 for field Data"),
        arguments(
            "failure: client state is invalid",
            (Runnable)
                () ->
                    initClientStateBz =
                        new WasmClientState(Bytes.EMPTY, Bytes.EMPTY, Height.ZERO).marshal(),
            WasmErrorCode.INVALID_DATA,
            null),
        arguments(
            "failure: invalid consensus state",
            (Runnable) () -> initConsensusStateBz = Bytes.EMPTY, // solomachine.ConsensusState{}
            WasmErrorCode.INVALID_DATA,
            null),
        arguments(
            "failure: checksum has not been stored.",
            (Runnable)
                () ->
                    initClientStateBz =
                        new WasmClientState(
                                Bytes.of((byte) 1),
                                Bytes.ofUtf8("unknown".repeat(5).substring(0, 32)),
                                Height.of(0, 1))
                            .marshal(),
            WasmErrorCode.INVALID_CHECKSUM,
            null),
        arguments(
            "failure: vm returns error",
            (Runnable)
                () ->
                    vm.instantiateFn =
                        (c, env, info, msg, ctx) -> {
                          throw vmError(ctx);
                        },
            WasmErrorCode.VM_ERROR,
            null),
        arguments(
            "failure: contract returns error",
            (Runnable)
                () ->
                    vm.instantiateFn =
                        (c, env, info, msg, ctx) -> contractError(ctx, "mock contract error"),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initializeCases")
  void initialize(String name, Runnable malleate, ErrorCode expected, String expectedMessage) {
    setupWithClient();
    initClientStateBz =
        new WasmClientState(
                MockTendermint.clientStateAny(Height.of(1, 10)), checksum, Height.of(1, 10))
            .marshal();
    initConsensusStateBz = new WasmConsensusState(MockTendermint.consensusStateAny()).marshal();
    String newId = chain.clientKeeper().generateClientIdentifier(chain.ctx(), "08-wasm");
    malleate.run();
    Runnable call =
        () ->
            tx(
                () ->
                    module()
                        .initialize(chain.ctx(), newId, initClientStateBz, initConsensusStateBz));
    if (expected == null && expectedMessage == null) {
      call.run();
      assertThat(storedClientState(newId).latestHeight()).isEqualTo(Height.of(1, 10));
    } else if (expectedMessage != null) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
          .hasMessageContaining(expectedMessage);
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  // ---- TestVerifyMembership / TestVerifyNonMembership
  // --------------------------------------------

  Stream<Arguments> membershipCases() {
    return Stream.of(
        arguments("success", "plain", null),
        arguments("success: with update client state", "update", null),
        arguments(
            "failure: cannot find client state", "no-client", ClientErrorCode.CLIENT_NOT_FOUND),
        arguments("failure: wasm vm returns error", "vm-error", WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns invalid proof error",
            "invalid-proof",
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED),
        arguments(
            "failure: proof height greater than client state latest height",
            "height",
            IbcErrorCode.INVALID_HEIGHT),
        arguments("failure: invalid path argument", "path", IbcErrorCode.INVALID_TYPE),
        arguments(
            "failure: proof height is invalid type", "height-type", IbcErrorCode.INVALID_TYPE));
  }

  void membershipSetup(String variant, boolean membership) {
    setupWithClient();
    path = MerklePath.of(Bytes.ofUtf8("/ibc/key/path"));
    proof = membership ? MOCK_VALID_PROOF : MOCK_INVALID_PROOF;
    height = Height.of(0, 1);
    value = Bytes.ofUtf8("value");
    Class<? extends SudoMsg> type =
        membership ? SudoMsg.VerifyMembership.class : SudoMsg.VerifyNonMembership.class;
    SudoMsg expectedPayload =
        membership
            ? new SudoMsg.VerifyMembership(Height.of(0, 1), 0, 0, proof, path, value)
            : new SudoMsg.VerifyNonMembership(Height.of(0, 1), 0, 0, proof, path);
    switch (variant) {
      case "plain" -> {
        expectedClientStateBz = storedClientStateBz(clientId);
        vm.registerSudoCallback(
            type,
            (c, env, msg, ctx) -> {
              assertThat(msg).isEqualTo(ContractPayloads.current().sudo(expectedPayload));
              return contractOkEmpty(ctx);
            });
      }
      case "update" ->
          vm.registerSudoCallback(
              type,
              (c, env, msg, ctx) -> {
                assertThat(msg).isEqualTo(ContractPayloads.current().sudo(expectedPayload));
                expectedClientStateBz = WasmTestChain.mockClientStateBz(checksum);
                FakeWasmEngine.set(ctx, ClientKeys.clientStateKey(), expectedClientStateBz);
                return contractOkEmpty(ctx);
              });
      case "no-client" -> clientId = UNUSED_WASM_CLIENT_ID;
      case "vm-error" -> {
        proof = MOCK_INVALID_PROOF;
        vm.registerSudoCallback(
            type,
            (c, env, msg, ctx) -> {
              throw vmError(ctx);
            });
      }
      case "invalid-proof" -> {
        proof = MOCK_INVALID_PROOF;
        vm.registerSudoCallback(
            type,
            (c, env, msg, ctx) -> contractError(ctx, CommitmentErrorCode.INVALID_PROOF.message()));
      }
      case "height" -> height = Height.of(1, 100);
      case "path" -> path = null;
      case "height-type" -> height = null;
      default -> throw new IllegalArgumentException(variant);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("membershipCases")
  void verifyMembership(String name, String variant, ErrorCode expected) {
    membershipSetup(variant, true);
    Runnable call =
        () ->
            tx(
                () ->
                    module()
                        .verifyMembership(chain.ctx(), clientId, height, 0, 0, proof, path, value));
    if (expected == null) {
      call.run();
      assertThat(storedClientStateBz(clientId)).isEqualTo(expectedClientStateBz);
    } else {
      var e = assertErrorIs(call::run, expected);
      if (expected == IbcErrorCode.INVALID_HEIGHT) {
        assertThat(e)
            .hasMessage(
                "client state height < proof height ({1 5} < {1 100}), please ensure the client"
                    + " has been updated: invalid height");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("membershipCases")
  void verifyNonMembership(String name, String variant, ErrorCode expected) {
    membershipSetup(variant, false);
    Runnable call =
        () ->
            tx(
                () ->
                    module().verifyNonMembership(chain.ctx(), clientId, height, 0, 0, proof, path));
    if (expected == null) {
      call.run();
      assertThat(storedClientStateBz(clientId)).isEqualTo(expectedClientStateBz);
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  // ---- TestVerifyClientMessage
  // -------------------------------------------------------------------

  Stream<Arguments> verifyClientMessageCases() {
    return Stream.of(
        arguments(
            "success: valid misbehaviour",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.VerifyClientMessage.class,
                        (c, env, msg, ctx) -> {
                          assertThat(oneOfKey(msg)).isEqualTo("verify_client_message");
                          assertThat(env.toUtf8()).contains("\"address\":\"08-wasm-0\"");
                          return queryOk(ctx, "{}");
                        }),
            null),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "failure: invalid client message",
            (Runnable)
                () -> {
                  clientMsg = new TendermintHeader();
                  vm.registerQueryCallback(
                      QueryMsg.VerifyClientMessage.class, (c, env, msg, ctx) -> queryOk(ctx, "{}"));
                },
            IbcErrorCode.INVALID_TYPE),
        arguments(
            "failure: error return from vm",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.VerifyClientMessage.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: error return from contract",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.VerifyClientMessage.class,
                        (c, env, msg, ctx) -> queryError(ctx, "mock contract error")),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifyClientMessageCases")
  void verifyClientMessage(String name, Runnable malleate, ErrorCode expected) {
    setupWithClient();
    clientMsg = new WasmClientMessage(tmHeaderData());
    malleate.run();
    Runnable call = () -> tx(() -> module().verifyClientMessage(chain.ctx(), clientId, clientMsg));
    if (expected == null) {
      call.run();
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  // ---- TestVerifyUpgradeAndUpdateState
  // -----------------------------------------------------------

  Stream<Arguments> upgradeCases() {
    return Stream.of(
        arguments(
            "success: successful upgrade",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.VerifyUpgradeAndUpdateState.class,
                        (c, env, msg, ctx) -> {
                          assertThat(msg)
                              .isEqualTo(
                                  ContractPayloads.current()
                                      .sudo(
                                          new SudoMsg.VerifyUpgradeAndUpdateState(
                                              upgradedClient,
                                              upgradedConsensus,
                                              MOCK_UPGRADED_CLIENT_STATE_PROOF,
                                              MOCK_UPGRADED_CONSENSUS_STATE_PROOF)));
                          WasmTestChain.setClientState(ctx, upgradedClient);
                          FakeWasmEngine.set(
                              ctx,
                              ClientKeys.consensusStateKey(Height.of(2, 10)),
                              Bytes.wrapOwned(
                                  AnyCodec.pack(upgradedConsensus.toProto()).toByteArray()));
                          return contractOkEmpty(ctx);
                        }),
            null),
        arguments(
            "failure: invalid client state",
            (Runnable) () -> upgradedClientBz = Bytes.of((byte) 0x08, (byte) 20),
            ClientErrorCode.INVALID_CLIENT),
        arguments(
            "failure: invalid height",
            (Runnable)
                () ->
                    upgradedClientBz =
                        new WasmClientState(Bytes.EMPTY, Bytes.EMPTY, Height.ZERO).marshal(),
            IbcErrorCode.INVALID_HEIGHT),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "failure: vm returns error",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.VerifyUpgradeAndUpdateState.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.VerifyUpgradeAndUpdateState.class,
                        (c, env, msg, ctx) -> contractError(ctx, "mock contract error")),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upgradeCases")
  void verifyUpgradeAndUpdateState(String name, Runnable malleate, ErrorCode expected) {
    setupWithClient();
    Height newLatest = Height.of(2, 10);
    upgradedClient =
        new WasmClientState(MockTendermint.clientStateAny(newLatest), checksum, newLatest);
    upgradedConsensus =
        new WasmConsensusState(
            MockTendermint.any(MockTendermint.CONSENSUS_STATE_TYPE_URL, Bytes.ofUtf8("new")));
    upgradedClientBz = null;
    malleate.run();
    Bytes newClient = upgradedClientBz != null ? upgradedClientBz : upgradedClient.marshal();
    Runnable call =
        () ->
            tx(
                () ->
                    module()
                        .verifyUpgradeAndUpdateState(
                            chain.ctx(),
                            clientId,
                            newClient,
                            upgradedConsensus.marshal(),
                            MOCK_UPGRADED_CLIENT_STATE_PROOF,
                            MOCK_UPGRADED_CONSENSUS_STATE_PROOF));
    if (expected == null) {
      call.run();
      assertThat(storedClientState(clientId)).isEqualTo(upgradedClient);
      assertThat(chain.clientStore(clientId).get(ClientKeys.consensusStateKey(newLatest)))
          .isEqualTo(Bytes.wrapOwned(AnyCodec.pack(upgradedConsensus.toProto()).toByteArray()));
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  // ---- TestCheckForMisbehaviour
  // ------------------------------------------------------------------

  Stream<Arguments> misbehaviourCases() {
    return Stream.of(
        arguments(
            "success: no misbehaviour",
            (Runnable) () -> answerMisbehaviour("{\"found_misbehaviour\":false}"),
            false,
            null),
        arguments(
            "success: misbehaviour found",
            (Runnable) () -> answerMisbehaviour("{\"found_misbehaviour\":true}"),
            true,
            null),
        arguments(
            "success: contract error, resp cannot be marshalled",
            (Runnable) () -> answerMisbehaviour("cannot be unmarshalled"),
            false,
            null),
        arguments(
            "success: contract returns error",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.CheckForMisbehaviour.class,
                        (c, env, msg, ctx) -> queryError(ctx, "mock contract error")),
            false,
            null),
        arguments(
            "success: vm returns error, ",
            (Runnable)
                () ->
                    vm.registerQueryCallback(
                        QueryMsg.CheckForMisbehaviour.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            false,
            null),
        arguments(
            "success: invalid client message",
            (Runnable) () -> clientMsg = new TendermintHeader(),
            false,
            null),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            false,
            "08-wasm-100: light client not found"),
        arguments(
            "failure: response fails to unmarshal",
            (Runnable) () -> answerMisbehaviour("invalid json"),
            false,
            null));
  }

  void answerMisbehaviour(String json) {
    vm.registerQueryCallback(
        QueryMsg.CheckForMisbehaviour.class, (c, env, msg, ctx) -> queryOk(ctx, json));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misbehaviourCases")
  void checkForMisbehaviour(String name, Runnable malleate, boolean found, String panic) {
    setupWithClient();
    clientMsg =
        new WasmClientMessage(
            MockTendermint.any("/ibc.lightclients.tendermint.v1.Misbehaviour", Bytes.EMPTY));
    malleate.run();
    if (panic == null) {
      assertThat(module().checkForMisbehaviour(chain.ctx(), clientId, clientMsg)).isEqualTo(found);
    } else {
      assertPanicsWith(
          () -> tx(() -> module().checkForMisbehaviour(chain.ctx(), clientId, clientMsg)), panic);
    }
  }

  // ---- TestUpdateState
  // ---------------------------------------------------------------------------

  static final Height MOCK_HEIGHT = Height.of(1, 50);

  Stream<Arguments> updateStateCases() {
    return Stream.of(
        arguments(
            "success: no update",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateState.class,
                        (c, env, msg, ctx) -> {
                          assertThat(msg)
                              .isEqualTo(
                                  ContractPayloads.current()
                                      .sudo(new SudoMsg.UpdateState(tmHeaderData())));
                          assertThat(env.toUtf8()).contains("\"address\":\"08-wasm-0\"");
                          return contractOk(ctx, Bytes.ofUtf8("{\"heights\":[]}"));
                        }),
            null,
            List.of()),
        arguments(
            "success: update client",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateState.class,
                        (c, env, msg, ctx) -> {
                          Bytes bz =
                              FakeWasmEngine.get(ctx, ClientKeys.clientStateKey()).orElseThrow();
                          WasmClientState cs =
                              (WasmClientState)
                                  chain
                                      .anyCodec()
                                      .unpack(
                                          parseAny(bz),
                                          io.wasm08.core.client.ClientInterfaces.CLIENT_STATE)
                                      .orElseThrow();
                          WasmClientState updated =
                              new WasmClientState(cs.data(), cs.checksum(), MOCK_HEIGHT);
                          expectedClientStateBz =
                              Bytes.wrapOwned(AnyCodec.pack(updated.toProto()).toByteArray());
                          FakeWasmEngine.set(
                              ctx, ClientKeys.clientStateKey(), expectedClientStateBz);
                          return contractOk(
                              ctx,
                              Bytes.ofUtf8(
                                  "{\"heights\":[{\"revision_number\":1,\"revision_height\":50}]}"));
                        }),
            null,
            List.of(MOCK_HEIGHT)),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            "08-wasm-100: light client not found",
            null),
        arguments(
            "failure: invalid ClientMessage type",
            (Runnable) () -> clientMsg = new TendermintHeader(),
            "expected type *types.ClientMessage, got *TendermintHeader",
            null),
        arguments(
            "failure: VM returns error",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateState.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            "Error calling the VM: Generic error: mock vm error: wasm VM error",
            null),
        arguments(
            "failure: response fails to unmarshal",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateState.class,
                        (c, env, msg, ctx) -> contractOk(ctx, Bytes.ofUtf8("invalid json"))),
            "invalid character 'i' looking for beginning of value: wasm contract returned invalid"
                + " response data",
            null),
        arguments(
            "failure: callbackFn returns error",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateState.class,
                        (c, env, msg, ctx) -> contractError(ctx, "mock contract error")),
            "mock contract error: wasm contract call failed",
            null));
  }

  static com.google.protobuf.Any parseAny(Bytes bz) {
    try {
      return com.google.protobuf.Any.parseFrom(bz.toByteArray());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateStateCases")
  void updateState(String name, Runnable malleate, String panic, List<Height> heights) {
    setupWithClient();
    clientMsg = new WasmClientMessage(tmHeaderData());
    malleate.run();
    if (panic == null) {
      List<Height>[] got = new List[1];
      tx(() -> got[0] = module().updateState(chain.ctx(), clientId, clientMsg));
      assertThat(got[0]).isEqualTo(heights);
      if (expectedClientStateBz != null) {
        assertThat(storedClientStateBz(DEFAULT_WASM_CLIENT_ID)).isEqualTo(expectedClientStateBz);
      }
    } else {
      assertPanicsWith(
          () -> tx(() -> module().updateState(chain.ctx(), clientId, clientMsg)), panic);
    }
  }

  // ---- TestUpdateStateOnMisbehaviour ----------------------------------------------------------

  Stream<Arguments> updateOnMisbehaviourCases() {
    return Stream.of(
        arguments(
            "success: no update",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateStateOnMisbehaviour.class,
                        (c, env, msg, ctx) -> {
                          assertThat(oneOfKey(msg)).isEqualTo("update_state_on_misbehaviour");
                          return contractOkEmpty(ctx);
                        }),
            null),
        arguments(
            "success: client state updated on valid misbehaviour",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateStateOnMisbehaviour.class,
                        (c, env, msg, ctx) -> {
                          WasmClientState cs = storedFromCall(ctx);
                          WasmClientState updated =
                              new WasmClientState(cs.data(), cs.checksum(), MOCK_HEIGHT);
                          expectedClientStateBz =
                              Bytes.wrapOwned(AnyCodec.pack(updated.toProto()).toByteArray());
                          FakeWasmEngine.set(
                              ctx, ClientKeys.clientStateKey(), expectedClientStateBz);
                          return contractOkEmpty(ctx);
                        }),
            null),
        arguments(
            "failure: cannot find client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            "08-wasm-100: light client not found"),
        arguments(
            "failure: invalid client message",
            (Runnable) () -> clientMsg = new TendermintHeader(),
            "expected type *types.ClientMessage, got *TendermintHeader"),
        arguments(
            "failure: err return from vm",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateStateOnMisbehaviour.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            "Error calling the VM: Generic error: mock vm error: wasm VM error"),
        arguments(
            "failure: err return from contract",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.UpdateStateOnMisbehaviour.class,
                        (c, env, msg, ctx) -> contractError(ctx, "mock contract error")),
            "mock contract error: wasm contract call failed"));
  }

  WasmClientState storedFromCall(io.wasm08.wasm.vm.CallContext ctx) {
    Bytes bz = FakeWasmEngine.get(ctx, ClientKeys.clientStateKey()).orElseThrow();
    return (WasmClientState)
        chain
            .anyCodec()
            .unpack(parseAny(bz), io.wasm08.core.client.ClientInterfaces.CLIENT_STATE)
            .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateOnMisbehaviourCases")
  void updateStateOnMisbehaviour(String name, Runnable malleate, String panic) {
    setupWithClient();
    clientMsg =
        new WasmClientMessage(
            MockTendermint.any("/ibc.lightclients.tendermint.v1.Misbehaviour", Bytes.EMPTY));
    malleate.run();
    if (panic == null) {
      tx(() -> module().updateStateOnMisbehaviour(chain.ctx(), clientId, clientMsg));
      if (expectedClientStateBz != null) {
        assertThat(storedClientStateBz(DEFAULT_WASM_CLIENT_ID)).isEqualTo(expectedClientStateBz);
      }
    } else {
      assertPanicsWith(
          () -> tx(() -> module().updateStateOnMisbehaviour(chain.ctx(), clientId, clientMsg)),
          panic);
    }
  }

  // ---- TestRecoverClient -----------------------------------------------------------------------

  Stream<Arguments> recoverCases() {
    return Stream.of(
        arguments(
            "success",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.MigrateClientStore.class,
                        (c, env, msg, ctx) -> {
                          assertThat(msg.toUtf8()).isEqualTo("{\"migrate_client_store\":{}}");
                          expectedClientStateBz = WasmTestChain.mockClientStateBz(checksum);
                          FakeWasmEngine.set(
                              ctx,
                              ClientRecoveryStore.SUBJECT_PREFIX.concat(
                                  ClientKeys.clientStateKey()),
                              expectedClientStateBz);
                          return contractOkEmpty(ctx);
                        }),
            null),
        arguments(
            "failure: cannot parse malformed substitute client ID",
            (Runnable) () -> substituteClientId = INVALID_ID,
            HostErrorCode.INVALID_ID),
        arguments(
            "failure: substitute client ID does not contain 08-wasm prefix",
            (Runnable) () -> substituteClientId = FIRST_CLIENT_ID,
            ClientErrorCode.INVALID_CLIENT_TYPE),
        arguments(
            "failure: cannot find subject client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "failure: cannot find substitute client state",
            (Runnable) () -> substituteClientId = UNUSED_WASM_CLIENT_ID,
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "failure: checksums do not match",
            (Runnable)
                () -> {
                  WasmClientState substitute = storedClientState(substituteClientId);
                  chain
                      .clientKeeper()
                      .setClientState(
                          chain.ctx(),
                          substituteClientId,
                          AnyCodec.pack(
                              substitute.withChecksum(Bytes.ofUtf8("invalid")).toProto()));
                },
            ClientErrorCode.INVALID_CLIENT),
        arguments(
            "failure: vm returns error",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.MigrateClientStore.class,
                        (c, env, msg, ctx) -> {
                          throw vmError(ctx);
                        }),
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Runnable)
                () ->
                    vm.registerSudoCallback(
                        SudoMsg.MigrateClientStore.class,
                        (c, env, msg, ctx) -> contractError(ctx, "mock contract error")),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recoverCases")
  void recoverClient(String name, Runnable malleate, ErrorCode expected) {
    setupWithClient();
    substituteClientId = chain.createClient(checksum);
    malleate.run();
    Runnable call =
        () -> tx(() -> module().recoverClient(chain.ctx(), clientId, substituteClientId));
    if (expected == null) {
      call.run();
      assertThat(storedClientStateBz(clientId)).isEqualTo(expectedClientStateBz);
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  // ---- TestLatestHeight ------------------------------------------------------------------------

  Stream<Arguments> latestHeightCases() {
    return Stream.of(
        arguments("success", (Runnable) () -> {}, Height.of(1, 5)),
        arguments(
            "failure: cannot find substitute client state",
            (Runnable) () -> clientId = UNUSED_WASM_CLIENT_ID,
            Height.ZERO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("latestHeightCases")
  void latestHeight(String name, Runnable malleate, Height expected) {
    setupWithClient();
    malleate.run();
    assertThat(module().latestHeight(chain.ctx(), clientId)).isEqualTo(expected);
  }

  /** Unused upstream helper kept visible for readers: payload of a callback as the struct. */
  static Consumer<Bytes> noop() {
    return b -> {};
  }
}
