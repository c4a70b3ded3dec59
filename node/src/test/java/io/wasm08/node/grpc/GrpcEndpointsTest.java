package io.wasm08.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cosmos.auth.v1beta1.QueryGrpc;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountRequest;
import cosmos.tx.v1beta1.ServiceGrpc;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastMode;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.wasm08.node.chain.Node;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.testing.ProbeModule;
import io.wasm08.node.testing.RawGrpc;
import io.wasm08.node.testing.TestChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wasm08.node.v1.NodeGrpc;
import wasm08.node.v1.NodeOuterClass.StatusRequest;
import wasm08.testing.node.v1.MsgGrpc;
import wasm08.testing.node.v1.ProbeProto.MsgProbe;

/**
 * The node's network surface over a real loopback gRPC channel and HTTP: Msg services are not
 * reachable, malformed input is INVALID_ARGUMENT and the node keeps serving, health, reflection,
 * the REST mapping and the Prometheus scrape.
 */
class GrpcEndpointsTest {
  static Node node;
  static ManagedChannel channel;

  @BeforeAll
  static void start() {
    node = TestChain.start(new ProbeModule(), 2);
    node.produceBlock();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    node.close();
  }

  static StatusRuntimeException callRaw(String fullMethod, byte[] request) {
    return RawGrpc.refusal(channel, fullMethod, request);
  }

  @Test
  void directCallToTheWasmMsgServiceIsRefused() {
    // MsgStoreCode{signer: "x", wasm_byte_code: 00 61 73 6d}
    byte[] storeCode = {0x0a, 0x01, 'x', 0x12, 0x04, 0x00, 0x61, 0x73, 0x6d};
    StatusRuntimeException e = callRaw("ibc.lightclients.wasm.v1.Msg/StoreCode", storeCode);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(e.getStatus().getDescription())
        .isEqualTo("Method not found: ibc.lightclients.wasm.v1.Msg/StoreCode");
    assertThat(callRaw("wasm08.testing.node.v1.Msg/Probe", new byte[0]).getStatus().getCode())
        .isEqualTo(Status.Code.UNIMPLEMENTED);
  }

  @Test
  void msgServicesCannotBeMounted() {
    assertThatThrownBy(() -> StrictServices.mount(new MsgGrpc.MsgImplBase() {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wasm08.testing.node.v1.Msg is a Msg service");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "cosmos.tx.v1beta1.Service/BroadcastTx", new byte[] {(byte) 0xff, (byte) 0xff}),
        Arguments.of("cosmos.tx.v1beta1.Service/Simulate", new byte[] {0x12, 0x05, 0x01}),
        Arguments.of("cosmos.auth.v1beta1.Query/Account", new byte[] {0x0a, (byte) 0x80}),
        Arguments.of("wasm08.node.v1.Node/Block", new byte[] {0x08}));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedProtobufIsInvalidArgumentAndTheNodeKeepsServing(String method, byte[] request) {
    StatusRuntimeException e = callRaw(method, request);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("malformed request");
    assertThat(
            NodeGrpc.newBlockingStub(channel)
                .status(StatusRequest.getDefaultInstance())
                .getChainId())
        .isEqualTo(TestChain.CHAIN_ID);
  }

  @Test
  void emptyTxAndRemovedBroadcastModesAreInvalidArgument() {
    var stub = ServiceGrpc.newBlockingStub(channel);
    assertThatThrownBy(() -> stub.broadcastTx(BroadcastTxRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getDescription()).isEqualTo("invalid empty tx"));
    assertThatThrownBy(
            () ->
                stub.broadcastTx(
                    BroadcastTxRequest.newBuilder()
                        .setTxBytes(com.google.protobuf.ByteString.copyFromUtf8("x"))
                        .setMode(BroadcastMode.BROADCAST_MODE_BLOCK)
                        .build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("unsupported return type block; supported types: sync, async");
            });
    assertThatThrownBy(() -> stub.getTx(GetTxRequest.newBuilder().setHash("AB").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void accountQueryAnswersAndUnknownAccountsAreNotFound() {
    var stub = QueryGrpc.newBlockingStub(channel);
    var any =
        stub.account(QueryAccountRequest.newBuilder().setAddress(TestChain.address(1)).build())
            .getAccount();
    assertThat(any.getTypeUrl()).isEqualTo("/cosmos.auth.v1beta1.BaseAccount");
    assertThatThrownBy(
            () ->
                stub.account(
                    QueryAccountRequest.newBuilder().setAddress(TestChain.address(9)).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("account " + TestChain.address(9) + " not found");
            });
  }

  @Test
  void healthIsServing() {
    HealthCheckResponse r =
        HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    assertThat(
            HealthGrpc.newBlockingStub(channel)
                .check(
                    HealthCheckRequest.newBuilder().setService("cosmos.tx.v1beta1.Service").build())
                .getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void reflectionListsTheServedServicesAndNoMsgService() throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse value) {
                    answer.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    List<String> services =
        answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
            .map(s -> s.getName())
            .toList();
    requests.onCompleted();
    assertThat(services)
        .contains(
            "cosmos.tx.v1beta1.Service",
            "cosmos.auth.v1beta1.Query",
            "wasm08.node.v1.Node",
            "grpc.health.v1.Health");
    assertThat(services).noneMatch(s -> s.endsWith(".Msg"));
  }

  static HttpResponse<String> http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.restPort() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void restMapsTheQueryRoutes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    HttpResponse<String> account =
        http("GET", "/cosmos/auth/v1beta1/accounts/" + TestChain.address(0), null);
    assertThat(account.statusCode()).isEqualTo(200);
    JsonNode acc = json.readTree(account.body()).get("account");
    assertThat(acc.get("@type").asText()).isEqualTo("/cosmos.auth.v1beta1.BaseAccount");
    assertThat(acc.get("address").asText()).isEqualTo(TestChain.address(0));
    // uint64 as a string, fields without presence printed.
    assertThat(acc.get("account_number").asText()).isEqualTo("0");
    assertThat(acc.get("sequence").isTextual()).isTrue();

    HttpResponse<String> missing =
        http("GET", "/cosmos/auth/v1beta1/accounts/" + TestChain.address(9), null);
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode err = json.readTree(missing.body());
    assertThat(err.get("code").asInt()).isEqualTo(5);
    assertThat(err.get("message").asText())
        .isEqualTo("account " + TestChain.address(9) + " not found");
    assertThat(err.get("details").isArray()).isTrue();

    HttpResponse<String> params = http("GET", "/cosmos/auth/v1beta1/params", null);
    assertThat(json.readTree(params.body()).at("/params/max_memo_characters").asText())
        .isEqualTo("256");
    HttpResponse<String> paged =
        http(
            "GET",
            "/cosmos/auth/v1beta1/accounts?pagination.limit=1&pagination.count_total=true",
            null);
    JsonNode page = json.readTree(paged.body());
    assertThat(page.get("accounts")).hasSize(1);
    assertThat(page.at("/pagination/total").asText()).isEqualTo("3");

    assertThat(http("GET", "/no/such/route", null).statusCode()).isEqualTo(404);
    assertThat(http("POST", "/cosmos/auth/v1beta1/params", "{}").statusCode()).isEqualTo(405);
    assertThat(http("GET", "/cosmos/auth/v1beta1/accounts?pagination.limit=x", null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> badBody = http("POST", "/cosmos/tx/v1beta1/txs", "{\"tx_bytes\": 5");
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(http("GET", "/wasm08/node/v1/status", null).body())
        .contains("\"chain_id\": \"wasm08-test\"");
  }

  @Test
  void restBroadcastsASignedTx() throws Exception {
    try (NodeClient client =
        NodeClient.forChannel(
            NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build())) {
      var tx =
          client.sign(
              List.of(
                  MsgProbe.newBuilder()
                      .setSigner(TestChain.address(1))
                      .setKey("rest")
                      .setValue("1")
                      .build()),
              TestChain.key(1),
              200_000,
              "");
      String body =
          "{\"tx_bytes\": \"" + tx.txBytes().toBase64() + "\", \"mode\": \"BROADCAST_MODE_SYNC\"}";
      HttpResponse<String> r = http("POST", "/cosmos/tx/v1beta1/txs", body);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode resp = new ObjectMapper().readTree(r.body()).get("tx_response");
      assertThat(resp.get("code").asInt()).as(r.body()).isZero();
      assertThat(resp.get("txhash").asText()).isEqualTo(tx.hash());
    }
  }

  @Test
  void metricsAreScrapedInPrometheusText() throws Exception {
    node.produceBlock();
    HttpResponse<String> r = http("GET", "/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("wasm08_block_height")
        .contains("wasm08_grpc_requests_total")
        .contains("wasm08_block_time_seconds");
  }
}
