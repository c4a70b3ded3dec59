package io.wasm08.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.ics23.v1.Proofs.ProofSpec;
import ibc.core.client.v1.QueryGrpc;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipRequest;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.lightclients.wasm.v1.ConsensusState;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.chain.Node;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.demo.SoloMachineFlow;
import io.wasm08.node.testing.TestChain;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.relayer.ibc.TendermintClientState;
import io.wasm08.relayer.ibc.TendermintConsensusState;
import io.wasm08.relayer.light.TrustThreshold;
import io.wasm08.relayer.proof.ProofQuerier;
import io.wasm08.relayer.proof.ProvenQuery;
import io.wasm08.relayer.relay.ClientStatus;
import io.wasm08.relayer.relay.KeyResolver;
import io.wasm08.relayer.relay.Relayer;
import io.wasm08.relayer.relay.RelayerConfig;
import io.wasm08.relayer.rpc.CometRpcClient;
import io.wasm08.relayer.rpc.RpcClientConfig;
import io.wasm08.relayer.testchain.SimpleMapProofs;
import io.wasm08.relayer.testchain.TestBlock;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.solomachine.SoloMachineSigner;
import io.wasm08.wasm.types.WasmClientState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * End to end over loopback: a Java Tendermint chain (ed25519 validators, real signed headers)
 * served with CometBFT's RPC shapes → the relayer (started from its configuration, as {@code wasm08
 * relayer start} does) → our node over gRPC → an 08-wasm client running the real {@code
 * ics07_tendermint_cw} contract, stored through governance. The client follows the chain across
 * more than 50 heights with a partial and then a complete validator-set change, and a key the chain
 * wrote to its IBC store is then proven on the node ({@code VerifyMembership} through the
 * contract).
 */
class RelayerEndToEndTest {
  static final String ICS07 = "fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz";
  static final String MNEMONIC =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final List<ProofSpec> SPECS = List.of(ProofSpecs.TENDERMINT, ProofSpecs.TENDERMINT);

  @Test
  void relaysMoreThanFiftyHeightsAcrossValidatorChangesThenProvesAKey() throws Exception {
    run(12, "", true);
  }

  /**
   * The same path with the quorum on: every update is first dry-run on the Chicory compiler and
   * interpreter against the client store rebuilt from the node's state, and submitted only when
   * both agree — which they do, on every update.
   */
  @Test
  void withTheQuorumTheCompilerAndTheInterpreterAgreeOnEveryUpdate() throws Exception {
    run(3, "quorum: {threshold: 2/2, executors: [{type: compiler}, {type: interpreter}]}", false);
  }

  void run(int rounds, String quorum, boolean prove) throws Exception {
    Bytes gz = Bytes.wrapOwned(SharedFixtures.get().bytes(ICS07));
    Bytes checksum = Hashes.sha256(Bytes.wrapOwned(SharedFixtures.get().contents(ICS07)));
    // the source chain's clock: one block a second, ending well before now (no header from the
    // future for the contract, whose "now" is the node's block time)
    Map<String, Long> genesisVals = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      genesisVals.put("val-" + i, 10L);
    }
    io.wasm08.relayer.testchain.TestChain source =
        io.wasm08.relayer.testchain.TestChain.create(
            "source-1",
            Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS),
            Duration.ofSeconds(1),
            genesisVals);
    source.produceBlocks(5);

    Node node = TestChain.startWasm08(TestChain.wasm08Genesis(2, "PT1S"), Clock.systemUTC(), true);
    try (NodeClient client = NodeClient.connect("127.0.0.1:" + node.grpcPort());
        TestChainRpcServer rpc = TestChainRpcServer.start(source)) {
      rpc.proofSource(SimpleMapProofs.source(source));
      storeThroughGovernance(client, gz);

      TestBlock tip = source.latest();
      Height start = Height.of(1, tip.height());
      TendermintClientState cs =
          new TendermintClientState(
              source.chainId(),
              TrustThreshold.ONE_THIRD,
              Duration.ofDays(14),
              Duration.ofDays(21),
              Duration.ofSeconds(10),
              Height.ZERO,
              start,
              SPECS,
              TendermintClientState.SDK_UPGRADE_PATH);
      TendermintConsensusState cons = TendermintConsensusState.of(tip.lightBlock("genesis"));
      WasmClientState wasm =
          new WasmClientState(Bytes.wrapOwned(cs.toAny().toByteArray()), checksum, start);
      TxResponse created =
          client.submitAuto(
              List.of(
                  MsgCreateClient.newBuilder()
                      .setClientState(AnyCodec.pack(wasm.toProto()))
                      .setConsensusState(
                          AnyCodec.pack(
                              ConsensusState.newBuilder()
                                  .setData(ByteString.copyFrom(cons.toAny().toByteArray()))
                                  .build()))
                      .setSigner(TestChain.address(1))
                      .build()),
              TestChain.key(1),
              1.5,
              Duration.ofSeconds(30),
              t -> {});
      assertThat(created.getCode()).as(created.getRawLog()).isZero();
      String clientId = "08-wasm-0";

      RelayerConfig config =
          RelayerConfig.parse(
              """
              destination: {grpc: "127.0.0.1:%d", chainId: "%s", txTimeout: 30s}
              key: {mnemonic: "%s"}
              sources: {source-1: {rpc: ["%s"]}}
              clients: [{clientId: "%s", source: source-1}]
              pollInterval: 50ms
              metrics: {port: 0}
              %s
              """
                  .formatted(
                      node.grpcPort(), client.chainId(), MNEMONIC, rpc.uri(), clientId, quorum),
              true);
      Relayer relayer = Relayer.create(config, KeyResolver.NONE, InstantSource.system());
      long began = System.nanoTime();
      try (relayer) {
        relayer.start();
        for (int round = 0; round < rounds; round++) {
          if (round == rounds / 3) {
            // half the validators replaced
            Map<String, Long> half = new LinkedHashMap<>();
            half.put("val-0", 10L);
            half.put("val-1", 10L);
            half.put("new-0", 10L);
            half.put("new-1", 10L);
            source.changeValidators(source.height() + 2, half);
          }
          if (round == 2 * rounds / 3) {
            // every validator replaced, powers changed
            Map<String, Long> all = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
              all.put("next-" + i, 7L + i);
            }
            source.changeValidators(source.height() + 2, all);
          }
          source.produceBlocks(5);
          long target = source.height();
          awaitTrue(
              () -> status(relayer).clientHeight() >= target, Duration.ofSeconds(60), relayer);
        }
        // a key in the source chain's IBC store, committed at height n, proven at n + 1
        source.deliverTx(Bytes.ofUtf8("connections/connection-0=relayed by wasm08"));
        source.produceBlocks(2);
        long proofHeight = source.height();
        awaitTrue(
            () -> status(relayer).clientHeight() >= proofHeight, Duration.ofSeconds(60), relayer);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      Height latest = clientHeight(client, clientId);
      long heights = latest.revisionHeight() - start.revisionHeight();
      var timer = relayer.metrics().registry().find("relayer_update_latency").timer();
      System.out.printf(
          "relayer e2e%s: %d heights in %.1f s (%.0f heights/min), %d update txs, update latency"
              + " mean %.0f ms, max %.0f ms%n",
          quorum.isEmpty() ? "" : " (quorum: compiler + interpreter)",
          heights,
          seconds,
          heights * 60 / seconds,
          timer.count(),
          timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
          timer.max(java.util.concurrent.TimeUnit.MILLISECONDS));
      double agreed =
          relayer.metrics().count("relayer_quorum", "client", clientId, "outcome", "agreed");
      if (quorum.isEmpty()) {
        assertThat(agreed).isZero();
      } else {
        assertThat(agreed)
            .isPositive()
            .isEqualTo(relayer.metrics().count("relayer_updates", "client", clientId));
        assertThat(
                relayer
                    .metrics()
                    .count("relayer_quorum", "client", clientId, "outcome", "disagreement"))
            .isZero();
      }
      if (!prove) {
        assertThat(latest.revisionHeight()).isEqualTo(source.height());
        return;
      }
      assertThat(heights).isGreaterThanOrEqualTo(50);

      ProofQuerier querier = new ProofQuerier(CometRpcClient.create(RpcClientConfig.of(rpc.uri())));
      ProvenQuery q =
          querier.query(
              "ibc", Bytes.ofUtf8("connections/connection-0"), latest.revisionHeight() - 1);
      assertThat(q.value().toUtf8()).isEqualTo("relayed by wasm08");
      assertThat(verify(client, clientId, q, q.value())).isTrue();
      // the same proof does not prove another value
      assertThat(verify(client, clientId, q, Bytes.ofUtf8("forged"))).isFalse();
    } finally {
      node.close();
    }
  }

  static boolean verify(NodeClient client, String clientId, ProvenQuery q, Bytes value) {
    return QueryGrpc.newBlockingStub(client.channel())
        .verifyMembership(
            QueryVerifyMembershipRequest.newBuilder()
                .setClientId(clientId)
                .setProof(ByteString.copyFrom(q.proofBytes().toByteArray()))
                .setProofHeight(Height.of(1, q.proofHeight()).toProto())
                .setMerklePath(q.path().toProto())
                .setValue(ByteString.copyFrom(value.toByteArray()))
                .build())
        .getSuccess();
  }

  static void storeThroughGovernance(NodeClient client, Bytes gz) {
    SoloMachineFlow gov =
        new SoloMachineFlow(
            client,
            TestChain.key(0),
            SoloMachineSigner.fromSeed(Bytes.wrapOwned(new byte[32])),
            "unused",
            Duration.ofSeconds(60));
    long id =
        gov.submitStoreCode(gz, Coin.newBuilder().setDenom("stake").setAmount("1000").build());
    gov.voteYes(id);
    assertThat(gov.awaitProposal(id, t -> {}).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
  }

  static Height clientHeight(NodeClient client, String clientId) {
    var any =
        QueryGrpc.newBlockingStub(client.channel())
            .clientState(
                ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest.newBuilder()
                    .setClientId(clientId)
                    .build())
            .getClientState();
    return WasmClientState.unmarshal(Bytes.wrapOwned(any.getValue().toByteArray())).latestHeight();
  }

  static ClientStatus status(Relayer relayer) {
    return relayer.statuses().get(0);
  }

  static void awaitTrue(BooleanSupplier condition, Duration timeout, Relayer relayer)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("relayer did not catch up: " + status(relayer));
      }
      Thread.sleep(20);
    }
  }
}
