package io.wasm08.relayer.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightClient;
import io.wasm08.relayer.light.LightStore;
import io.wasm08.relayer.light.LightVerifier;
import io.wasm08.relayer.light.VerifierOptions;
import io.wasm08.relayer.rpc.CometRpcClient;
import io.wasm08.relayer.rpc.RetryPolicy;
import io.wasm08.relayer.rpc.RpcClientConfig;
import io.wasm08.relayer.rpc.RpcException;
import io.wasm08.relayer.rpc.RpcLightBlockProvider;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.testchain.SimpleMapProofs;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof fetching end to end over loopback: {@code abci_query prove=true} at H against the test
 * chain, converted to a MerkleProof, checked against the app hash of the light-client-verified
 * header at H+1 (the test chain's stores are simple trees, so both proof specs are Tendermint's).
 */
class ProofQueryOverRpcTest {
  private static final List<ProofSpec> SPECS =
      List.of(ProofSpecs.TENDERMINT, ProofSpecs.TENDERMINT);
  private static final Bytes CLIENT_STATE_KEY = Bytes.ofUtf8("clients/07-tendermint-0/clientState");
  private static TestChain chain;
  private static TestChainRpcServer server;
  private static CometRpcClient rpc;

  @BeforeAll
  static void start() {
    chain = TestChain.withValidators("proofs-1", 4, 10);
    chain.produceBlocks(2);
    for (int i = 0; i < 9; i++) {
      chain.deliverTx(Bytes.ofUtf8("connections/connection-" + i + "=open"));
    }
    chain.deliverTx(Bytes.ofUtf8("clients/07-tendermint-0/clientState=state-v1"));
    chain.produceBlocks(3); // txs executed in block 3; first committed in header 4's app hash
    chain.deliverTx(Bytes.ofUtf8("clients/07-tendermint-0/clientState=state-v2"));
    chain.produceBlocks(4);
    server = TestChainRpcServer.start(chain);
    server.proofSource(SimpleMapProofs.source(chain));
    rpc =
        new CometRpcClient(
            RpcClientConfig.of(server.uri()).withRetry(RetryPolicy.NONE),
            java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build(),
            d -> {});
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void honest() {
    server.resetFaults();
  }

  /** The app hash of the header at {@code height}, trusted only after light-client verification. */
  private static Bytes verifiedAppHash(long height) {
    LightClient lc =
        new LightClient(
            VerifierOptions.of(Duration.ofDays(1), Duration.ofSeconds(10)),
            new LightVerifier(),
            new RpcLightBlockProvider(rpc, "node"),
            InstantSource.fixed(chain.latest().header().time().plusSeconds(1)));
    LightBlock verified =
        lc.verifyToTarget(height, LightStore.trusting(chain.block(1).lightBlock("genesis")));
    return verified.header().appHash();
  }

  @Test
  void aValueProvenAtHVerifiesAgainstTheHeaderAtHPlusOne() {
    ProvenQuery q = new ProofQuerier(rpc).query(TestChain.STORE, CLIENT_STATE_KEY, 4);
    assertThat(q.value()).isEqualTo(Bytes.ofUtf8("state-v1"));
    assertThat(q.proofHeight()).isEqualTo(5);
    assertThat(q.proof().getProofsCount()).isEqualTo(2);
    q.verify(verifiedAppHash(5), SPECS);

    ProvenQuery later = new ProofQuerier(rpc).query(TestChain.STORE, CLIENT_STATE_KEY, 8);
    assertThat(later.value()).isEqualTo(Bytes.ofUtf8("state-v2"));
    later.verify(verifiedAppHash(9), SPECS);
  }

  @Test
  void anAbsentKeyIsProvenAbsent() {
    ProvenQuery q =
        new ProofQuerier(rpc).query(TestChain.STORE, Bytes.ofUtf8("connections/connection-42"), 6);
    assertThat(q.exists()).isFalse();
    q.verify(verifiedAppHash(7), SPECS);
  }

  @Test
  void theProofDoesNotVerifyAgainstAnotherHeight() {
    ProvenQuery q = new ProofQuerier(rpc).query(TestChain.STORE, CLIENT_STATE_KEY, 4);
    // state-v2 was written in block 6: from header 7 on the root differs
    assertThatThrownBy(() -> q.verify(verifiedAppHash(8), SPECS))
        .isInstanceOf(Wasm08Exception.class);
  }

  @Test
  void aLyingValueIsCaughtByTheProof() {
    server.editResults(
        "abci_query",
        r -> {
          ((ObjectNode) r.get("response")).put("value", Bytes.ofUtf8("forged").toBase64());
          return r;
        });
    ProvenQuery q = new ProofQuerier(rpc).query(TestChain.STORE, CLIENT_STATE_KEY, 4);
    assertThatThrownBy(() -> q.verify(verifiedAppHash(5), SPECS))
        .isInstanceOf(Wasm08Exception.class);
  }

  @Test
  void aProofWithoutProofOpsIsRefused() {
    server.proofSource((path, key, height) -> List.of());
    try {
      assertThatThrownBy(() -> new ProofQuerier(rpc).query(TestChain.STORE, CLIENT_STATE_KEY, 4))
          .isInstanceOfSatisfying(
              RpcException.class,
              e -> assertThat(e.is(RelayerErrorCode.RPC_INCONSISTENT_RESPONSE)).isTrue());
    } finally {
      server.proofSource(SimpleMapProofs.source(chain));
    }
  }
}
