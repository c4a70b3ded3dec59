package io.wasm08.client.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import cosmos.upgrade.v1beta1.Upgrade.Plan;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgDeleteClientCreator;
import ibc.core.client.v1.Tx.MsgIBCSoftwareUpgrade;
import ibc.core.client.v1.Tx.MsgRecoverClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.client.v1.Tx.MsgUpdateParams;
import ibc.core.client.v1.Tx.MsgUpgradeClient;
import ibc.core.client.v2.ConfigOuterClass.Config;
import io.wasm08.client.ClientParams;
import io.wasm08.client.FakeTypes;
import io.wasm08.client.TestChain;
import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors ibc-go v11 {@code core/keeper/msg_server_test.go} for the 02-client Msgs: handlers with
 * exact codes and messages, authority checks (keeper authority, consensus-params precedence), the
 * creator record and the v2 relayer allow-list. Every failure leaves the store untouched.
 */
class ClientMsgServerTest {
  private static final String CLIENT_0 = "07-tendermint-0";
  private static final String CLIENT_1 = "07-tendermint-1";
  private static final String OVERRIDE_AUTHORITY =
      AccAddress.of(Bytes.ofUtf8("override_authority___")).toBech32(TestChain.PREFIX);
  private static final String INVALID_ID = "IDisInvalid";

  private static void fails(
      TestChain chain, ErrorCode code, String message, Consumer<BlockContext> call) {
    Map<Bytes, Bytes> before = chain.snapshot();
    BlockContext ctx = chain.ctx();
    assertThatThrownBy(() -> call.accept(ctx))
        .isInstanceOf(io.wasm08.common.Wasm08Exception.class)
        .satisfies(
            e ->
                assertThat(((io.wasm08.common.Wasm08Exception) e).is(code))
                    .as(e.getMessage())
                    .isTrue())
        .satisfies(
            e -> {
              if (message != null) {
                assertThat(e).hasMessage(message);
              }
            });
    assertThat(chain.snapshot()).isEqualTo(before);
    assertThat(ctx.eventManager().events()).isEmpty();
  }

  @Test
  void createClientRecordsTheCreator() {
    TestChain chain = new TestChain();
    BlockContext ctx = chain.ctx();
    var res = chain.msgServer().createClient(ctx, chain.msgCreateClient(Height.of(1, 5)));
    assertThat(res.getClientId()).isEqualTo(CLIENT_0);
    assertThat(chain.keeper().getClientCreator(chain.ctx(), CLIENT_0))
        .contains(AccAddress.fromBech32(TestChain.RELAYER, TestChain.PREFIX));
    assertThat(ctx.eventManager().events())
        .first()
        .extracting(Event::type)
        .isEqualTo("create_client");
  }

  static Stream<Arguments> createClientFailures() {
    return Stream.of(
        arguments(
            "client state Any missing",
            (Function<MsgCreateClient, MsgCreateClient>)
                m -> m.toBuilder().clearClientState().build(),
            IbcErrorCode.UNPACK_ANY,
            "protobuf Any message cannot be nil: failed unpacking protobuf message from Any"),
        arguments(
            "client state of an unregistered type",
            (Function<MsgCreateClient, MsgCreateClient>)
                m -> m.toBuilder().setClientState(Any.newBuilder().setTypeUrl("/x.Y")).build(),
            IbcErrorCode.UNPACK_ANY,
            "cannot unpack Any into ClientState *types.Any: failed unpacking protobuf message from"
                + " Any"),
        arguments(
            "status not active",
            (Function<MsgCreateClient, MsgCreateClient>)
                m ->
                    m.toBuilder()
                        .setClientState(
                            AnyCodec.pack(
                                FakeTypes.clientState(TestChain.CHAIN_ID, Height.of(1, 5))
                                    .toBuilder()
                                    .setFrozen(true)
                                    .build()))
                        .build(),
            ClientErrorCode.CLIENT_NOT_ACTIVE,
            "cannot create client (07-tendermint-0) with status Frozen: client state is not active"),
        arguments(
            "signer not an address (the creator cannot be recorded)",
            (Function<MsgCreateClient, MsgCreateClient>)
                m -> m.toBuilder().setSigner("xxx").build(),
            SdkErrorCode.INTERNAL,
            "decoding bech32 failed: invalid bech32 string length 3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void createClientFailures(
      String name,
      Function<MsgCreateClient, MsgCreateClient> malleate,
      ErrorCode code,
      String message) {
    TestChain chain = new TestChain();
    MsgCreateClient msg = malleate.apply(chain.msgCreateClient(Height.of(1, 5)));
    fails(chain, code, message, ctx -> chain.msgServer().createClient(ctx, msg));
  }

  // --- UpdateClient (v2 relayer allow-list) ----------------------------------------------------

  static Stream<Arguments> updateClient() {
    String other = AccAddress.of(Bytes.fromHex("ff".repeat(20))).toBech32(TestChain.PREFIX);
    return Stream.of(
        arguments("success: update client, no params", (Consumer<TestChain>) c -> {}, null),
        arguments(
            "success: update client, with v2 params set to correct relayer",
            (Consumer<TestChain>) c -> setConfig(c, other, TestChain.RELAYER),
            null),
        arguments(
            "failure: update client with invalid relayer",
            (Consumer<TestChain>) c -> setConfig(c, other),
            "relayer "
                + TestChain.RELAYER
                + " is not authorized to update client 07-tendermint-0:"
                + " unauthorized"));
  }

  private static void setConfig(TestChain chain, String... relayers) {
    chain
        .keeper()
        .clientStore(chain.ctx(), CLIENT_0)
        .set(
            Bytes.ofUtf8("config"),
            Bytes.of(
                Config.newBuilder()
                    .addAllAllowedRelayers(List.of(relayers))
                    .build()
                    .toByteArray()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void updateClient(String name, Consumer<TestChain> malleate, String error) {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    MsgUpdateClient msg =
        MsgUpdateClient.newBuilder()
            .setClientId(CLIENT_0)
            .setClientMessage(AnyCodec.pack(FakeTypes.header(Height.of(1, 6), 2, "r6").proto()))
            .setSigner(TestChain.RELAYER)
            .build();
    if (error == null) {
      chain.msgServer().updateClient(chain.ctx(), msg);
      assertThat(chain.keeper().getClientLatestHeight(chain.ctx(), CLIENT_0))
          .isEqualTo(Height.of(1, 6));
    } else {
      fails(
          chain, IbcErrorCode.UNAUTHORIZED, error, ctx -> chain.msgServer().updateClient(ctx, msg));
    }
  }

  // --- UpgradeClient --------------------------------------------------------------------------

  @Test
  void upgradeClient() {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    MsgUpgradeClient msg =
        MsgUpgradeClient.newBuilder()
            .setClientId(CLIENT_0)
            .setClientState(AnyCodec.pack(FakeTypes.clientState("testchain-2", Height.of(2, 1))))
            .setConsensusState(AnyCodec.pack(FakeTypes.consensusState(1, "next")))
            .setProofUpgradeClient(com.google.protobuf.ByteString.copyFromUtf8("upgrade proof"))
            .setProofUpgradeConsensusState(
                com.google.protobuf.ByteString.copyFromUtf8("upgrade proof"))
            .setSigner(TestChain.RELAYER)
            .build();
    chain.msgServer().upgradeClient(chain.ctx(), msg);
    assertThat(chain.keeper().getClientLatestHeight(chain.ctx(), CLIENT_0))
        .isEqualTo(Height.of(2, 1));
    MsgUpgradeClient bad =
        msg.toBuilder()
            .setProofUpgradeClient(com.google.protobuf.ByteString.copyFromUtf8("nope"))
            .setClientState(AnyCodec.pack(FakeTypes.clientState("testchain-3", Height.of(3, 1))))
            .build();
    fails(
        chain,
        io.wasm08.proofs.commitment.CommitmentErrorCode.INVALID_PROOF,
        null,
        ctx -> chain.msgServer().upgradeClient(ctx, bad));
  }

  // --- RecoverClient --------------------------------------------------------------------------

  static Stream<Arguments> recoverClient() {
    return Stream.of(
        arguments(
            "success: recover client",
            (Function<MsgRecoverClient, MsgRecoverClient>) m -> m,
            null,
            null),
        arguments(
            "signer doesn't match authority",
            (Function<MsgRecoverClient, MsgRecoverClient>)
                m -> m.toBuilder().setSigner(INVALID_ID).build(),
            SdkErrorCode.UNAUTHORIZED,
            "invalid authority: expected "
                + TestChain.AUTHORITY
                + ", got IDisInvalid: unauthorized"),
        arguments(
            "invalid subject client",
            (Function<MsgRecoverClient, MsgRecoverClient>)
                m -> m.toBuilder().setSubjectClientId(INVALID_ID).build(),
            ClientErrorCode.ROUTE_NOT_FOUND,
            "client recovery failed: IDisInvalid: light client module route not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void recoverClient(
      String name,
      Function<MsgRecoverClient, MsgRecoverClient> malleate,
      ErrorCode code,
      String message) {
    TestChain chain = TestChain.recoverySetup();
    MsgRecoverClient msg =
        malleate.apply(
            MsgRecoverClient.newBuilder()
                .setSubjectClientId(CLIENT_0)
                .setSubstituteClientId(CLIENT_1)
                .setSigner(TestChain.AUTHORITY)
                .build());
    if (code == null) {
      chain.msgServer().recoverClient(chain.ctx(), msg);
      assertThat(chain.keeper().getClientStatus(chain.ctx(), CLIENT_0)).isEqualTo(Status.ACTIVE);
    } else {
      fails(chain, code, message, ctx -> chain.msgServer().recoverClient(ctx, msg));
    }
  }

  @Test
  void recoverClientAuthority() {
    // ibc-go TestRecoverClientAuthority: keeper authority, then consensus-params precedence.
    TestChain chain = TestChain.recoverySetup();
    MsgRecoverClient byOverride =
        MsgRecoverClient.newBuilder()
            .setSubjectClientId(CLIENT_0)
            .setSubstituteClientId(CLIENT_1)
            .setSigner(OVERRIDE_AUTHORITY)
            .build();
    fails(
        chain,
        SdkErrorCode.UNAUTHORIZED,
        null,
        ctx -> chain.msgServer().recoverClient(ctx, byOverride));
    chain.setConsensusAuthority(OVERRIDE_AUTHORITY);
    MsgRecoverClient byKeeper = byOverride.toBuilder().setSigner(TestChain.AUTHORITY).build();
    fails(
        chain,
        SdkErrorCode.UNAUTHORIZED,
        "invalid authority: expected "
            + OVERRIDE_AUTHORITY
            + ", got "
            + TestChain.AUTHORITY
            + ": unauthorized",
        ctx -> chain.msgServer().recoverClient(ctx, byKeeper));
    chain.msgServer().recoverClient(chain.ctx(), byOverride);
    assertThat(chain.keeper().getClientStatus(chain.ctx(), CLIENT_0)).isEqualTo(Status.ACTIVE);
  }

  // --- UpdateClientParams ---------------------------------------------------------------------

  static Stream<Arguments> updateClientParams() {
    return Stream.of(
        arguments("success: valid signer and default params", TestChain.AUTHORITY, true),
        arguments("failure: malformed signer address", INVALID_ID, false),
        arguments("failure: empty signer address", "", false),
        arguments("failure: whitespace signer address", "    ", false),
        arguments("failure: unauthorized signer address", TestChain.RELAYER, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void updateClientParams(String name, String signer, boolean ok) {
    TestChain chain = new TestChain();
    chain.keeper().setParams(chain.ctx(), ClientParams.of("07-tendermint"));
    MsgUpdateParams msg =
        MsgUpdateParams.newBuilder()
            .setSigner(signer)
            .setParams(ClientParams.DEFAULT.toProto())
            .build();
    if (ok) {
      chain.msgServer().updateClientParams(chain.ctx(), msg);
      assertThat(chain.keeper().getParams(chain.ctx())).isEqualTo(ClientParams.DEFAULT);
    } else {
      fails(
          chain,
          SdkErrorCode.UNAUTHORIZED,
          "invalid authority: expected "
              + TestChain.AUTHORITY
              + ", got "
              + signer
              + ": unauthorized",
          ctx -> chain.msgServer().updateClientParams(ctx, msg));
    }
  }

  @Test
  void updateClientParamsAuthority() {
    TestChain chain = new TestChain();
    MsgUpdateParams.Builder msg =
        MsgUpdateParams.newBuilder().setParams(ClientParams.DEFAULT.toProto());
    chain.msgServer().updateClientParams(chain.ctx(), msg.setSigner(TestChain.AUTHORITY).build());
    MsgUpdateParams byOverride = msg.setSigner(OVERRIDE_AUTHORITY).build();
    fails(
        chain,
        SdkErrorCode.UNAUTHORIZED,
        null,
        ctx -> chain.msgServer().updateClientParams(ctx, byOverride));
    chain.setConsensusAuthority(OVERRIDE_AUTHORITY);
    chain.msgServer().updateClientParams(chain.ctx(), byOverride);
    MsgUpdateParams byKeeper = msg.setSigner(TestChain.AUTHORITY).build();
    fails(
        chain,
        SdkErrorCode.UNAUTHORIZED,
        null,
        ctx -> chain.msgServer().updateClientParams(ctx, byKeeper));
  }

  // --- DeleteClientCreator --------------------------------------------------------------------

  static Stream<Arguments> deleteClientCreator() {
    return Stream.of(
        arguments(
            "success: valid creator deletes itself",
            (Consumer<TestChain>) c -> {},
            TestChain.RELAYER,
            CLIENT_0,
            null,
            null),
        arguments(
            "success: valid authority deletes client creator",
            (Consumer<TestChain>) c -> {},
            TestChain.AUTHORITY,
            CLIENT_0,
            null,
            null),
        arguments(
            "failure: deleting a client creator that was already deleted",
            (Consumer<TestChain>)
                c ->
                    c.msgServer()
                        .deleteClientCreator(
                            c.ctx(),
                            MsgDeleteClientCreator.newBuilder()
                                .setClientId(CLIENT_0)
                                .setSigner(TestChain.AUTHORITY)
                                .build()),
            TestChain.AUTHORITY,
            CLIENT_0,
            IbcErrorCode.NOT_FOUND,
            "creator for client 07-tendermint-0 not found: not found"),
        arguments(
            "failure: unauthorized signer - not creator or authority",
            (Consumer<TestChain>) c -> {},
            OVERRIDE_AUTHORITY,
            CLIENT_0,
            IbcErrorCode.UNAUTHORIZED,
            "authority or client creator "
                + TestChain.RELAYER
                + " is authorized to delete creator for 07-tendermint-0, got "
                + OVERRIDE_AUTHORITY
                + ": unauthorized"),
        arguments(
            "failure: client ID does not exist",
            (Consumer<TestChain>) c -> {},
            TestChain.AUTHORITY,
            "nonexistentclient",
            IbcErrorCode.NOT_FOUND,
            "creator for client nonexistentclient not found: not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void deleteClientCreator(
      String name,
      Consumer<TestChain> malleate,
      String signer,
      String clientId,
      ErrorCode code,
      String message) {
    TestChain chain = new TestChain();
    chain.msgServer().createClient(chain.ctx(), chain.msgCreateClient(Height.of(1, 5)));
    malleate.accept(chain);
    MsgDeleteClientCreator msg =
        MsgDeleteClientCreator.newBuilder().setClientId(clientId).setSigner(signer).build();
    if (code == null) {
      chain.msgServer().deleteClientCreator(chain.ctx(), msg);
      assertThat(chain.keeper().getClientCreator(chain.ctx(), clientId)).isEmpty();
    } else {
      fails(chain, code, message, ctx -> chain.msgServer().deleteClientCreator(ctx, msg));
    }
  }

  @Test
  void deleteClientCreatorAuthority() {
    TestChain chain = new TestChain();
    chain.msgServer().createClient(chain.ctx(), chain.msgCreateClient(Height.of(1, 5)));
    chain.setConsensusAuthority(OVERRIDE_AUTHORITY);
    MsgDeleteClientCreator byKeeper =
        MsgDeleteClientCreator.newBuilder()
            .setClientId(CLIENT_0)
            .setSigner(TestChain.AUTHORITY)
            .build();
    fails(
        chain,
        IbcErrorCode.UNAUTHORIZED,
        null,
        ctx -> chain.msgServer().deleteClientCreator(ctx, byKeeper));
    // The creator still works when a consensus authority is set.
    chain
        .msgServer()
        .deleteClientCreator(
            chain.ctx(), byKeeper.toBuilder().setSigner(TestChain.RELAYER).build());
    assertThat(chain.keeper().getClientCreator(chain.ctx(), CLIENT_0)).isEmpty();
  }

  // --- IBCSoftwareUpgrade ---------------------------------------------------------------------

  @Test
  void ibcSoftwareUpgrade() {
    TestChain chain = new TestChain();
    Plan plan = Plan.newBuilder().setName("upgrade IBC clients").setHeight(1000).build();
    MsgIBCSoftwareUpgrade msg =
        MsgIBCSoftwareUpgrade.newBuilder()
            .setPlan(plan)
            .setUpgradedClientState(TestChain.clientStateAny(Height.of(2, 1)))
            .setSigner(TestChain.AUTHORITY)
            .build();
    BlockContext ctx = chain.ctx();
    chain.msgServer().ibcSoftwareUpgrade(ctx, msg);
    assertThat(chain.upgradeKeeper().getUpgradePlan(ctx)).contains(plan);
    assertThat(chain.upgradeKeeper().getUpgradedClient(ctx, 1000))
        .contains(Bytes.of(msg.getUpgradedClientState().toByteArray()));
    assertThat(ctx.eventManager().events())
        .containsExactly(
            Event.of(
                "schedule_ibc_software_upgrade",
                "title",
                "upgrade IBC clients",
                "upgrade_plan_height",
                "1000"),
            Event.message("ibc_client"));
    fails(
        chain,
        SdkErrorCode.UNAUTHORIZED,
        null,
        c ->
            chain
                .msgServer()
                .ibcSoftwareUpgrade(c, msg.toBuilder().setSigner(OVERRIDE_AUTHORITY).build()));
    fails(
        chain,
        ClientErrorCode.INVALID_CLIENT_TYPE,
        "cannot unpack client state: protobuf Any message cannot be nil: failed unpacking protobuf"
            + " message from Any: invalid client type",
        c ->
            chain
                .msgServer()
                .ibcSoftwareUpgrade(c, msg.toBuilder().clearUpgradedClientState().build()));
    fails(
        chain,
        ClientErrorCode.INVALID_CLIENT_TYPE,
        "failed to schedule upgrade: expected: *tendermint.ClientState, got:"
            + " /ibc.lightclients.solomachine.v3.ClientState: invalid client type",
        c ->
            chain
                .msgServer()
                .ibcSoftwareUpgrade(
                    c,
                    msg.toBuilder()
                        .setUpgradedClientState(
                            Any.newBuilder()
                                .setTypeUrl("/ibc.lightclients.solomachine.v3.ClientState"))
                        .build()));
  }

  // --- Routes (ValidateBasic first) and signers -----------------------------------------------

  @Test
  void routesRunValidateBasicFirstAndCoverEveryMsg() {
    TestChain chain = new TestChain();
    List<MsgRoute<?>> routes = chain.msgServer().routes();
    assertThat(routes)
        .extracting(MsgRoute::typeUrl)
        .containsExactlyInAnyOrderElementsOf(
            ibc.core.client.v1.Tx.getDescriptor().findServiceByName("Msg").getMethods().stream()
                .map(m -> "/" + m.getInputType().getFullName())
                .toList());
    MsgRoute<?> create =
        routes.stream()
            .filter(r -> r.typeUrl().endsWith("MsgCreateClient"))
            .findFirst()
            .orElseThrow();
    Any badSigner =
        AnyCodec.pack(chain.msgCreateClient(Height.of(1, 5)).toBuilder().setSigner("").build());
    fails(
        chain,
        IbcErrorCode.INVALID_ADDRESS,
        "string could not be parsed as address: empty address string is not allowed: invalid"
            + " address",
        ctx -> create.handle(ctx, badSigner));
    Message res = create.handle(chain.ctx(), AnyCodec.pack(chain.msgCreateClient(Height.of(1, 5))));
    assertThat(res).isInstanceOf(ibc.core.client.v1.Tx.MsgCreateClientResponse.class);
    // MsgDeleteClientCreator's ValidateBasic rejects what the bare handler reports as not found.
    MsgRoute<?> delete =
        routes.stream()
            .filter(r -> r.typeUrl().endsWith("MsgDeleteClientCreator"))
            .findFirst()
            .orElseThrow();
    fails(
        chain,
        io.wasm08.core.errors.HostErrorCode.INVALID_ID,
        "client ID nonexistentclient must be in valid format: {string}-{number}: invalid identifier",
        ctx ->
            delete.handle(
                ctx,
                AnyCodec.pack(
                    MsgDeleteClientCreator.newBuilder()
                        .setClientId("nonexistentclient")
                        .setSigner(TestChain.AUTHORITY)
                        .build())));
  }

  @Test
  void signersComeFromTheSignerField() {
    io.wasm08.core.tx.MsgSigners signers =
        new io.wasm08.core.tx.MsgSigners(new io.wasm08.core.crypto.AddressCodec(TestChain.PREFIX));
    for (Message m :
        List.of(
            MsgCreateClient.newBuilder().setSigner(TestChain.RELAYER).build(),
            MsgUpdateClient.newBuilder().setSigner(TestChain.RELAYER).build(),
            MsgUpgradeClient.newBuilder().setSigner(TestChain.RELAYER).build(),
            MsgRecoverClient.newBuilder().setSigner(TestChain.RELAYER).build(),
            MsgIBCSoftwareUpgrade.newBuilder().setSigner(TestChain.RELAYER).build(),
            MsgUpdateParams.newBuilder().setSigner(TestChain.RELAYER).build(),
            MsgDeleteClientCreator.newBuilder().setSigner(TestChain.RELAYER).build())) {
      assertThat(io.wasm08.core.tx.MsgSigners.signerFieldNames(m.getDescriptorForType()))
          .containsExactly("signer");
      assertThat(signers.signers(m))
          .containsExactly(AccAddress.fromBech32(TestChain.RELAYER, TestChain.PREFIX).bytes());
    }
    assertThat(
            ibc.core.client.v1.Tx.getDescriptor()
                .findServiceByName("Msg")
                .getOptions()
                .getExtension(cosmos.msg.v1.Msg.service))
        .isTrue();
  }
}
