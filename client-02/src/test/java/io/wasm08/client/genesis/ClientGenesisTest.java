package io.wasm08.client.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import ibc.core.client.v1.Client.ClientConsensusStates;
import ibc.core.client.v1.Client.ConsensusStateWithHeight;
import ibc.core.client.v1.Client.IdentifiedClientState;
import ibc.core.client.v1.Genesis.GenesisMetadata;
import ibc.core.client.v1.Genesis.GenesisState;
import ibc.core.client.v1.Genesis.IdentifiedGenesisMetadata;
import io.wasm08.client.ClientParams;
import io.wasm08.client.FakeTypes;
import io.wasm08.client.TestChain;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.host.ClientKeys;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 02-client genesis: round trip, import failures writing nothing, and Validate's table. */
class ClientGenesisTest {

  /** A chain with two clients, updates, a creator, v2 config and contract-style metadata. */
  private static TestChain populated() {
    TestChain chain = new TestChain();
    chain.msgServer().createClient(chain.ctx(), chain.msgCreateClient(Height.of(1, 5)));
    chain.msgServer().createClient(chain.ctx(), chain.msgCreateClient(Height.of(2, 9)));
    chain
        .keeper()
        .updateClient(chain.ctx(), "07-tendermint-0", FakeTypes.header(Height.of(1, 10), 7, "r10"));
    chain
        .keeper()
        .clientStore(chain.ctx(), "07-tendermint-1")
        .set(Bytes.ofUtf8("config"), Bytes.ofUtf8("\n\u0001x"));
    chain.keeper().setParams(chain.ctx(), ClientParams.of("07-tendermint", "08-wasm"));
    return chain;
  }

  @Test
  void exportImportExportGivesIdenticalBytes() throws Exception {
    TestChain source = populated();
    GenesisState exported = source.genesis().exportGenesis(source.ctx());
    byte[] first = exported.toByteArray();

    assertThat(exported.getClientsList())
        .extracting(IdentifiedClientState::getClientId)
        .containsExactly("07-tendermint-0", "07-tendermint-1");
    assertThat(exported.getClientsConsensusList()).hasSize(2);
    assertThat(exported.getNextClientSequence()).isEqualTo(2);
    assertThat(exported.getParams().getAllowedClientsList())
        .containsExactly("07-tendermint", "08-wasm");
    // Metadata: creator, processed time/height of every consensus height, the v2 config.
    IdentifiedGenesisMetadata meta0 = exported.getClientsMetadata(0);
    assertThat(meta0.getClientMetadataList())
        .extracting(m -> m.getKey().toStringUtf8())
        .containsExactly(
            "consensusStates/1-10/processedHeight",
            "consensusStates/1-10/processedTime",
            "consensusStates/1-5/processedHeight",
            "consensusStates/1-5/processedTime",
            "creator");
    assertThat(exported.getClientsMetadata(1).getClientMetadataList())
        .extracting(m -> m.getKey().toStringUtf8())
        .contains("config", "creator");

    TestChain target = new TestChain();
    target.ibcStore().delete(ClientKeys.paramsKey());
    target.ibcStore().delete(ClientKeys.nextClientSequenceKey());
    assertThat(target.snapshot()).isEmpty();
    target.genesis().initGenesis(target.ctx(), GenesisState.parseFrom(first));
    assertThat(target.snapshot()).isEqualTo(source.snapshot());
    assertThat(target.genesis().exportGenesis(target.ctx()).toByteArray()).isEqualTo(first);
    // The imported clients work.
    assertThat(target.keeper().getClientStatus(target.ctx(), "07-tendermint-1").value())
        .isEqualTo("Active");
    source.genesis().validate(exported);
  }

  @Test
  void defaultGenesisRoundTrips() {
    TestChain chain = new TestChain();
    GenesisState exported = chain.genesis().exportGenesis(chain.ctx());
    assertThat(exported).isEqualTo(ClientGenesis.defaultGenesis());
    assertThat(exported.getParams().getAllowedClientsList()).containsExactly("*");
  }

  static Stream<Arguments> initGenesisFailures() {
    return Stream.of(
        arguments(
            "invalid params",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setParams(ClientParams.of("*", "07-tendermint").toProto())
                        .build(),
            "invalid ibc client genesis state parameters: allow list must have only one element"
                + " because the allow all clients wildcard (*) is present"),
        arguments(
            "client type not allowed",
            (UnaryOperator<GenesisState>)
                g -> g.toBuilder().setParams(ClientParams.of("08-wasm").toProto()).build(),
            "client state type 07-tendermint is not registered on the allowlist"),
        arguments(
            "undecodable client state",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClients(
                            1, g.getClients(1).toBuilder().setClientState(Any.getDefaultInstance()))
                        .build(),
            "invalid client state"),
        arguments(
            "consensus state of another interface",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClientsConsensus(
                            1,
                            g.getClientsConsensus(1).toBuilder()
                                .setConsensusStates(
                                    0,
                                    g.getClientsConsensus(1).getConsensusStates(0).toBuilder()
                                        .setConsensusState(Any.getDefaultInstance())))
                        .build(),
            "invalid consensus state with client ID 07-tendermint-1 at height 2-9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void initGenesisFailures(String name, UnaryOperator<GenesisState> malleate, String message) {
    TestChain source = populated();
    GenesisState genesis = malleate.apply(source.genesis().exportGenesis(source.ctx()));
    TestChain target = new TestChain();
    Map<Bytes, Bytes> before = target.snapshot();
    BlockContext ctx = target.ctx();
    assertThatThrownBy(() -> target.genesis().initGenesis(ctx, genesis))
        .isInstanceOf(IbcException.class)
        .hasMessage(message);
    assertThat(target.snapshot()).isEqualTo(before);
  }

  private static GenesisState valid() {
    Any cs = TestChain.clientStateAny(Height.of(1, 5));
    Any cons = TestChain.consensusStateAny("root");
    return GenesisState.newBuilder()
        .addClients(
            IdentifiedClientState.newBuilder().setClientId("07-tendermint-0").setClientState(cs))
        .addClientsConsensus(
            ClientConsensusStates.newBuilder()
                .setClientId("07-tendermint-0")
                .addConsensusStates(
                    ConsensusStateWithHeight.newBuilder()
                        .setHeight(Height.of(1, 5).toProto())
                        .setConsensusState(cons)))
        .addClientsMetadata(
            IdentifiedGenesisMetadata.newBuilder()
                .setClientId("07-tendermint-0")
                .addClientMetadata(
                    GenesisMetadata.newBuilder()
                        .setKey(ByteString.copyFromUtf8("key"))
                        .setValue(ByteString.copyFromUtf8("value"))))
        .setParams(ClientParams.DEFAULT.toProto())
        .setNextClientSequence(1)
        .build();
  }

  static Stream<Arguments> validate() {
    return Stream.of(
        arguments(
            "default", (UnaryOperator<GenesisState>) g -> ClientGenesis.defaultGenesis(), null),
        arguments("valid custom genesis", (UnaryOperator<GenesisState>) g -> g, null),
        arguments(
            "invalid client identifier",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClients(0, g.getClients(0).toBuilder().setClientId("/~@$*"))
                        .build(),
            "invalid client consensus state identifier /~@$* index 0: identifier /~@$* cannot"
                + " contain separator '/': invalid identifier"),
        arguments(
            "invalid client state",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClients(
                            0,
                            g.getClients(0).toBuilder()
                                .setClientState(
                                    AnyCodec.pack(FakeTypes.clientState("", Height.of(1, 5)))))
                        .build(),
            "invalid client 07-tendermint-0 index 0: chain id cannot be empty string: light client"
                + " is invalid"),
        arguments(
            "client type not allowed",
            (UnaryOperator<GenesisState>)
                g -> g.toBuilder().setParams(ClientParams.of("08-wasm").toProto()).build(),
            "client type 07-tendermint not allowed by genesis params"),
        arguments(
            "client id of another type",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClients(0, g.getClients(0).toBuilder().setClientId("08-wasm-0"))
                        .build(),
            "client state type 07-tendermint does not equal client type in client identifier 08-wasm"),
        arguments(
            "consensus state of an unknown client",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClientsConsensus(
                            0, g.getClientsConsensus(0).toBuilder().setClientId("07-tendermint-9"))
                        .build(),
            "consensus state in genesis has a client id 07-tendermint-9 that does not map to a"
                + " genesis client"),
        arguments(
            "consensus state height zero",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClientsConsensus(
                            0,
                            g.getClientsConsensus(0).toBuilder()
                                .setConsensusStates(
                                    0,
                                    g.getClientsConsensus(0).getConsensusStates(0).toBuilder()
                                        .setHeight(Height.ZERO.toProto())))
                        .build(),
            "consensus state height cannot be zero"),
        arguments(
            "metadata of an unknown client",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClientsMetadata(
                            0, g.getClientsMetadata(0).toBuilder().setClientId("07-tendermint-9"))
                        .build(),
            "metadata in genesis has a client id 07-tendermint-9 that does not map to a genesis"
                + " client"),
        arguments(
            "next sequence not above the clients'",
            (UnaryOperator<GenesisState>)
                g ->
                    g.toBuilder()
                        .setClients(0, g.getClients(0).toBuilder().setClientId("07-tendermint-5"))
                        .setClientsConsensus(
                            0, g.getClientsConsensus(0).toBuilder().setClientId("07-tendermint-5"))
                        .setClientsMetadata(
                            0, g.getClientsMetadata(0).toBuilder().setClientId("07-tendermint-5"))
                        .setNextClientSequence(5)
                        .build(),
            "next client identifier sequence 5 must be greater than the maximum sequence used in"
                + " the provided client identifiers 5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void validate(String name, UnaryOperator<GenesisState> malleate, String error) {
    ClientGenesis genesis = new TestChain().genesis();
    GenesisState state = malleate.apply(valid());
    if (error == null) {
      assertThatCode(() -> genesis.validate(state)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> genesis.validate(state)).hasMessage(error);
    }
  }
}
