package io.wasm08.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.gov.v1.Gov.ProposalStatus;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import ibc.lightclients.wasm.v1.QueryGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.node.chain.Node;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.demo.SoloMachineFlow;
import io.wasm08.node.modules.Wasm08Modules;
import io.wasm08.node.testing.RawGrpc;
import io.wasm08.node.testing.TestChain;
import io.wasm08.wasm.solomachine.SoloMachineSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 08-wasm in the node, over loopback gRPC and REST with the block producer running: MsgStoreCode
 * from a plain account is refused with the authority error and stores nothing; the Msg service
 * cannot be called directly; the same Msg in a proposal that passes stores the code (Checksums,
 * Code, REST {@code /ibc/lightclients/wasm/v1/checksums}); then a solo-machine client is created,
 * updated and proves a membership through the contract.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WasmNodeTest {
  static final Bytes CONTRACT = SoloMachineFlow.contract();
  static Node node;
  static NodeClient client;
  static String gov;

  @BeforeAll
  static void start() {
    node = TestChain.startWasm08(TestChain.wasm08Genesis(2, "PT1S"), Clock.systemUTC(), true);
    client = NodeClient.connect("127.0.0.1:" + node.grpcPort());
    gov = Wasm08Modules.govAuthority(node.app().addressCodec());
  }

  @AfterAll
  static void stop() {
    client.close();
    node.close();
  }

  List<String> checksums() {
    return QueryGrpc.newBlockingStub(client.channel())
        .checksums(QueryChecksumsRequest.getDefaultInstance())
        .getChecksumsList();
  }

  @Test
  @Order(1)
  void storeCodeSignedByAPlainAccountIsUnauthorizedAndStoresNothing() {
    MsgStoreCode msg =
        MsgStoreCode.newBuilder()
            .setSigner(TestChain.address(1))
            .setWasmByteCode(ByteString.copyFrom(CONTRACT.toByteArray()))
            .build();

    TxResponse r =
        client.submit(List.of(msg), TestChain.key(1), 5_000_000, Duration.ofSeconds(20), t -> {});

    // ibc-go v11 (sdk.ValidateAuthority): sdkerrors.ErrUnauthorized, "invalid authority: expected
    // %s, got %s", wrapped by the message router with the message index.
    assertThat(r.getHeight()).as("delivered in a block").isPositive();
    assertThat(r.getCodespace()).isEqualTo("sdk");
    assertThat(r.getCode()).isEqualTo(4);
    assertThat(r.getRawLog())
        .isEqualTo(
            "failed to execute message; message index: 0: invalid authority: expected "
                + gov
                + ", got "
                + TestChain.address(1)
                + ": unauthorized");
    assertThat(checksums()).isEmpty();
  }

  @Test
  @Order(2)
  void theWasmMsgServiceCannotBeCalledDirectly() {
    byte[] request =
        MsgStoreCode.newBuilder()
            .setSigner(gov)
            .setWasmByteCode(ByteString.copyFrom(CONTRACT.toByteArray()))
            .build()
            .toByteArray();

    StatusRuntimeException e =
        RawGrpc.refusal(client.channel(), "ibc.lightclients.wasm.v1.Msg/StoreCode", request);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(e.getStatus().getDescription())
        .isEqualTo("Method not found: ibc.lightclients.wasm.v1.Msg/StoreCode");
    assertThat(checksums()).isEmpty();
  }

  @Test
  @Order(3)
  void malformedWasmQueryIsInvalidArgumentAndTheNodeKeepsServing() {
    // field 1 (pagination) as a length-delimited value that runs past the end
    StatusRuntimeException e =
        RawGrpc.refusal(
            client.channel(),
            "ibc.lightclients.wasm.v1.Query/Checksums",
            new byte[] {0x0a, 0x10, 0x01});

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(checksums()).isEmpty();
  }

  @Test
  @Order(4)
  void storeCodeThroughGovernanceThenTheClientLifecycle() throws Exception {
    SoloMachineFlow flow =
        new SoloMachineFlow(
            client,
            TestChain.key(0),
            SoloMachineSigner.fromSeed(Bytes.wrapOwned(filled(7))),
            "node-test",
            Duration.ofSeconds(30));

    long id = flow.submitStoreCode(CONTRACT, coin("1000"));
    flow.voteYes(id);
    var proposal = flow.awaitProposal(id, t -> {});

    assertThat(proposal.getStatus())
        .as(proposal.getFailedReason())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
    String hex = flow.checksum().toHex();
    assertThat(checksums()).containsExactly(hex);
    assertThat(
            QueryGrpc.newBlockingStub(client.channel())
                .code(QueryCodeRequest.newBuilder().setChecksum(hex).build())
                .getData()
                .toByteArray())
        .isEqualTo(CONTRACT.toByteArray());
    JsonNode rest = restGet("/ibc/lightclients/wasm/v1/checksums");
    assertThat(rest.get("checksums").get(0).asText()).isEqualTo(hex);

    long t0 = 1_800_000_000_000_000_000L;
    assertThat(flow.createClient(t0)).isEqualTo("08-wasm-0");
    assertThat(flow.latestHeight()).isEqualTo(Height.of(0, 1));
    assertThat(flow.updateClient(t0 + 1)).isEqualTo(Height.of(0, 2));
    assertThat(flow.latestHeight()).isEqualTo(Height.of(0, 2));
    Bytes value = Bytes.ofUtf8("a value the solo machine signs");
    assertThat(flow.verifyMembership("demo/path", value, value, t0 + 2)).isTrue();
    assertThat(flow.verifyMembership("demo/path", Bytes.ofUtf8("another"), value, t0 + 2))
        .as("a proof over another value")
        .isFalse();
    JsonNode status = restGet("/ibc/core/client/v1/client_status/08-wasm-0");
    assertThat(status.get("status").asText()).isEqualTo("Active");
  }

  @Test
  @Order(5)
  void replayedAndForeignChainTxsAreRefusedOverGrpc() {
    var vote =
        cosmos.gov.v1.Tx.MsgVote.newBuilder()
            .setProposalId(99)
            .setVoter(TestChain.address(1))
            .setOption(cosmos.gov.v1.Gov.VoteOption.VOTE_OPTION_YES)
            .build();
    var account = client.account(TestChain.address(1)).orElseThrow();
    var tx =
        client.sign(
            List.of(vote),
            TestChain.key(1),
            account.getAccountNumber(),
            account.getSequence(),
            200_000,
            "");
    TxResponse first = client.broadcast(tx.txBytes());
    assertThat(first.getCode()).as(first.getRawLog()).isZero();
    client.waitForTx(first.getTxhash(), Duration.ofSeconds(20), t -> {});

    TxResponse replay = client.broadcast(tx.txBytes());

    assertThat(replay.getCodespace()).isEqualTo("sdk");
    assertThat(replay.getCode()).isEqualTo(32);
    assertThat(replay.getRawLog())
        .isEqualTo(
            "account sequence mismatch, expected "
                + (account.getSequence() + 1)
                + ", got "
                + account.getSequence()
                + ": incorrect account sequence");

    var foreign =
        io.wasm08.core.tx.TxBuilder.create()
            .addMessage(vote)
            .fee(200_000)
            .sign(
                "another-chain",
                new io.wasm08.core.tx.TxSigner(
                    TestChain.key(1), account.getAccountNumber(), account.getSequence() + 1));
    TxResponse refused = client.broadcast(foreign.txBytes());
    assertThat(refused.getCodespace()).isEqualTo("sdk");
    assertThat(refused.getCode()).isEqualTo(4);
    assertThat(refused.getRawLog())
        .isEqualTo(
            "signature verification failed; please verify account number ("
                + account.getAccountNumber()
                + ") and chain-id ("
                + TestChain.CHAIN_ID
                + "): (unable to verify single signer signature): unauthorized");
  }

  static Coin coin(String amount) {
    return Coin.newBuilder().setDenom("stake").setAmount(amount).build();
  }

  static byte[] filled(int tag) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) tag);
    return seed;
  }

  static JsonNode restGet(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.restPort() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }
}
