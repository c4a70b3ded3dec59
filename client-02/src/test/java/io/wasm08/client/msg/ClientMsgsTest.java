package io.wasm08.client.msg;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import cosmos.upgrade.v1beta1.Upgrade.Plan;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgDeleteClientCreator;
import ibc.core.client.v1.Tx.MsgIBCSoftwareUpgrade;
import ibc.core.client.v1.Tx.MsgRecoverClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.client.v1.Tx.MsgUpdateParams;
import ibc.core.client.v1.Tx.MsgUpgradeClient;
import io.wasm08.client.ClientParams;
import io.wasm08.client.FakeTypes;
import io.wasm08.client.TestChain;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors ibc-go {@code 02-client/types/msgs_test.go} (ValidateBasic of each Msg), with the error
 * texts ibc-go's ValidateBasic produces.
 */
class ClientMsgsTest {
  private static final ClientMsgs MSGS = new ClientMsgs(FakeTypes.codec(), TestChain.PREFIX);
  private static final Any CLIENT = TestChain.clientStateAny(Height.of(1, 5));
  private static final Any CONSENSUS = TestChain.consensusStateAny("root");
  private static final Any SOLO =
      Any.newBuilder().setTypeUrl("/ibc.lightclients.solomachine.v3.ClientState").build();
  private static final Any HEADER =
      AnyCodec.pack(FakeTypes.header(Height.of(1, 6), 1, "r").proto());

  private static final MsgCreateClient CREATE =
      MsgCreateClient.newBuilder()
          .setClientState(CLIENT)
          .setConsensusState(CONSENSUS)
          .setSigner(TestChain.RELAYER)
          .build();
  private static final MsgUpdateClient UPDATE =
      MsgUpdateClient.newBuilder()
          .setClientId("07-tendermint-0")
          .setClientMessage(HEADER)
          .setSigner(TestChain.RELAYER)
          .build();
  private static final MsgUpgradeClient UPGRADE =
      MsgUpgradeClient.newBuilder()
          .setClientId("testclientid")
          .setClientState(CLIENT)
          .setConsensusState(CONSENSUS)
          .setProofUpgradeClient(ByteString.copyFromUtf8("proofUpgradeClient"))
          .setProofUpgradeConsensusState(ByteString.copyFromUtf8("proofUpgradeConsState"))
          .setSigner(TestChain.RELAYER)
          .build();

  static Stream<Arguments> validateBasic() {
    String invalidAddress =
        "string could not be parsed as address: decoding bech32 failed: invalid bech32 string"
            + " length 7: invalid address";
    return Stream.of(
        // MsgCreateClient
        arguments("create: success", CREATE, null),
        arguments(
            "create: invalid client",
            CREATE.toBuilder()
                .setClientState(AnyCodec.pack(FakeTypes.clientState("", Height.of(1, 5))))
                .build(),
            "chain id cannot be empty string: light client is invalid"),
        arguments(
            "create: client state too large",
            CREATE.toBuilder()
                .setClientState(CLIENT.toBuilder().setValue(ByteString.copyFrom(new byte[32769])))
                .build(),
            "client state size 32769 exceeds max size 32768: entity too large"),
        arguments(
            "create: consensus state too large",
            CREATE.toBuilder()
                .setConsensusState(
                    Any.newBuilder()
                        .setTypeUrl("lol")
                        .setValue(ByteString.copyFrom(new byte[32769])))
                .build(),
            "consensus state size 32769 exceeds max size 32768: entity too large"),
        arguments(
            "create: failed to unpack client",
            CREATE.toBuilder().clearClientState().build(),
            "protobuf Any message cannot be nil: failed unpacking protobuf message from Any"),
        arguments(
            "create: failed to unpack consensus state",
            CREATE.toBuilder().clearConsensusState().build(),
            "protobuf Any message cannot be nil: failed unpacking protobuf message from Any"),
        arguments(
            "create: invalid signer",
            CREATE.toBuilder().setSigner("invalid").build(),
            invalidAddress),
        arguments(
            "create: invalid consensus state",
            CREATE.toBuilder().setConsensusState(TestChain.consensusStateAny("")).build(),
            "root cannot be empty: invalid consensus state"),
        arguments(
            "create: client state and consensus state client types do not match",
            CREATE.toBuilder().setClientState(SOLO).build(),
            "client type for client state and consensus state do not match: invalid client type"),
        // MsgUpdateClient
        arguments(
            "update: invalid client-id",
            UPDATE.toBuilder().setClientId("").build(),
            "identifier cannot be blank: invalid identifier"),
        arguments("update: valid header", UPDATE, null),
        arguments(
            "update: invalid header",
            UPDATE.toBuilder()
                .setClientMessage(AnyCodec.pack(FakeTypes.header(Height.ZERO, 1, "r").proto()))
                .build(),
            "header height cannot be zero: invalid client header"),
        arguments(
            "update: failed to unpack header",
            UPDATE.toBuilder().clearClientMessage().build(),
            "protobuf Any message cannot be nil: failed unpacking protobuf message from Any"),
        arguments(
            "update: header of an unregistered type",
            UPDATE.toBuilder().setClientMessage(Any.newBuilder().setTypeUrl("/x.Header")).build(),
            "cannot unpack Any into Header *types.Any: failed unpacking protobuf message from Any"),
        arguments(
            "update: invalid signer",
            UPDATE.toBuilder().setSigner("invalid").build(),
            invalidAddress),
        // MsgUpgradeClient
        arguments("upgrade: success", UPGRADE, null),
        arguments(
            "upgrade: client id empty",
            UPGRADE.toBuilder().setClientId("").build(),
            "identifier cannot be blank: invalid identifier"),
        arguments(
            "upgrade: invalid client id",
            UPGRADE.toBuilder().setClientId("invalid~chain/id").build(),
            "identifier invalid~chain/id cannot contain separator '/': invalid identifier"),
        arguments(
            "upgrade: unpacking clientstate fails",
            UPGRADE.toBuilder().clearClientState().build(),
            "protobuf Any message cannot be nil: failed unpacking protobuf message from Any"),
        arguments(
            "upgrade: unpacking consensus state fails",
            UPGRADE.toBuilder().clearConsensusState().build(),
            "protobuf Any message cannot be nil: failed unpacking protobuf message from Any"),
        arguments(
            "upgrade: client and consensus type does not match",
            UPGRADE.toBuilder().setClientState(SOLO).build(),
            "consensus state's client-type does not match client. expected: 06-solomachine, got:"
                + " 07-tendermint: invalid client upgrade"),
        arguments(
            "upgrade: empty client proof",
            UPGRADE.toBuilder().clearProofUpgradeClient().build(),
            "proof of upgrade client cannot be empty: invalid client upgrade"),
        arguments(
            "upgrade: empty consensus state proof",
            UPGRADE.toBuilder().clearProofUpgradeConsensusState().build(),
            "proof of upgrade consensus state cannot be empty: invalid client upgrade"),
        arguments(
            "upgrade: empty signer",
            UPGRADE.toBuilder().setSigner("  ").build(),
            "string could not be parsed as address: empty address string is not allowed: invalid"
                + " address"),
        // MsgRecoverClient
        arguments(
            "recover: success",
            MsgRecoverClient.newBuilder()
                .setSubjectClientId("07-tendermint-0")
                .setSubstituteClientId("07-tendermint-1")
                .setSigner(TestChain.AUTHORITY)
                .build(),
            null),
        arguments(
            "recover: invalid subject client ID",
            MsgRecoverClient.newBuilder()
                .setSubjectClientId("")
                .setSubstituteClientId("07-tendermint-1")
                .setSigner(TestChain.AUTHORITY)
                .build(),
            "identifier cannot be blank: invalid identifier"),
        arguments(
            "recover: subject and substitute are equal",
            MsgRecoverClient.newBuilder()
                .setSubjectClientId("07-tendermint-0")
                .setSubstituteClientId("07-tendermint-0")
                .setSigner(TestChain.AUTHORITY)
                .build(),
            "subject and substitute clients must be different: invalid client state substitute"),
        // MsgIBCSoftwareUpgrade
        arguments(
            "software upgrade: success",
            MsgIBCSoftwareUpgrade.newBuilder()
                .setPlan(Plan.newBuilder().setName("upgrade").setHeight(1000))
                .setUpgradedClientState(CLIENT)
                .setSigner(TestChain.AUTHORITY)
                .build(),
            null),
        arguments(
            "software upgrade: not a Tendermint client",
            MsgIBCSoftwareUpgrade.newBuilder()
                .setPlan(Plan.newBuilder().setName("upgrade").setHeight(1000))
                .setUpgradedClientState(SOLO)
                .setSigner(TestChain.AUTHORITY)
                .build(),
            "upgraded client state must be a Tendermint client: invalid client upgrade"),
        arguments(
            "software upgrade: zero plan height",
            MsgIBCSoftwareUpgrade.newBuilder()
                .setPlan(Plan.newBuilder().setName("upgrade"))
                .setUpgradedClientState(CLIENT)
                .setSigner(TestChain.AUTHORITY)
                .build(),
            "height must be greater than 0: invalid request"),
        arguments(
            "software upgrade: time-based plan",
            MsgIBCSoftwareUpgrade.newBuilder()
                .setPlan(
                    Plan.newBuilder()
                        .setName("upgrade")
                        .setHeight(1)
                        .setTime(Timestamp.newBuilder().setSeconds(0)))
                .setUpgradedClientState(CLIENT)
                .setSigner(TestChain.AUTHORITY)
                .build(),
            "time-based upgrades have been deprecated in the SDK: invalid request"),
        arguments(
            "software upgrade: Go zero time counts as unset",
            MsgIBCSoftwareUpgrade.newBuilder()
                .setPlan(
                    Plan.newBuilder()
                        .setName("upgrade")
                        .setHeight(1)
                        .setTime(Timestamp.newBuilder().setSeconds(-62135596800L)))
                .setUpgradedClientState(CLIENT)
                .setSigner(TestChain.AUTHORITY)
                .build(),
            null),
        // MsgUpdateParams
        arguments(
            "params: success",
            MsgUpdateParams.newBuilder()
                .setSigner(TestChain.AUTHORITY)
                .setParams(ClientParams.DEFAULT.toProto())
                .build(),
            null),
        arguments(
            "params: duplicate client types",
            MsgUpdateParams.newBuilder()
                .setSigner(TestChain.AUTHORITY)
                .setParams(ClientParams.of("07-tendermint", "07-tendermint").toProto())
                .build(),
            "duplicate client type: 07-tendermint"),
        arguments(
            "params: invalid signer",
            MsgUpdateParams.newBuilder().setSigner("invalid").build(),
            invalidAddress),
        // MsgDeleteClientCreator
        arguments(
            "delete creator: success",
            MsgDeleteClientCreator.newBuilder()
                .setClientId("07-tendermint-0")
                .setSigner(TestChain.AUTHORITY)
                .build(),
            null),
        arguments(
            "delete creator: not a {type}-{N} id",
            MsgDeleteClientCreator.newBuilder()
                .setClientId("nonexistentclient")
                .setSigner(TestChain.AUTHORITY)
                .build(),
            "client ID nonexistentclient must be in valid format: {string}-{number}: invalid"
                + " identifier"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void validateBasic(String name, Message msg, String error) {
    if (error == null) {
      assertThatCode(() -> MSGS.validateBasic(msg)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> MSGS.validateBasic(msg)).hasMessage(error);
    }
  }
}
