package io.wasm08.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.ByteString;
import cosmos.base.query.v1beta1.Pagination.PageRequest;
import cosmos.upgrade.v1beta1.Upgrade.Plan;
import ibc.core.client.v1.Client.IdentifiedClientState;
import ibc.core.client.v1.QueryGrpc;
import ibc.core.client.v1.QueryOuterClass.QueryClientCreatorRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientParamsRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatesRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatusRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateHeightsRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStatesRequest;
import ibc.core.client.v1.QueryOuterClass.QueryUpgradedClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryUpgradedConsensusStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipRequest;
import ibc.core.commitment.v2.Commitment.MerklePath;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.wasm08.client.ClientParams;
import io.wasm08.client.FakeLightClient;
import io.wasm08.client.FakeTypes;
import io.wasm08.client.TestChain;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.context.BlockContext;
import io.wasm08.store.BasicGasMeter;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors ibc-go v11 {@code 02-client/keeper/grpc_query_test.go} through an in-process gRPC server
 * and channel: status codes and messages of every failure, the answers of every query.
 */
class ClientQueryServiceTest {
  private TestChain chain;
  private Server server;
  private ManagedChannel channel;
  private QueryGrpc.QueryBlockingStub stub;

  @BeforeEach
  void start() throws IOException {
    chain = new TestChain();
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(new ClientQueryService(chain.queryServer(), chain::ctx))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = QueryGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e -> {
              Status status = ((StatusRuntimeException) e).getStatus();
              assertThat(status.getCode()).isEqualTo(code);
              assertThat(status.getDescription()).isEqualTo(message);
            });
  }

  @Test
  void nilRequestsAreInvalidArguments() {
    BlockContext ctx = chain.ctx();
    ClientQueryServer q = chain.queryServer();
    for (Runnable call :
        new Runnable[] {
          () -> q.clientState(ctx, null),
          () -> q.clientStates(ctx, null),
          () -> q.consensusState(ctx, null),
          () -> q.consensusStates(ctx, null),
          () -> q.consensusStateHeights(ctx, null),
          () -> q.clientStatus(ctx, null),
          () -> q.clientCreator(ctx, null),
          () -> q.upgradedClientState(ctx, null),
          () -> q.upgradedConsensusState(ctx, null),
          () -> q.verifyMembership(ctx, null)
        }) {
      assertStatus(call, Status.Code.INVALID_ARGUMENT, "empty request");
    }
  }

  @Test
  void clientState() {
    assertStatus(
        () -> stub.clientState(QueryClientStateRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "identifier cannot be blank: invalid identifier");
    assertStatus(
        () ->
            stub.clientState(
                QueryClientStateRequest.newBuilder().setClientId("tendermint-0").build()),
        Status.Code.NOT_FOUND,
        "tendermint-0: light client not found");
    String id = chain.createClient(Height.of(1, 5));
    var res = stub.clientState(QueryClientStateRequest.newBuilder().setClientId(id).build());
    assertThat(res.getClientState()).isEqualTo(TestChain.clientStateAny(Height.of(1, 5)));
    // proof_height = self height: revision from the chain id "testchain-1", block height 12.
    assertThat(Height.fromProto(res.getProofHeight())).isEqualTo(Height.of(1, 12));
  }

  @Test
  void clientStatesPaginated() {
    for (int i = 0; i < 3; i++) {
      chain.createClient(Height.of(1, 5));
    }
    var all = stub.clientStates(QueryClientStatesRequest.getDefaultInstance());
    assertThat(all.getClientStatesList())
        .extracting(IdentifiedClientState::getClientId)
        .containsExactly("07-tendermint-0", "07-tendermint-1", "07-tendermint-2");
    // No limit given: total counted, no next key.
    assertThat(all.getPagination().getTotal()).isEqualTo(3);
    assertThat(all.getPagination().hasNextKey()).isFalse();

    var first =
        stub.clientStates(
            QueryClientStatesRequest.newBuilder()
                .setPagination(PageRequest.newBuilder().setLimit(2).setCountTotal(true))
                .build());
    // ibc-go's ClientStates callback ignores FilteredPaginate's "accumulate" flag, so an
    // offset page returns every hit the loop visits: with count_total that is all of them.
    assertThat(first.getClientStatesList()).hasSize(3);
    assertThat(first.getPagination().getTotal()).isEqualTo(3);
    // next_key is relative to the "clients" prefix: the key of the hit past the limit.
    assertThat(first.getPagination().getNextKey().toStringUtf8())
        .isEqualTo("/07-tendermint-2/clientState");
    var noTotal =
        stub.clientStates(
            QueryClientStatesRequest.newBuilder()
                .setPagination(PageRequest.newBuilder().setLimit(1))
                .build());
    // Without count_total the loop stops right after the first hit past the limit.
    assertThat(noTotal.getClientStatesList()).hasSize(2);
    assertThat(noTotal.getPagination().getNextKey().toStringUtf8())
        .isEqualTo("/07-tendermint-1/clientState");
    var second =
        stub.clientStates(
            QueryClientStatesRequest.newBuilder()
                .setPagination(
                    PageRequest.newBuilder().setKey(first.getPagination().getNextKey()).setLimit(2))
                .build());
    assertThat(second.getClientStatesList())
        .extracting(IdentifiedClientState::getClientId)
        .containsExactly("07-tendermint-2");
    assertStatus(
        () ->
            stub.clientStates(
                QueryClientStatesRequest.newBuilder()
                    .setPagination(
                        PageRequest.newBuilder().setOffset(1).setKey(ByteString.copyFromUtf8("k")))
                    .build()),
        Status.Code.UNKNOWN,
        "invalid request, either offset or key is expected, got both");
  }

  static Stream<Arguments> consensusState() {
    return Stream.of(
        arguments(
            "invalid clientID",
            (Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder>)
                b -> b.setClientId(""),
            Status.Code.INVALID_ARGUMENT,
            "identifier cannot be blank: invalid identifier"),
        arguments(
            "invalid height",
            (Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder>)
                b -> b.setRevisionNumber(0).setRevisionHeight(0),
            Status.Code.INVALID_ARGUMENT,
            "consensus state height cannot be 0"),
        arguments(
            "consensus state not found",
            (Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder>)
                b -> b.setRevisionHeight(6),
            Status.Code.NOT_FOUND,
            "client-id: 07-tendermint-0, height: 1-6: consensus state not found"),
        arguments(
            "latest height of an unroutable client",
            (Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder>)
                b -> b.setClientId("08-wasm-0").setLatestHeight(true),
            Status.Code.NOT_FOUND,
            "client-id: 08-wasm-0, height: 1-5: consensus state not found"),
        arguments(
            "success",
            (Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder>)
                b -> b,
            null,
            null),
        arguments(
            "success latest height",
            (Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder>)
                b -> b.setRevisionHeight(0).setLatestHeight(true),
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void consensusState(
      String name,
      Function<QueryConsensusStateRequest.Builder, QueryConsensusStateRequest.Builder> malleate,
      Status.Code code,
      String message) {
    chain.createClient(Height.of(1, 5));
    QueryConsensusStateRequest req =
        malleate
            .apply(
                QueryConsensusStateRequest.newBuilder()
                    .setClientId("07-tendermint-0")
                    .setRevisionNumber(1)
                    .setRevisionHeight(5))
            .build();
    if (code == null) {
      var res = stub.consensusState(req);
      assertThat(res.getConsensusState()).isEqualTo(TestChain.consensusStateAny("root"));
      assertThat(Height.fromProto(res.getProofHeight())).isEqualTo(Height.of(1, 12));
    } else {
      assertStatus(() -> stub.consensusState(req), code, message);
    }
  }

  @Test
  void consensusStatesAndHeightsSkipMetadata() {
    String id = chain.createClient(Height.of(1, 5));
    chain.keeper().updateClient(chain.ctx(), id, FakeTypes.header(Height.of(1, 10), 1, "r10"));
    var states =
        stub.consensusStates(QueryConsensusStatesRequest.newBuilder().setClientId(id).build());
    assertThat(states.getConsensusStatesList())
        .extracting(s -> Height.fromProto(s.getHeight()))
        .containsExactly(Height.of(1, 10), Height.of(1, 5));
    assertThat(states.getPagination().getTotal()).isEqualTo(2);
    var heights =
        stub.consensusStateHeights(
            QueryConsensusStateHeightsRequest.newBuilder()
                .setClientId(id)
                .setPagination(PageRequest.newBuilder().setLimit(1).setReverse(true))
                .build());
    // Reverse key order visits 1-5 then 1-10; the hit past the limit is kept too (see above).
    assertThat(heights.getConsensusStateHeightsList())
        .extracting(Height::fromProto)
        .containsExactly(Height.of(1, 5), Height.of(1, 10));
    assertThat(heights.getPagination().getNextKey().toStringUtf8()).isEqualTo("1-10");
    assertStatus(
        () -> stub.consensusStates(QueryConsensusStatesRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "identifier cannot be blank: invalid identifier");
    assertStatus(
        () -> stub.consensusStateHeights(QueryConsensusStateHeightsRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "identifier cannot be blank: invalid identifier");
  }

  static Stream<Arguments> clientStatus() {
    return Stream.of(
        arguments("client not found", "IDisInvalid", (Consumer<TestChain>) c -> {}, "Unauthorized"),
        arguments(
            "Active client status", "07-tendermint-0", (Consumer<TestChain>) c -> {}, "Active"),
        arguments(
            "Expired client status",
            "07-tendermint-0",
            (Consumer<TestChain>)
                c ->
                    io.wasm08.client.ClientKeeperTest.setFakeClient(
                        c, "07-tendermint-0", b -> b.setLatestHeight(Height.of(1, 6).toProto())),
            "Expired"),
        arguments(
            "Frozen client status",
            "07-tendermint-0",
            (Consumer<TestChain>)
                c ->
                    io.wasm08.client.ClientKeeperTest.setFakeClient(
                        c, "07-tendermint-0", b -> b.setFrozen(true)),
            "Frozen"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void clientStatus(String name, String clientId, Consumer<TestChain> malleate, String status) {
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    assertThat(
            stub.clientStatus(QueryClientStatusRequest.newBuilder().setClientId(clientId).build())
                .getStatus())
        .isEqualTo(status);
    assertStatus(
        () -> stub.clientStatus(QueryClientStatusRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "identifier cannot be blank: invalid identifier");
  }

  @Test
  void clientCreatorAndParams() {
    chain.msgServer().createClient(chain.ctx(), chain.msgCreateClient(Height.of(1, 5)));
    assertThat(
            stub.clientCreator(
                    QueryClientCreatorRequest.newBuilder().setClientId("07-tendermint-0").build())
                .getCreator())
        .isEqualTo(TestChain.RELAYER);
    assertThat(
            stub.clientCreator(
                    QueryClientCreatorRequest.newBuilder().setClientId("07-tendermint-9").build())
                .getCreator())
        .isEmpty();
    assertStatus(
        () -> stub.clientCreator(QueryClientCreatorRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "identifier cannot be blank: invalid identifier");
    chain.keeper().setParams(chain.ctx(), ClientParams.of("07-tendermint"));
    assertThat(
            stub.clientParams(QueryClientParamsRequest.getDefaultInstance())
                .getParams()
                .getAllowedClientsList())
        .containsExactly("07-tendermint");
  }

  @Test
  void upgradedStates() {
    assertStatus(
        () -> stub.upgradedClientState(QueryUpgradedClientStateRequest.getDefaultInstance()),
        Status.Code.NOT_FOUND,
        "upgrade plan not found");
    chain.upgradeKeeper().plan = Plan.newBuilder().setName("p").setHeight(20).build();
    assertStatus(
        () -> stub.upgradedClientState(QueryUpgradedClientStateRequest.getDefaultInstance()),
        Status.Code.NOT_FOUND,
        "upgraded client not found");
    chain.upgradeKeeper().upgradedClients.put(20L, Bytes.fromHex("0a"));
    assertThat(
            stubCallStatus(
                () ->
                    stub.upgradedClientState(QueryUpgradedClientStateRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.INTERNAL);
    chain
        .upgradeKeeper()
        .upgradedClients
        .put(20L, Bytes.of(TestChain.clientStateAny(Height.of(2, 1)).toByteArray()));
    assertThat(
            stub.upgradedClientState(QueryUpgradedClientStateRequest.getDefaultInstance())
                .getUpgradedClientState())
        .isEqualTo(TestChain.clientStateAny(Height.of(2, 1)));
    assertStatus(
        () -> stub.upgradedConsensusState(QueryUpgradedConsensusStateRequest.getDefaultInstance()),
        Status.Code.NOT_FOUND,
        "upgraded consensus state not found, height 12");
    chain
        .upgradeKeeper()
        .upgradedConsensusStates
        .put(12L, Bytes.of(TestChain.consensusStateAny("u").toByteArray()));
    assertThat(
            stub.upgradedConsensusState(QueryUpgradedConsensusStateRequest.getDefaultInstance())
                .getUpgradedConsensusState())
        .isEqualTo(TestChain.consensusStateAny("u"));
  }

  private static Status.Code stubCallStatus(Runnable call) {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  private static final MerklePath PATH =
      MerklePath.newBuilder()
          .addKeyPath(ByteString.copyFromUtf8("/ibc"))
          .addKeyPath(ByteString.copyFromUtf8("channelEnds/ports/mock/channels/channel-0"))
          .build();

  static Stream<Arguments> verifyMembership() {
    QueryVerifyMembershipRequest ok =
        QueryVerifyMembershipRequest.newBuilder()
            .setClientId("07-tendermint-0")
            .setProof(ByteString.copyFrom(FakeLightClient.VALID_PROOF.toByteArray()))
            .setProofHeight(Height.of(1, 5).toProto())
            .setMerklePath(PATH)
            .setValue(ByteString.copyFromUtf8("value"))
            .build();
    return Stream.of(
        arguments("success", ok, (Consumer<TestChain>) c -> {}, null, null, true),
        arguments(
            "verification fails → success=false",
            ok.toBuilder().setProof(ByteString.copyFromUtf8("bad proof")).build(),
            (Consumer<TestChain>) c -> {},
            null,
            null,
            false),
        arguments(
            "invalid client ID",
            ok.toBuilder().setClientId("//invalid_id").build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "identifier //invalid_id cannot contain separator '/': invalid identifier",
            false),
        arguments(
            "localhost client ID is denied",
            ok.toBuilder().setClientId("09-localhost").build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "verify membership is disabled for client types [09-localhost 06-solomachine]:"
                + " invalid client type",
            false),
        arguments(
            "solomachine client ID is denied",
            ok.toBuilder().setClientId("06-solomachine-1").build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "verify membership is disabled for client types [09-localhost 06-solomachine]:"
                + " invalid client type",
            false),
        arguments(
            "empty proof",
            ok.toBuilder().clearProof().build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "empty proof",
            false),
        arguments(
            "invalid proof height",
            ok.toBuilder().setProofHeight(Height.ZERO.toProto()).build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "proof height must be non-zero",
            false),
        arguments(
            "empty merkle path",
            ok.toBuilder().clearMerklePath().build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "empty merkle path",
            false),
        arguments(
            "empty value",
            ok.toBuilder().clearValue().build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.INVALID_ARGUMENT,
            "empty value",
            false),
        arguments(
            "light client module not found",
            ok.toBuilder().setClientId("08-wasm-0").build(),
            (Consumer<TestChain>) c -> {},
            Status.Code.NOT_FOUND,
            "08-wasm-0: light client module route not found",
            false),
        arguments(
            "client type not allowed",
            ok,
            (Consumer<TestChain>) c -> c.keeper().setParams(c.ctx(), ClientParams.of("")),
            Status.Code.NOT_FOUND,
            "client (07-tendermint-0) type 07-tendermint is not in the allowed client list:"
                + " invalid client type",
            false),
        arguments(
            "client frozen",
            ok,
            (Consumer<TestChain>)
                c ->
                    io.wasm08.client.ClientKeeperTest.setFakeClient(
                        c, "07-tendermint-0", b -> b.setFrozen(true)),
            Status.Code.FAILED_PRECONDITION,
            "cannot verify membership using client (07-tendermint-0) with status Frozen: client"
                + " state is not active",
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void verifyMembership(
      String name,
      QueryVerifyMembershipRequest req,
      Consumer<TestChain> malleate,
      Status.Code code,
      String message,
      boolean success) {
    chain.createClient(Height.of(1, 5));
    malleate.accept(chain);
    if (code == null) {
      assertThat(stub.verifyMembership(req).getSuccess()).isEqualTo(success);
    } else {
      assertStatus(() -> stub.verifyMembership(req), code, message);
    }
  }

  @Test
  void verifyMembershipGasAndDiscardedWrites() {
    chain.createClient(Height.of(1, 5));
    // A verification that writes (as 08-wasm contracts may) must not leave the write behind.
    var before = chain.snapshot();
    BasicGasMeter meter = new BasicGasMeter(10_000_000);
    QueryVerifyMembershipRequest req =
        QueryVerifyMembershipRequest.newBuilder()
            .setClientId("07-tendermint-0")
            .setProof(ByteString.copyFrom(FakeLightClient.VALID_PROOF.toByteArray()))
            .setProofHeight(Height.of(1, 5).toProto())
            .setMerklePath(PATH)
            .setValue(ByteString.copyFromUtf8("value"))
            .build();
    assertThat(chain.queryServer().verifyMembership(chain.ctx(meter), req).getSuccess()).isTrue();
    assertThat(chain.snapshot()).isEqualTo(before);
    // At least the flat charge 3 × ReadCostPerByte(3) × len("valid proof") = 99 was consumed.
    assertThat(meter.gasConsumed()).isGreaterThan(99);
  }

  @Test
  void verifyMembershipChargesNinePerProofByteAndRecountsTheMeterOnExit() {
    chain.createClient(Height.of(1, 5));
    long[] consumed = new long[2];
    String[] proofs = {"invalid pro", "invalid prof"};
    for (int i = 0; i < 2; i++) {
      BasicGasMeter meter = new BasicGasMeter(10_000_000);
      QueryVerifyMembershipRequest req =
          QueryVerifyMembershipRequest.newBuilder()
              .setClientId("07-tendermint-0")
              .setProof(ByteString.copyFromUtf8(proofs[i]))
              .setProofHeight(Height.of(1, 5).toProto())
              .setMerklePath(PATH)
              .setValue(ByteString.copyFromUtf8("value"))
              .build();
      assertThat(chain.queryServer().verifyMembership(chain.ctx(meter), req).getSuccess())
          .isFalse();
      consumed[i] = meter.gasConsumed();
    }
    // One more proof byte costs 3 × ReadCostPerByte(3) = 9 flat gas; ibc-go's deferred
    // ConsumeGas(cachedCtx.GasMeter().GasConsumed()) adds the shared meter's total once more, so
    // the difference doubles to 18 and every total is even.
    assertThat(consumed[1] - consumed[0]).isEqualTo(18);
    assertThat(consumed[0] % 2).isZero();
  }
}
