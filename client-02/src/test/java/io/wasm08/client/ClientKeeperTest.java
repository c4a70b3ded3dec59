package io.wasm08.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.Any;
import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.events.Event;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.CommitmentErrorCode;
import io.wasm08.proofs.commitment.MerklePath;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wasm08.testing.fake.v1.Fake;

/**
 * Mirrors ibc-go v11 {@code 02-client/keeper/client_test.go} and {@code keeper_test.go} against the
 * {@link FakeLightClient} (routed as 07-tendermint): each flow's success and failure cases with
 * exact codes, messages and events, and — for every failure — an unchanged store and no events.
 */
public class ClientKeeperTest {
  private static final String CLIENT_0 = "07-tendermint-0";
  private static final String CLIENT_1 = "07-tendermint-1";

  /** What a failing case must produce. */
  record Failure(ErrorCode code, String message) {}

  static Failure fails(ErrorCode code, String message) {
    return new Failure(code, message);
  }

  /** Runs a failing entry point and checks code, message, untouched store and no events. */
  static void assertFailsCleanly(TestChain chain, Failure expected, Consumer<BlockContext> call) {
    Map<Bytes, Bytes> before = chain.snapshot();
    BlockContext ctx = chain.ctx();
    assertThatThrownBy(() -> call.accept(ctx))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(expected.message())
        .satisfies(e -> assertThat(((Wasm08Exception) e).is(expected.code())).isTrue());
    assertThat(chain.snapshot()).as("store after a failed call").isEqualTo(before);
    assertThat(ctx.eventManager().events()).as("events of a failed call").isEmpty();
  }

  private static void frozen(TestChain chain, String clientId) {
    setFakeClient(chain, clientId, b -> b.setFrozen(true));
  }

  public static void setFakeClient(
      TestChain chain, String clientId, Consumer<Fake.ClientState.Builder> change) {
    BlockContext ctx = chain.ctx();
    Any stored = chain.keeper.getClientState(ctx, clientId).orElseThrow();
    Fake.ClientState.Builder b;
    try {
      b = stored.unpack(Fake.ClientState.class).toBuilder();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
    change.accept(b);
    chain.keeper.setClientState(ctx, clientId, AnyCodec.pack(b.build()));
  }

  private static Fake.ClientState fakeClient(TestChain chain, String clientId) {
    try {
      return chain
          .keeper
          .getClientState(chain.ctx(), clientId)
          .orElseThrow()
          .unpack(Fake.ClientState.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  // --- CreateClient ---------------------------------------------------------------------------

  @Test
  void createClientSuccess() {
    TestChain chain = new TestChain();
    BlockContext ctx = chain.ctx();
    String clientId =
        chain.keeper.createClient(
            ctx,
            FakeTypes.CLIENT_TYPE,
            Bytes.of(FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5)).toByteArray()),
            Bytes.of(FakeTypes.consensusState(TestChain.TIMESTAMP, "root").toByteArray()));
    assertThat(clientId).isEqualTo(CLIENT_0);
    assertThat(chain.keeper.getClientState(chain.ctx(), clientId)).isPresent();
    assertThat(chain.keeper.getNextClientSequence(chain.ctx())).isEqualTo(1);
    assertThat(ctx.eventManager().events())
        .containsExactly(
            Event.of(
                "create_client",
                "client_id",
                CLIENT_0,
                "client_type",
                "07-tendermint",
                "consensus_height",
                "1-5"),
            Event.message("ibc_client"));
    // The global sequence numbers clients across types.
    assertThat(chain.createClient(Height.of(1, 5))).isEqualTo(CLIENT_1);
  }

  static Stream<Arguments> createClientFailures() {
    return Stream.of(
        arguments(
            "failure: 07-tendermint client status is not active",
            FakeTypes.CLIENT_TYPE,
            (Consumer<TestChain>) c -> {},
            FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5)).toBuilder()
                .setFrozen(true)
                .build()
                .toByteString(),
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot create client (07-tendermint-0) with status Frozen: client state is not"
                    + " active")),
        arguments(
            "failure: 09-localhost client type not supported",
            "09-localhost",
            (Consumer<TestChain>) c -> {},
            FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5)).toByteString(),
            fails(
                ClientErrorCode.INVALID_CLIENT_TYPE,
                "cannot create client of type: 09-localhost: invalid client type")),
        arguments(
            "failure: client type not in the allowed clients",
            FakeTypes.CLIENT_TYPE,
            (Consumer<TestChain>)
                c -> c.keeper.setParams(c.ctx(), ClientParams.of("06-solomachine")),
            FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5)).toByteString(),
            fails(
                ClientErrorCode.INVALID_CLIENT_TYPE,
                "client (07-tendermint-0) type 07-tendermint is not in the allowed client list:"
                    + " invalid client type")),
        arguments(
            "failure: no light client module routed for the type",
            "08-wasm",
            (Consumer<TestChain>) c -> {},
            FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5)).toByteString(),
            fails(
                ClientErrorCode.ROUTE_NOT_FOUND, "08-wasm-0: light client module route not found")),
        arguments(
            "failure: the module rejects the client state",
            FakeTypes.CLIENT_TYPE,
            (Consumer<TestChain>) c -> {},
            FakeTypes.clientState("", Height.of(1, 5)).toByteString(),
            fails(
                ClientErrorCode.INVALID_CLIENT,
                "chain id cannot be empty string: light client is invalid")),
        arguments(
            "failure: the module fails after writing",
            FakeTypes.CLIENT_TYPE,
            (Consumer<TestChain>)
                c -> c.fake.failOn("initialize.after", IbcErrorCode.LOGIC.wrap("boom")),
            FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5)).toByteString(),
            fails(IbcErrorCode.LOGIC, "boom: internal logic error")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void createClientFailures(
      String name,
      String clientType,
      Consumer<TestChain> malleate,
      com.google.protobuf.ByteString clientState,
      Failure expected) {
    TestChain chain = new TestChain();
    malleate.accept(chain);
    assertFailsCleanly(
        chain,
        expected,
        ctx ->
            chain.keeper.createClient(
                ctx,
                clientType,
                Bytes.of(clientState.toByteArray()),
                Bytes.of(FakeTypes.consensusState(TestChain.TIMESTAMP, "root").toByteArray())));
    assertThat(chain.keeper.getNextClientSequence(chain.ctx())).isZero();
    assertThat(chain.keeper.getClientState(chain.ctx(), CLIENT_0)).isEmpty();
  }

  // --- UpdateClient ---------------------------------------------------------------------------

  static Stream<Arguments> updateClientSuccess() {
    return Stream.of(
        arguments(
            "valid update",
            FakeTypes.header(Height.of(1, 6), 2L, "root-6"),
            Height.of(1, 6),
            "1-6",
            "1-6"),
        arguments(
            "valid past update",
            FakeTypes.header(Height.of(1, 3), 2L, "root-3"),
            Height.of(1, 5),
            "1-3",
            "1-3"),
        arguments(
            "valid duplicate update",
            FakeTypes.header(Height.of(1, 5), 2L, "root"),
            Height.of(1, 5),
            "1-5",
            "1-5"),
        arguments(
            "valid update with several consensus heights",
            new FakeTypes.FakeHeader(
                FakeTypes.header(Height.of(1, 6), 2L, "root-6").proto().toBuilder()
                    .addExtraHeights(Height.of(1, 7).toProto())
                    .build()),
            Height.of(1, 7),
            "1-6",
            "1-6,1-7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void updateClientSuccess(
      String name,
      FakeTypes.FakeHeader header,
      Height expectedLatest,
      String consensusHeight,
      String consensusHeights) {
    TestChain chain = new TestChain();
    String clientId = chain.createClient(Height.of(1, 5));
    BlockContext ctx = chain.ctx();
    chain.keeper.updateClient(ctx, clientId, header);
    assertThat(Height.fromProto(fakeClient(chain, clientId).getLatestHeight()))
        .isEqualTo(expectedLatest);
    assertThat(chain.keeper.getClientConsensusState(chain.ctx(), clientId, header.height()))
        .isPresent();
    assertThat(ctx.eventManager().events())
        .containsExactly(
            Event.of(
                "update_client",
                "client_id",
                clientId,
                "client_type",
                "07-tendermint",
                "consensus_height",
                consensusHeight,
                "consensus_heights",
                consensusHeights),
            Event.message("ibc_client"));
    assertThat(chain.fake.calls())
        .endsWith("status", "verifyClientMessage", "checkForMisbehaviour", "updateState");
  }

  static Stream<Arguments> updateClientMisbehaviour() {
    return Stream.of(
        arguments(
            "misbehaviour detection: conflicting header",
            FakeTypes.header(Height.of(1, 5), 2L, "conflicting apphash")),
        arguments(
            "misbehaviour detection: evidence",
            new FakeTypes.FakeHeader(
                FakeTypes.header(Height.of(1, 6), 2L, "root-6").proto().toBuilder()
                    .setMisbehaviour(true)
                    .build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void updateClientMisbehaviour(String name, FakeTypes.FakeHeader header) {
    TestChain chain = new TestChain();
    String clientId = chain.createClient(Height.of(1, 5));
    BlockContext ctx = chain.ctx();
    chain.keeper.updateClient(ctx, clientId, header);
    assertThat(chain.fake.calls()).endsWith("checkForMisbehaviour", "updateStateOnMisbehaviour");
    assertThat(fakeClient(chain, clientId).getFrozen()).isTrue();
    assertThat(chain.keeper.getClientStatus(chain.ctx(), clientId)).isEqualTo(Status.FROZEN);
    assertThat(ctx.eventManager().events())
        .containsExactly(
            Event.of("client_misbehaviour", "client_id", clientId, "client_type", "07-tendermint"),
            Event.message("ibc_client"));
  }

  static Stream<Arguments> updateClientFailures() {
    FakeTypes.FakeHeader next = FakeTypes.header(Height.of(1, 6), 2L, "root-6");
    return Stream.of(
        arguments(
            "client state not found (invalid identifier)",
            "IDisInvalid",
            (Consumer<TestChain>) c -> {},
            next,
            fails(
                HostErrorCode.INVALID_ID,
                "unable to parse client identifier IDisInvalid: invalid client identifier"
                    + " IDisInvalid is not in format: `{client-type}-{N}`: invalid identifier")),
        arguments(
            "consensus state not found (expired)",
            CLIENT_0,
            (Consumer<TestChain>)
                c -> setFakeClient(c, CLIENT_0, b -> b.setLatestHeight(Height.of(1, 6).toProto())),
            next,
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot update client (07-tendermint-0) with status Expired: client state is not"
                    + " active")),
        arguments(
            "client is not active",
            CLIENT_0,
            (Consumer<TestChain>) c -> frozen(c, CLIENT_0),
            next,
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot update client (07-tendermint-0) with status Frozen: client state is not"
                    + " active")),
        arguments(
            "client does not exist",
            "07-tendermint-100",
            (Consumer<TestChain>) c -> {},
            next,
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot update client (07-tendermint-100) with status Unknown: client state is"
                    + " not active")),
        arguments(
            "client type not allowed",
            CLIENT_0,
            (Consumer<TestChain>) c -> c.keeper.setParams(c.ctx(), ClientParams.of("08-wasm")),
            next,
            fails(
                ClientErrorCode.INVALID_CLIENT_TYPE,
                "client (07-tendermint-0) type 07-tendermint is not in the allowed client list:"
                    + " invalid client type")),
        arguments(
            "invalid header",
            CLIENT_0,
            (Consumer<TestChain>) c -> {},
            FakeTypes.header(Height.of(1, 6), 2L, ""),
            fails(
                ClientErrorCode.INVALID_HEADER,
                "header root cannot be empty: invalid client header")),
        arguments(
            "update state fails after writing",
            CLIENT_0,
            (Consumer<TestChain>)
                c ->
                    c.fake.failOn(
                        "updateState.after", ClientErrorCode.UPDATE_CLIENT_FAILED.wrap("boom")),
            next,
            fails(ClientErrorCode.UPDATE_CLIENT_FAILED, "boom: unable to update light client")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void updateClientFailures(
      String name,
      String clientId,
      Consumer<TestChain> malleate,
      FakeTypes.FakeHeader header,
      Failure expected) {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    assertFailsCleanly(chain, expected, ctx -> chain.keeper.updateClient(ctx, clientId, header));
  }

  // --- UpgradeClient --------------------------------------------------------------------------

  private static final Bytes UPGRADED_CONSENSUS =
      Bytes.of(FakeTypes.consensusState(TestChain.TIMESTAMP, "next").toByteArray());

  private static Bytes upgradedClient(Height latest) {
    return Bytes.of(FakeTypes.clientState("testchain-2", latest).toByteArray());
  }

  @Test
  void upgradeClientSuccess() {
    TestChain chain = new TestChain();
    String clientId = chain.createClient(Height.of(1, 5));
    BlockContext ctx = chain.ctx();
    chain.keeper.upgradeClient(
        ctx,
        clientId,
        upgradedClient(Height.of(2, 6)),
        UPGRADED_CONSENSUS,
        FakeLightClient.UPGRADE_PROOF,
        FakeLightClient.UPGRADE_PROOF);
    assertThat(fakeClient(chain, clientId).getChainId()).isEqualTo("testchain-2");
    assertThat(ctx.eventManager().events())
        .containsExactly(
            Event.of(
                "upgrade_client",
                "client_id",
                clientId,
                "client_type",
                "07-tendermint",
                "consensus_height",
                "2-6"),
            Event.message("ibc_client"));
  }

  static Stream<Arguments> upgradeClientFailures() {
    return Stream.of(
        arguments(
            "client state not found",
            "wrongclientid",
            (Consumer<TestChain>) c -> {},
            upgradedClient(Height.of(2, 6)),
            FakeLightClient.UPGRADE_PROOF,
            fails(
                HostErrorCode.INVALID_ID,
                "unable to parse client identifier wrongclientid: invalid client identifier"
                    + " wrongclientid is not in format: `{client-type}-{N}`: invalid identifier")),
        arguments(
            "client state is not active",
            CLIENT_0,
            (Consumer<TestChain>) c -> frozen(c, CLIENT_0),
            upgradedClient(Height.of(2, 6)),
            FakeLightClient.UPGRADE_PROOF,
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot upgrade client (07-tendermint-0) with status Frozen: client state is not"
                    + " active")),
        arguments(
            "light client module VerifyUpgradeAndUpdateState fails",
            CLIENT_0,
            (Consumer<TestChain>) c -> {},
            upgradedClient(Height.of(2, 6)),
            Bytes.ofUtf8("wrong proof"),
            fails(
                CommitmentErrorCode.INVALID_PROOF,
                "cannot upgrade client with ID 07-tendermint-0: failed to verify membership proof"
                    + " at index 0: provided value doesn't match proof: invalid proof")),
        arguments(
            "upgraded height not greater",
            CLIENT_0,
            (Consumer<TestChain>) c -> {},
            upgradedClient(Height.of(1, 5)),
            FakeLightClient.UPGRADE_PROOF,
            fails(
                IbcErrorCode.INVALID_HEIGHT,
                "cannot upgrade client with ID 07-tendermint-0: upgraded client height 1-5 must"
                    + " be at greater than current client height 1-5: invalid height")),
        arguments(
            "module fails after writing",
            CLIENT_0,
            (Consumer<TestChain>)
                c ->
                    c.fake.failOn(
                        "verifyUpgradeAndUpdateState.after",
                        ClientErrorCode.INVALID_UPGRADE_CLIENT.wrap("late")),
            upgradedClient(Height.of(2, 6)),
            FakeLightClient.UPGRADE_PROOF,
            fails(
                ClientErrorCode.INVALID_UPGRADE_CLIENT,
                "cannot upgrade client with ID 07-tendermint-0: late: invalid client upgrade")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void upgradeClientFailures(
      String name,
      String clientId,
      Consumer<TestChain> malleate,
      Bytes upgraded,
      Bytes proof,
      Failure expected) {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    assertFailsCleanly(
        chain,
        expected,
        ctx ->
            chain.keeper.upgradeClient(ctx, clientId, upgraded, UPGRADED_CONSENSUS, proof, proof));
  }

  // --- RecoverClient --------------------------------------------------------------------------

  static TestChain recoverySetup() {
    return TestChain.recoverySetup();
  }

  static Stream<Arguments> recoverClientSuccess() {
    return Stream.of(
        arguments("success", (Consumer<TestChain>) c -> {}, Height.of(1, 7)),
        arguments(
            "success, subject and substitute use different revision number",
            (Consumer<TestChain>)
                c -> {
                  Any cons =
                      c.keeper
                          .getClientConsensusState(c.ctx(), CLIENT_1, Height.of(1, 7))
                          .orElseThrow();
                  c.keeper.setClientConsensusState(c.ctx(), CLIENT_1, Height.of(2, 7), cons);
                  setFakeClient(c, CLIENT_1, b -> b.setLatestHeight(Height.of(2, 7).toProto()));
                },
            Height.of(2, 7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void recoverClientSuccess(String name, Consumer<TestChain> malleate, Height recoveredTo) {
    TestChain chain = recoverySetup();
    malleate.accept(chain);
    BlockContext ctx = chain.ctx();
    chain.keeper.recoverClient(ctx, CLIENT_0, CLIENT_1);
    assertThat(ctx.eventManager().events())
        .containsExactly(
            Event.of(
                "recover_client", "subject_client_id", CLIENT_0, "client_type", "07-tendermint"),
            Event.message("ibc_client"));
    assertThat(chain.keeper.getClientStatus(chain.ctx(), CLIENT_0)).isEqualTo(Status.ACTIVE);
    assertThat(chain.keeper.getClientLatestHeight(chain.ctx(), CLIENT_0)).isEqualTo(recoveredTo);
  }

  static Stream<Arguments> recoverClientFailures() {
    return Stream.of(
        arguments(
            "subject client does not exist",
            "IDisInvalid",
            CLIENT_1,
            (Consumer<TestChain>) c -> {},
            fails(
                ClientErrorCode.ROUTE_NOT_FOUND,
                "IDisInvalid: light client module route not found")),
        arguments(
            "subject is Active",
            CLIENT_0,
            CLIENT_1,
            (Consumer<TestChain>) c -> setFakeClient(c, CLIENT_0, b -> b.setFrozen(false)),
            fails(
                ClientErrorCode.INVALID_RECOVERY_CLIENT,
                "cannot recover subject client (07-tendermint-0) with status Active: invalid"
                    + " recovery client")),
        arguments(
            "substitute client does not exist",
            CLIENT_0,
            "IDisInvalid",
            (Consumer<TestChain>) c -> {},
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot recover client using substitute client (IDisInvalid) with status Unknown:"
                    + " client state is not active")),
        arguments(
            "subject and substitute have equal latest height",
            CLIENT_0,
            CLIENT_1,
            (Consumer<TestChain>)
                c -> setFakeClient(c, CLIENT_0, b -> b.setLatestHeight(Height.of(1, 7).toProto())),
            fails(
                ClientErrorCode.INVALID_HEIGHT,
                "subject client state latest height is greater or equal to substitute client"
                    + " state latest height (1-7 >= 1-7): invalid height")),
        arguments(
            "subject height is greater than substitute height",
            CLIENT_0,
            CLIENT_1,
            (Consumer<TestChain>)
                c -> setFakeClient(c, CLIENT_0, b -> b.setLatestHeight(Height.of(1, 8).toProto())),
            fails(
                ClientErrorCode.INVALID_HEIGHT,
                "subject client state latest height is greater or equal to substitute client"
                    + " state latest height (1-8 >= 1-7): invalid height")),
        arguments(
            "substitute is frozen",
            CLIENT_0,
            CLIENT_1,
            (Consumer<TestChain>) c -> frozen(c, CLIENT_1),
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot recover client using substitute client (07-tendermint-1) with status"
                    + " Frozen: client state is not active")),
        arguments(
            "light client module RecoverClient fails",
            CLIENT_0,
            CLIENT_1,
            (Consumer<TestChain>) c -> setFakeClient(c, CLIENT_1, b -> b.setChainId("other-1")),
            fails(
                ClientErrorCode.INVALID_SUBSTITUTE,
                "subject client state does not match substitute client state: invalid client"
                    + " state substitute")),
        arguments(
            "module fails after writing",
            CLIENT_0,
            CLIENT_1,
            (Consumer<TestChain>)
                c ->
                    c.fake.failOn(
                        "recoverClient.after", ClientErrorCode.INVALID_SUBSTITUTE.wrap("x")),
            fails(ClientErrorCode.INVALID_SUBSTITUTE, "x: invalid client state substitute")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void recoverClientFailures(
      String name,
      String subject,
      String substitute,
      Consumer<TestChain> malleate,
      Failure expected) {
    TestChain chain = recoverySetup();
    malleate.accept(chain);
    assertFailsCleanly(
        chain, expected, ctx -> chain.keeper.recoverClient(ctx, subject, substitute));
  }

  // --- Status, latest height, timestamp -------------------------------------------------------

  static Stream<Arguments> clientStatus() {
    return Stream.of(
        arguments("active", CLIENT_0, (Consumer<TestChain>) c -> {}, Status.ACTIVE),
        arguments(
            "frozen", CLIENT_0, (Consumer<TestChain>) c -> frozen(c, CLIENT_0), Status.FROZEN),
        arguments(
            "status reported verbatim",
            CLIENT_0,
            (Consumer<TestChain>) c -> setFakeClient(c, CLIENT_0, b -> b.setStatus("Odd")),
            new Status("Odd")),
        arguments(
            "client missing", "07-tendermint-9", (Consumer<TestChain>) c -> {}, Status.UNKNOWN),
        arguments(
            "invalid identifier → Unauthorized",
            "IDisInvalid",
            (Consumer<TestChain>) c -> {},
            Status.UNAUTHORIZED),
        arguments(
            "type not allowed → Unauthorized",
            CLIENT_0,
            (Consumer<TestChain>) c -> c.keeper.setParams(c.ctx(), ClientParams.of("08-wasm")),
            Status.UNAUTHORIZED),
        arguments(
            "type not routed → Unauthorized",
            "08-wasm-0",
            (Consumer<TestChain>) c -> {},
            Status.UNAUTHORIZED),
        arguments(
            "allowed clients wildcard",
            CLIENT_0,
            (Consumer<TestChain>) c -> c.keeper.setParams(c.ctx(), ClientParams.of("*")),
            Status.ACTIVE),
        arguments(
            "explicitly allowed",
            CLIENT_0,
            (Consumer<TestChain>)
                c ->
                    c.keeper.setParams(c.ctx(), ClientParams.of("06-solomachine", "07-tendermint")),
            Status.ACTIVE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void clientStatus(String name, String clientId, Consumer<TestChain> malleate, Status expected) {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    assertThat(chain.keeper.getClientStatus(chain.ctx(), clientId)).isEqualTo(expected);
  }

  static Stream<Arguments> clientLatestHeight() {
    return Stream.of(
        arguments("success", CLIENT_0, (Consumer<TestChain>) c -> {}, Height.of(1, 5)),
        arguments("invalid client type", "IDisInvalid", (Consumer<TestChain>) c -> {}, Height.ZERO),
        arguments(
            "client type is not allowed",
            CLIENT_0,
            (Consumer<TestChain>) c -> c.keeper.setParams(c.ctx(), ClientParams.of("09-localhost")),
            Height.ZERO),
        arguments(
            "client type is not registered on router",
            "08-wasm-0",
            (Consumer<TestChain>) c -> {},
            Height.ZERO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void clientLatestHeight(
      String name, String clientId, Consumer<TestChain> malleate, Height expected) {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    assertThat(chain.keeper.getClientLatestHeight(chain.ctx(), clientId)).isEqualTo(expected);
  }

  static Stream<Arguments> timestampAtHeight() {
    return Stream.of(
        arguments("success", CLIENT_0, Height.of(1, 5), (Consumer<TestChain>) c -> {}, null),
        arguments(
            "invalid client type",
            "IDisInvalid",
            Height.of(1, 5),
            (Consumer<TestChain>) c -> {},
            HostErrorCode.INVALID_ID),
        arguments(
            "client type is not allowed",
            CLIENT_0,
            Height.of(1, 5),
            (Consumer<TestChain>) c -> c.keeper.setParams(c.ctx(), ClientParams.of("09-localhost")),
            ClientErrorCode.INVALID_CLIENT_TYPE),
        arguments(
            "client type is not registered on router",
            "08-wasm-0",
            Height.of(1, 5),
            (Consumer<TestChain>) c -> {},
            ClientErrorCode.ROUTE_NOT_FOUND),
        arguments(
            "client state not found",
            "07-tendermint-100",
            Height.of(1, 5),
            (Consumer<TestChain>) c -> {},
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "consensus state not found",
            CLIENT_0,
            Height.of(1, 6),
            (Consumer<TestChain>) c -> {},
            ClientErrorCode.CONSENSUS_STATE_NOT_FOUND));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void timestampAtHeight(
      String name, String clientId, Height height, Consumer<TestChain> malleate, ErrorCode error) {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    if (error == null) {
      assertThat(chain.keeper.getClientTimestampAtHeight(chain.ctx(), clientId, height))
          .isEqualTo(TestChain.TIMESTAMP);
    } else {
      assertThatThrownBy(
              () -> chain.keeper.getClientTimestampAtHeight(chain.ctx(), clientId, height))
          .isInstanceOf(IbcException.class)
          .matches(e -> ((IbcException) e).is(error));
    }
  }

  // --- Verify (non-)membership ----------------------------------------------------------------

  static Stream<Arguments> verifyMembership() {
    return Stream.of(
        arguments(
            "success", CLIENT_0, (Consumer<TestChain>) c -> {}, FakeLightClient.VALID_PROOF, null),
        arguments(
            "invalid client id",
            "",
            (Consumer<TestChain>) c -> {},
            FakeLightClient.VALID_PROOF,
            fails(
                HostErrorCode.INVALID_ID,
                "unable to parse client identifier : invalid client identifier  is not in format:"
                    + " `{client-type}-{N}`: invalid identifier")),
        arguments(
            "failure: client is frozen",
            CLIENT_0,
            (Consumer<TestChain>) c -> frozen(c, CLIENT_0),
            FakeLightClient.VALID_PROOF,
            fails(
                ClientErrorCode.CLIENT_NOT_ACTIVE,
                "cannot call verify %s on client (07-tendermint-0) with status Frozen: client"
                    + " state is not active")),
        arguments(
            "failure: proof does not verify",
            CLIENT_0,
            (Consumer<TestChain>) c -> {},
            Bytes.ofUtf8("invalid proof"),
            fails(CommitmentErrorCode.INVALID_PROOF, "proof does not verify: invalid proof")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void verifyMembership(
      String name, String clientId, Consumer<TestChain> malleate, Bytes proof, Failure failure) {
    MerklePath path = MerklePath.ofUtf8("ibc", "clients/07-tendermint-0/clientState");
    for (boolean membership : List.of(true, false)) {
      TestChain chain = new TestChain();
      chain.createClient(Height.of(1, 5));
      malleate.accept(chain);
      Consumer<BlockContext> call =
          membership
              ? ctx ->
                  chain.keeper.verifyMembership(
                      ctx, clientId, Height.of(1, 5), 0, 0, proof, path, Bytes.ofUtf8("value"))
              : ctx ->
                  chain.keeper.verifyNonMembership(
                      ctx, clientId, Height.of(1, 5), 0, 0, proof, path);
      if (failure == null) {
        call.accept(chain.ctx());
        assertThat(chain.fake.calls())
            .contains(membership ? "verifyMembership" : "verifyNonMembership");
      } else {
        String message = failure.message().formatted(membership ? "membership" : "non membership");
        assertFailsCleanly(chain, fails(failure.code(), message), call);
      }
    }
  }

  // --- Params and state accessors -------------------------------------------------------------

  static Stream<Arguments> params() {
    return Stream.of(
        arguments("success: set default params", ClientParams.DEFAULT, null),
        arguments("success: empty allowedClients", ClientParams.of(), null),
        arguments(
            "success: subset of allowedClients",
            ClientParams.of("07-tendermint", "09-localhost"),
            null),
        arguments(
            "failure: contains a single empty string value as allowedClient",
            ClientParams.of("09-localhost", ""),
            "client type 1 cannot be blank"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void params(String name, ClientParams params, String error) {
    TestChain chain = new TestChain();
    if (error == null) {
      params.validate();
      chain.keeper.setParams(chain.ctx(), params);
      assertThat(chain.keeper.getParams(chain.ctx())).isEqualTo(params);
    } else {
      assertThatThrownBy(params::validate).hasMessage(error);
    }
  }

  @Test
  void defaultParamsAndUnsetParams() {
    TestChain chain = new TestChain();
    assertThat(chain.keeper.getParams(chain.ctx())).isEqualTo(ClientParams.DEFAULT);
    chain.ibcStore.delete(ClientKeys.paramsKey());
    assertThatThrownBy(() -> chain.keeper.getParams(chain.ctx()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("client params are not set in store");
  }

  @Test
  void clientCreatorAccessors() {
    TestChain chain = new TestChain();
    io.wasm08.core.crypto.AccAddress creator =
        io.wasm08.core.crypto.AccAddress.fromBech32(TestChain.RELAYER, TestChain.PREFIX);
    chain.keeper.setClientCreator(chain.ctx(), CLIENT_0, creator);
    assertThat(chain.keeper.getClientCreator(chain.ctx(), CLIENT_0)).contains(creator);
    assertThat(chain.ibcStore.get(ClientKeys.fullClientKey(CLIENT_0, ClientKeys.creatorKey())))
        .isEqualTo(creator.bytes());
    chain.keeper.deleteClientCreator(chain.ctx(), CLIENT_0);
    assertThat(chain.keeper.getClientCreator(chain.ctx(), CLIENT_0)).isEmpty();
  }

  @Test
  void getAllGenesisClientsAreSortedById() {
    TestChain chain = new TestChain();
    Any cs = TestChain.clientStateAny(Height.ZERO);
    for (String id : List.of("tendermint-1", "tendermint-2", "tendermint-0")) {
      chain.keeper.setClientState(chain.ctx(), id, cs);
    }
    assertThat(chain.keeper.getAllGenesisClients(chain.ctx()))
        .extracting(ibc.core.client.v1.Client.IdentifiedClientState::getClientId)
        .containsExactly("tendermint-0", "tendermint-1", "tendermint-2");
  }

  /** ibc-go keeper_test.go TestGetAllGenesisMetadata, with the same keys and expected order. */
  @Test
  void getAllGenesisMetadata() {
    TestChain chain = new TestChain();
    BlockContext ctx = chain.ctx();
    String clientA = "07-tendermint-1";
    String clientB = "clientB";
    Any cs = AnyCodec.pack(Fake.ClientState.getDefaultInstance());
    Any cons = AnyCodec.pack(Fake.ConsensusState.getDefaultInstance());
    chain.keeper.setClientState(ctx, clientA, cs);
    for (Height h : List.of(Height.of(0, 1), Height.of(0, 2), Height.of(0, 3), Height.of(2, 300))) {
      chain.keeper.setClientConsensusState(ctx, clientA, h, cons);
    }
    chain.keeper.setClientState(ctx, clientB, cs);
    chain.keeper.setClientConsensusState(ctx, clientB, Height.of(1, 100), cons);
    chain.keeper.setClientConsensusState(ctx, clientB, Height.of(2, 300), cons);

    List<ibc.core.client.v1.Genesis.IdentifiedGenesisMetadata> expected =
        List.of(
            metadata(
                clientA,
                md(Bytes.ofUtf8("clientState/clientMetadata"), "value"),
                md(ClientKeys.processedTimeKey(Height.of(0, 1)), "foo"),
                md(ClientKeys.processedTimeKey(Height.of(0, 2)), "bar"),
                md(ClientKeys.processedTimeKey(Height.of(0, 3)), "baz"),
                md(ClientKeys.processedHeightKey(Height.of(2, 300)), Height.of(1, 100).toString())),
            metadata(
                clientB,
                md(ClientKeys.processedTimeKey(Height.of(1, 100)), "val1"),
                md(ClientKeys.processedHeightKey(Height.of(2, 300)), Height.of(1, 100).toString()),
                md(ClientKeys.processedTimeKey(Height.of(2, 300)), "val2"),
                md(Bytes.ofUtf8("key"), "value")));
    chain.keeper.setAllClientMetadata(ctx, expected);
    List<ibc.core.client.v1.Client.IdentifiedClientState> genClients =
        List.of(identified(clientA, cs), identified(clientB, cs));
    assertThat(chain.keeper.getAllClientMetadata(ctx, genClients)).isEqualTo(expected);

    // A key with an empty client id makes iteration fail (ibc-go panics).
    chain.keeper.clientStore(ctx, "").set(Bytes.ofUtf8("key"), Bytes.ofUtf8("val"));
    assertThatThrownBy(() -> chain.keeper.getAllClientMetadata(ctx, genClients))
        .isInstanceOf(IbcException.class)
        .hasMessage("clientID is empty: invalid path");
  }

  @Test
  void getAllConsensusStatesGroupsAndSorts() {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    chain.keeper.updateClient(chain.ctx(), CLIENT_0, FakeTypes.header(Height.of(1, 10), 1, "r10"));
    chain.createClient(Height.of(1, 5));
    List<ibc.core.client.v1.Client.ClientConsensusStates> all =
        chain.keeper.getAllConsensusStates(chain.ctx());
    assertThat(all).extracting(s -> s.getClientId()).containsExactly(CLIENT_0, CLIENT_1);
    // Store order: "consensusStates/1-10" sorts before "consensusStates/1-5".
    assertThat(all.get(0).getConsensusStatesList())
        .extracting(s -> Height.fromProto(s.getHeight()))
        .containsExactly(Height.of(1, 10), Height.of(1, 5));
    assertThat(all.get(1).getConsensusStatesList()).hasSize(1);
  }

  @Test
  void iterateClientStatesByPrefix() {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    chain.createClient(Height.of(1, 5));
    chain.keeper.setClientState(
        chain.ctx(), "06-solomachine-2", TestChain.clientStateAny(Height.ZERO));
    List<String> all = new java.util.ArrayList<>();
    chain.keeper.iterateClientStates(chain.ctx(), null, (id, cs) -> !all.add(id));
    assertThat(all).containsExactlyInAnyOrder(CLIENT_0, CLIENT_1, "06-solomachine-2");
    List<String> tendermint = new java.util.ArrayList<>();
    chain.keeper.iterateClientStates(
        chain.ctx(), Bytes.ofUtf8("07-tendermint"), (id, cs) -> !tendermint.add(id));
    assertThat(tendermint).containsExactly(CLIENT_0, CLIENT_1);
  }

  private static ibc.core.client.v1.Genesis.GenesisMetadata md(Bytes key, String value) {
    return ibc.core.client.v1.Genesis.GenesisMetadata.newBuilder()
        .setKey(com.google.protobuf.ByteString.copyFrom(key.toByteArray()))
        .setValue(com.google.protobuf.ByteString.copyFromUtf8(value))
        .build();
  }

  private static ibc.core.client.v1.Genesis.IdentifiedGenesisMetadata metadata(
      String clientId, ibc.core.client.v1.Genesis.GenesisMetadata... entries) {
    return ibc.core.client.v1.Genesis.IdentifiedGenesisMetadata.newBuilder()
        .setClientId(clientId)
        .addAllClientMetadata(List.of(entries))
        .build();
  }

  private static ibc.core.client.v1.Client.IdentifiedClientState identified(String id, Any cs) {
    return ibc.core.client.v1.Client.IdentifiedClientState.newBuilder()
        .setClientId(id)
        .setClientState(cs)
        .build();
  }
}
