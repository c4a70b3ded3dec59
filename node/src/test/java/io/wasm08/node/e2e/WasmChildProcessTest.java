package io.wasm08.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.gov.v1.Gov.ProposalStatus;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatusRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateHeightsRequest;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.node.cli.Wasm08Cli;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.demo.SoloMachineFlow;
import io.wasm08.node.modules.WasmNodeModule;
import io.wasm08.node.testing.ChildNode;
import io.wasm08.node.testing.TestChain;
import io.wasm08.wasm.solomachine.SoloMachineSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole 08-wasm path against {@code wasm08 start} in a child JVM, over a real gRPC socket: the
 * store-code proposal is submitted, voted and executed; a solo-machine client is created and
 * updated; the node is stopped (SIGTERM) and restarted from its data directory, where the code
 * (state and VM directory), the client, its consensus heights and the chain height are intact, and
 * the client keeps working (another update, a membership proof).
 */
class WasmChildProcessTest {
  @TempDir Path dir;

  @Test
  void storeCreateUpdateRestartAndContinue() throws Exception {
    Path home = dir.resolve("home");
    String operator = TestChain.address(0);
    StringWriter err = new StringWriter();
    var cli = Wasm08Cli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    int code =
        cli.execute(
            "init",
            "child",
            "--home",
            home.toString(),
            "--chain-id",
            "wasm08-child",
            "--account",
            operator + "=1000000000stake",
            "--voter",
            operator + "=100",
            "--voting-period",
            "PT1S",
            "--expedited-voting-period",
            "PT0.5S",
            "--min-deposit",
            "1000stake",
            "--grpc-address",
            "127.0.0.1:0",
            "--rest-address",
            "127.0.0.1:0",
            "--block-interval",
            "PT0.1S");
    assertThat(code).as(err.toString()).isZero();
    Path log = dir.resolve("node.log");
    Bytes wasm = SoloMachineFlow.contract();
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 9);
    long t0 = 1_800_000_000_000_000_000L;

    String checksum;
    String clientId;
    List<Height> heights;
    long chainHeight;
    SoloMachineFlow flow;
    ChildNode node = ChildNode.start(home, log);
    try (NodeClient c = NodeClient.connect(node.target())) {
      flow =
          new SoloMachineFlow(
              c,
              TestChain.key(0),
              SoloMachineSigner.fromSeed(Bytes.wrapOwned(seed)),
              "child",
              Duration.ofSeconds(60));
      long id =
          flow.submitStoreCode(wasm, Coin.newBuilder().setDenom("stake").setAmount("1000").build());
      flow.voteYes(id);
      var proposal = flow.awaitProposal(id, t -> {});
      assertThat(proposal.getStatus())
          .as(proposal.getFailedReason())
          .isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
      checksum = flow.checksum().toHex();
      clientId = flow.createClient(t0);
      assertThat(flow.updateClient(t0 + 1)).isEqualTo(Height.of(0, 2));
      heights = consensusHeights(c, clientId);
      assertThat(heights).contains(Height.of(0, 2));
      chainHeight = c.status().getLatestBlockHeight();
    } finally {
      assertThat(node.stop()).isIn(0, 143);
    }
    assertThat(
            new NodeHome(home)
                .dataDir()
                .resolve(WasmNodeModule.VM_DATA_DIR)
                .resolve("state/wasm/" + checksum + ".wasm"))
        .as("the VM keeps code under the node's data directory")
        .exists();

    node = ChildNode.start(home, log);
    try (NodeClient c = NodeClient.connect(node.target())) {
      assertThat(c.status().getLatestBlockHeight()).isGreaterThanOrEqualTo(chainHeight);
      var wasmQuery = ibc.lightclients.wasm.v1.QueryGrpc.newBlockingStub(c.channel());
      assertThat(wasmQuery.checksums(QueryChecksumsRequest.getDefaultInstance()).getChecksumsList())
          .containsExactly(checksum);
      assertThat(
              wasmQuery
                  .code(QueryCodeRequest.newBuilder().setChecksum(checksum).build())
                  .getData()
                  .toByteArray())
          .isEqualTo(wasm.toByteArray());
      flow.reconnect(c);
      assertThat(flow.latestHeight()).isEqualTo(Height.of(0, 2));
      assertThat(consensusHeights(c, clientId)).isEqualTo(heights);
      assertThat(
              ibc.core.client.v1.QueryGrpc.newBlockingStub(c.channel())
                  .clientStatus(QueryClientStatusRequest.newBuilder().setClientId(clientId).build())
                  .getStatus())
          .isEqualTo("Active");

      assertThat(flow.updateClient(t0 + 2)).isEqualTo(Height.of(0, 3));
      Bytes value = Bytes.ofUtf8("after the restart");
      assertThat(flow.verifyMembership("child/path", value, value, t0 + 3)).isTrue();
    } finally {
      assertThat(node.stop()).isIn(0, 143);
    }
  }

  static List<Height> consensusHeights(NodeClient c, String clientId) {
    return ibc.core.client.v1.QueryGrpc.newBlockingStub(c.channel())
        .consensusStateHeights(
            QueryConsensusStateHeightsRequest.newBuilder().setClientId(clientId).build())
        .getConsensusStateHeightsList()
        .stream()
        .map(Height::fromProto)
        .toList();
  }
}
