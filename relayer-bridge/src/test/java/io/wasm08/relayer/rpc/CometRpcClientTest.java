package io.wasm08.relayer.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.Sha256;
import io.wasm08.relayer.testchain.TestBlock;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RPC client against the Java test chain served over loopback: every method over URI GET and
 * JSON-RPC POST on the legacy and {@code /v1} routes; a typed error for every malformed or
 * inconsistent answer; retries with backoff for transient failures only; timeouts.
 */
class CometRpcClientTest {
  private static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150), 2.0);
  private static TestChain chain;
  private static TestChainRpcServer server;
  private static HttpClient http;
  private RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void startChain() {
    chain = TestChain.withValidators("rpc-test-1", 7, 10);
    chain.produceBlocks(3);
    chain.deliverTx(Bytes.ofUtf8("alpha=1"));
    chain.deliverTx(Bytes.ofUtf8("beta=2"));
    chain.produceBlocks(9); // txs in block 4; tip 12
    server = TestChainRpcServer.start(chain);
    http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void reset() {
    server.resetFaults();
    server.clearRequests();
  }

  private CometRpcClient client(RpcDialect dialect, RpcTransport transport) {
    sleeper = new RecordingSleeper();
    RpcClientConfig config =
        RpcClientConfig.of(server.uri())
            .withDialect(dialect)
            .withTransport(transport)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
            .withRetry(RETRY)
            .withValidatorsPerPage(3);
    return new CometRpcClient(config, http, sleeper);
  }

  private CometRpcClient client() {
    return client(RpcDialect.LEGACY, RpcTransport.JSON_RPC_POST);
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of(RpcDialect.LEGACY, RpcTransport.URI_GET, "/commit"),
        Arguments.of(RpcDialect.LEGACY, RpcTransport.JSON_RPC_POST, "/"),
        Arguments.of(RpcDialect.V1, RpcTransport.URI_GET, "/v1/commit"),
        Arguments.of(RpcDialect.V1, RpcTransport.JSON_RPC_POST, "/v1"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void everyMethodDecodesToTheChainsOwnData(
      RpcDialect dialect, RpcTransport transport, String commitPath) {
    CometRpcClient c = client(dialect, transport);
    TestBlock b5 = chain.block(5);
    TestBlock b4 = chain.block(4);

    StatusResponse status = c.status();
    assertThat(status.chainId()).isEqualTo("rpc-test-1");
    assertThat(status.latestHeight()).isEqualTo(chain.height());
    assertThat(status.syncInfo().latestBlockHash()).isEqualTo(chain.latest().blockId().hash());

    CommitResponse commit = c.commit(5);
    assertThat(commit.signedHeader()).isEqualTo(b5.signedHeader());
    assertThat(commit.canonical()).isTrue();
    CommitResponse latest = c.latestCommit();
    assertThat(latest.signedHeader().height()).isEqualTo(chain.height());
    assertThat(latest.canonical()).isFalse();

    assertThat(c.validators(5).validators()).isEqualTo(b5.validators().validators());
    assertThat(c.header(5)).isEqualTo(b5.header());

    BlockResponse block = c.block(4);
    assertThat(block.txs()).containsExactly(Bytes.ofUtf8("alpha=1"), Bytes.ofUtf8("beta=2"));
    assertThat(block.blockId()).isEqualTo(b4.blockId());
    assertThat(block.lastCommit()).isEqualTo(chain.block(3).commit());

    AbciQueryResponse q = c.abciQuery("/key", Bytes.ofUtf8("alpha"), 6, false);
    assertThat(q.value()).isEqualTo(Bytes.ofUtf8("1"));
    assertThat(q.height()).isEqualTo(6);
    assertThat(q.proofOps()).isEmpty();
    assertThat(c.abciQuery("/key", Bytes.ofUtf8("gamma"), 0, false).value()).isEqualTo(Bytes.EMPTY);

    Bytes tx = Bytes.ofUtf8("route=" + dialect + "-" + transport);
    BroadcastTxResponse sent = c.broadcastTxSync(tx);
    assertThat(sent.hash()).isEqualTo(Sha256.hash(tx));
    assertThat(sent.isOk()).isTrue();

    assertThat(server.requests())
        .filteredOn(r -> "commit".equals(r.rpcMethod()))
        .extracting(TestChainRpcServer.Request::path)
        .containsOnly(commitPath);
  }

  @Test
  void validatorsArePagedUntilTheTotalIsReached() {
    CometRpcClient c = client();
    assertThat(c.validators(2).size()).isEqualTo(7);
    // 7 validators, 3 per page
    assertThat(server.requests()).filteredOn(r -> "validators".equals(r.rpcMethod())).hasSize(3);
  }

  @Test
  void aNodeErrorIsTypedAndKeepsTheNodesWords() {
    assertThatThrownBy(() -> client().commit(chain.height() + 5))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_ERROR_RESPONSE)).isTrue();
              assertThat(e.rpcCode()).isEqualTo(-32603);
              assertThat(e.rpcData())
                  .isEqualTo(
                      "height "
                          + (chain.height() + 5)
                          + " must be less than or equal to the current blockchain height "
                          + chain.height());
              assertThat(e.isTransient()).isFalse();
            });
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void v1RoutesOnA038NodeAreA404NotARetry() {
    try (TestChainRpcServer legacy = TestChainRpcServer.start(chain, false)) {
      RpcClientConfig config =
          RpcClientConfig.of(legacy.uri()).withDialect(RpcDialect.V1).withRetry(RETRY);
      RecordingSleeper waits = new RecordingSleeper();
      CometRpcClient c = new CometRpcClient(config, http, waits);
      assertThatThrownBy(c::status)
          .isInstanceOfSatisfying(
              RpcException.class,
              e -> {
                assertThat(e.is(RelayerErrorCode.RPC_HTTP_STATUS)).isTrue();
                assertThat(e.httpStatus()).isEqualTo(404);
              });
      assertThat(legacy.requests()).hasSize(1);
      assertThat(waits.waits()).isEmpty();
      // the legacy routes of the same node work
      assertThat(
              new CometRpcClient(config.withDialect(RpcDialect.LEGACY), http, waits)
                  .status()
                  .chainId())
          .isEqualTo("rpc-test-1");
    }
  }

  /** A lie or defect in an answer, the call that meets it, the error code and detail expected. */
  record Bad(
      String name,
      String method,
      Consumer<ObjectNode> edit,
      Function<CometRpcClient, Object> call,
      RelayerErrorCode code,
      String detail) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> badAnswers() {
    return Stream.of(
        new Bad(
            "missing chain id",
            "commit",
            r -> header(r).remove("chain_id"),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header.header.chain_id: missing field"),
        new Bad(
            "missing result member",
            "commit",
            r -> r.remove("signed_header"),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header: missing field"),
        new Bad(
            "height not a number",
            "commit",
            r -> header(r).put("height", "five"),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header.header.height: not an int64: \"five\""),
        new Bad(
            "app hash not hex",
            "commit",
            r -> header(r).put("app_hash", "XYZ"),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header.header.app_hash: not hex: \"XYZ\""),
        new Bad(
            "signature not base64",
            "commit",
            r -> sig0(r).put("signature", "%%%"),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header.commit.signatures[0].signature: not base64: \"%%%\""),
        new Bad(
            "unknown block id flag",
            "commit",
            r -> sig0(r).put("block_id_flag", 7),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header.commit.signatures[0].block_id_flag: unknown block_id_flag 7"),
        new Bad(
            "commit for another height than its header",
            "commit",
            r -> ((ObjectNode) r.get("signed_header").get("commit")).put("height", "4"),
            c -> c.commit(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.signed_header: header height 5 differs from commit height 4"),
        new Bad(
            "wrong height",
            "commit",
            r -> {
              header(r).put("height", "6");
              ((ObjectNode) r.get("signed_header").get("commit")).put("height", "6");
            },
            c -> c.commit(5),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "result.signed_header.header.height is 6, asked for height 5"),
        new Bad(
            "validator address not derived from its key",
            "validators",
            r -> ((ObjectNode) r.get("validators").get(0)).put("address", "00".repeat(20)),
            c -> c.validators(5),
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.validators[0]: validator address 0000000000000000000000000000000000000000 is"
                + " incorrectly derived from its public key"),
        new Bad(
            "validators of another height",
            "validators",
            r -> r.put("block_height", "4"),
            c -> c.validators(5),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "result.block_height is 4, asked for height 5"),
        new Bad(
            "page count not the listed count",
            "validators",
            r -> r.put("count", "2"),
            c -> c.validators(5),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "page 1 says count 2 but lists 3"),
        new Bad(
            "total changes between pages",
            "validators",
            totalGrowsAfterFirstPage(),
            c -> c.validators(5),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "page 2 says total 8, page 1 said 7"),
        new Bad(
            "block id not the header hash",
            "block",
            r -> ((ObjectNode) r.get("block_id")).put("hash", "AB".repeat(32)),
            c -> c.block(4),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "block_id.hash " + "AB".repeat(32) + " is not the header's hash"),
        new Bad(
            "txs not the ones the header commits to",
            "block",
            r -> ((ArrayNode) r.get("block").get("data").get("txs")).add("ZXZpbD0x"),
            c -> c.block(4),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "does not commit to the block's 3 txs"),
        new Bad(
            "query answered at another height",
            "abci_query",
            r -> ((ObjectNode) r.get("response")).put("height", "7"),
            c -> c.abciQuery("/key", Bytes.ofUtf8("alpha"), 6, false),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "result.response.height is 7, asked for height 6"),
        new Bad(
            "query answered for another key",
            "abci_query",
            r -> ((ObjectNode) r.get("response")).put("key", "YmV0YQ=="),
            c -> c.abciQuery("/key", Bytes.ofUtf8("alpha"), 6, false),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "answered key 62657461 for key 616C706861"),
        new Bad(
            "proof asked, none given",
            "abci_query",
            r -> {},
            c -> c.abciQuery("/key", Bytes.ofUtf8("alpha"), 6, true),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "prove=true but the answer has no proofOps"),
        new Bad(
            "tx hash not the tx's",
            "broadcast_tx_sync",
            r -> r.put("hash", "00".repeat(32)),
            c -> c.broadcastTxSync(Bytes.ofUtf8("x=1")),
            RelayerErrorCode.RPC_INCONSISTENT_RESPONSE,
            "is not the tx's hash"),
        new Bad(
            "status without sync info",
            "status",
            r -> r.remove("sync_info"),
            CometRpcClient::status,
            RelayerErrorCode.RPC_MALFORMED_RESPONSE,
            "result.sync_info: missing field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnswers")
  void everyBadAnswerIsATypedErrorNamingTheProblem(Bad bad) {
    server.editResults(
        bad.method(),
        r -> {
          bad.edit().accept(r);
          return r;
        });
    for (RpcTransport transport : RpcTransport.values()) {
      CometRpcClient c = client(RpcDialect.LEGACY, transport);
      assertThatThrownBy(() -> bad.call().apply(c))
          .isInstanceOfSatisfying(
              RpcException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(bad.code());
                assertThat(e.method()).isEqualTo(bad.method());
                assertThat(e.reason()).contains(bad.detail());
                assertThat(e.isTransient()).isFalse();
              });
      assertThat(sleeper.waits()).as("a wrong answer is never retried").isEmpty();
    }
  }

  @Test
  void aValidatorListedTwiceAcrossPagesIsInconsistent() {
    AtomicInteger page = new AtomicInteger();
    ObjectNode[] first = new ObjectNode[1];
    server.editResults(
        "validators",
        r -> {
          ArrayNode vals = (ArrayNode) r.get("validators");
          if (page.incrementAndGet() == 1) {
            first[0] = (ObjectNode) vals.get(0).deepCopy();
          } else {
            vals.set(0, first[0]);
          }
          return r;
        });
    assertThatThrownBy(() -> client().validators(5))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_INCONSISTENT_RESPONSE)).isTrue();
              assertThat(e.reason()).endsWith("listed twice");
            });
  }

  /** Page 2 (which starts with the set's fourth validator) claims one validator more. */
  private static Consumer<ObjectNode> totalGrowsAfterFirstPage() {
    return r -> {
      String fourth = CometJsonHex.of(chain.validatorSet(5).validators().get(3).address());
      if (r.get("validators").get(0).get("address").asText().equals(fourth)) {
        r.put("total", "8");
      }
    };
  }

  /** Upper-case hex as the RPC writes it. */
  private static final class CometJsonHex {
    static String of(Bytes b) {
      return b.toHex().toUpperCase(java.util.Locale.ROOT);
    }
  }

  @Test
  void anAnswerThatIsNotJsonIsMalformed() {
    server.failNext(1, 200);
    assertThatThrownBy(() -> client().status())
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_MALFORMED_RESPONSE)).isTrue();
              assertThat(e.reason()).isEqualTo("answer is not a JSON object");
            });
  }

  @Test
  void anAnswerToAnotherRequestIdIsInconsistent() {
    server.editEnvelopes(e -> e.put("id", 424242));
    assertThatThrownBy(() -> client().status())
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_INCONSISTENT_RESPONSE)).isTrue();
              assertThat(e.reason()).startsWith("answer id 424242 for request id");
            });
    // URI GET answers carry id -1 in CometBFT; their id is not checked
    assertThat(client(RpcDialect.LEGACY, RpcTransport.URI_GET).status().chainId())
        .isEqualTo("rpc-test-1");
  }

  @Test
  void anAnswerThatIsNotJsonRpc2IsMalformed() {
    server.editEnvelopes(e -> e.put("jsonrpc", "1.0"));
    assertThatThrownBy(() -> client().status())
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> assertThat(e.is(RelayerErrorCode.RPC_MALFORMED_RESPONSE)).isTrue());
  }

  // ---- retries and timeouts ----

  @Test
  void transientHttpFailuresAreRetriedWithExponentialBackoff() {
    server.failNext(2, 503);
    CometRpcClient c = client();
    assertThat(c.status().chainId()).isEqualTo("rpc-test-1");
    assertThat(server.requests()).hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
  }

  @Test
  void retriesStopAfterMaxAttemptsWithTheLastError() {
    server.failNext(10, 502);
    assertThatThrownBy(() -> client().status())
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_HTTP_STATUS)).isTrue();
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.reason()).startsWith("giving up after 3 attempts: HTTP 502");
            });
    assertThat(server.requests()).hasSize(3);
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.failNext(1, 400);
    assertThatThrownBy(() -> client().status())
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aDroppedConnectionIsRetried() {
    server.dropNext(1);
    assertThat(client().commit(3).signedHeader()).isEqualTo(chain.block(3).signedHeader());
    assertThat(server.requests()).hasSize(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void aSlowAnswerTimesOutAndTheRetrySucceeds() {
    server.delayNext(1, Duration.ofSeconds(3));
    assertThat(client().commit(3).signedHeader().height()).isEqualTo(3);
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void aNodeThatNeverAnswersInTimeIsATimeout() {
    server.delayNext(3, Duration.ofSeconds(3));
    assertThatThrownBy(() -> client().commit(3))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_TIMEOUT)).isTrue();
              assertThat(e.reason()).startsWith("giving up after 3 attempts");
            });
  }

  @Test
  void anUnreachableNodeIsATransportError() {
    TestChainRpcServer gone = TestChainRpcServer.start(chain);
    java.net.URI uri = gone.uri();
    gone.close();
    CometRpcClient c = new CometRpcClient(RpcClientConfig.of(uri).withRetry(RETRY), http, sleeper);
    assertThatThrownBy(c::status)
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.is(RelayerErrorCode.RPC_TRANSPORT)).isTrue());
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void backoffGrowsGeometricallyUpToTheCap() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1), 2.0);
    assertThat(List.of(p.backoffAfter(1), p.backoffAfter(2), p.backoffAfter(3), p.backoffAfter(4)))
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofSeconds(1));
  }

  private static ObjectNode header(ObjectNode commitResult) {
    return (ObjectNode) commitResult.get("signed_header").get("header");
  }

  private static ObjectNode sig0(ObjectNode commitResult) {
    return (ObjectNode) commitResult.get("signed_header").get("commit").get("signatures").get(0);
  }
}
