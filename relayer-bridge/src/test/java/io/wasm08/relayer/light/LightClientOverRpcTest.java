package io.wasm08.relayer.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.rpc.CometRpcClient;
import io.wasm08.relayer.rpc.RetryPolicy;
import io.wasm08.relayer.rpc.RpcClientConfig;
import io.wasm08.relayer.rpc.RpcException;
import io.wasm08.relayer.rpc.RpcLightBlockProvider;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.testchain.CometJson;
import io.wasm08.relayer.testchain.TestBlock;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The light client end to end over loopback RPC against the Java test chain: 60 heights with two
 * validator-set changes (a partial one at 22, a complete one at 42), verified sequentially and by
 * bisection, cross-checked with a witness; and lying nodes — a forged commit signature, a validator
 * set not matching the header, a wrong height, a header from a fork (signed by strangers, or by the
 * chain's own validators equivocating) — each detected and reported as a typed error, the lie never
 * trusted.
 */
class LightClientOverRpcTest {
  private static final Duration TRUSTING_PERIOD = Duration.ofDays(14);
  private static final VerifierOptions OPTIONS =
      VerifierOptions.of(TRUSTING_PERIOD, Duration.ofSeconds(10));
  private static final LightVerifier VERIFIER = new LightVerifier();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static TestChain chain;
  private static TestChainRpcServer honest;
  private static TestChainRpcServer liar;
  private static InstantSource clock;

  @BeforeAll
  static void produceChain() {
    chain = TestChain.withValidators("e2e-1", 4, 10);
    chain.produceBlocks(20);
    chain.changeValidators(22, vals("val-1", "val-2", "val-3", "val-4", "val-5"));
    chain.produceBlocks(20);
    chain.changeValidators(42, vals("new-0", "new-1", "new-2", "new-3"));
    chain.produceBlocks(20);
    honest = TestChainRpcServer.start(chain);
    liar = TestChainRpcServer.start(chain);
    clock = InstantSource.fixed(chain.latest().header().time().plusSeconds(30));
  }

  @AfterAll
  static void stop() {
    honest.close();
    liar.close();
  }

  @AfterEach
  void honestAgain() {
    liar.resetFaults();
    honest.clearRequests();
  }

  private static Map<String, Long> vals(String... names) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, 10L);
    }
    return m;
  }

  private static RpcLightBlockProvider provider(TestChainRpcServer server, String id) {
    return new RpcLightBlockProvider(
        new CometRpcClient(
            RpcClientConfig.of(server.uri()).withRetry(RetryPolicy.NONE), HTTP, d -> {}),
        id);
  }

  private static LightClient client(TestChainRpcServer server, String id) {
    return new LightClient(OPTIONS, VERIFIER, provider(server, id), clock);
  }

  private static LightStore trustingGenesis() {
    return LightStore.trusting(chain.block(1).lightBlock("genesis"));
  }

  @Test
  void theRpcLightBlockIsTheChainsOwn() {
    LightBlock lb = provider(honest, "honest").lightBlock(22);
    TestBlock b = chain.block(22);
    assertThat(lb.signedHeader()).isEqualTo(b.signedHeader());
    assertThat(lb.validators()).isEqualTo(b.validators());
    assertThat(lb.validators().proposer().address()).isEqualTo(b.header().proposerAddress());
    assertThat(lb.nextValidators().validators()).isEqualTo(b.nextValidators().validators());
  }

  @Test
  void sequentialVerificationFollowsEveryHeightAcrossValidatorSetChanges() {
    LightClient lc = client(honest, "honest");
    LightStore store = trustingGenesis();
    for (long h = 2; h <= 60; h++) {
      assertThat(lc.verifyToTarget(h, store).signedHeader())
          .isEqualTo(chain.block(h).signedHeader());
    }
    assertThat(store.size()).isEqualTo(60);
  }

  @Test
  void skippingVerificationBisectsOverTheCompleteValidatorSetChange() {
    LightClient lc = client(honest, "honest");
    LightStore store = trustingGenesis();
    LightBlock verified = lc.verifyToTarget(60, store);

    assertThat(verified.signedHeader()).isEqualTo(chain.block(60).signedHeader());
    // Derived by hand with the basic bisecting schedule (midpoint = low + (high + 1 - low) / 2)
    // and trust 1/3 of the trusted block's NEXT validators:
    //   60 from 1: signed by new-*, none trusted -> not enough trust; try 31
    //   31 from 1: val-1..3 signed (30 of 40) -> verified; retry 60
    //   60 from 31 -> NET; 46 -> NET (new-* from 42); 39 -> verified; 60, 50, 45, 42 -> NET;
    //   41 from 39 -> verified; 60 from 41: 41's next validators ARE new-* -> verified.
    List<Long> path = new ArrayList<>();
    for (long h = 1; h <= 60; h++) {
      if (store.getTrustedOrVerified(h).isPresent()) {
        path.add(h);
      }
    }
    assertThat(path).containsExactly(1L, 31L, 39L, 41L, 60L);
    // each of 60, 31, 46, 39, 50, 45, 42, 41 fetched once (unverified blocks are kept)
    assertThat(honest.requests()).filteredOn(r -> "commit".equals(r.rpcMethod())).hasSize(8);
  }

  @Test
  void aWitnessConfirmsTheTarget() {
    Supervisor supervisor =
        new Supervisor(
            client(honest, "primary"), List.of(provider(liar, "witness")), VERIFIER, clock);
    LightStore store = trustingGenesis();
    assertThat(supervisor.verifyToTarget(60, store).height()).isEqualTo(60);
    assertThat(store.get(60).orElseThrow().status()).isEqualTo(LightBlockStatus.TRUSTED);
  }

  @Test
  void aForgedCommitSignatureIsInvalid() {
    liar.editResults(
        "commit",
        r -> {
          ObjectNode sig =
              (ObjectNode) r.get("signed_header").get("commit").get("signatures").get(0);
          byte[] forged = Bytes.fromBase64(sig.get("signature").asText()).toByteArray();
          forged[10] ^= 0x40;
          sig.put("signature", Bytes.of(forged).toBase64());
          return r;
        });
    LightStore store = trustingGenesis();
    assertThatThrownBy(() -> client(liar, "liar").verifyToTarget(15, store))
        .isInstanceOfSatisfying(
            LightClientException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.VERIFICATION_FAILED)).isTrue();
              LightClientError.InvalidLightBlock invalid =
                  (LightClientError.InvalidLightBlock) e.error();
              assertThat(invalid.provider()).isEqualTo("liar");
              assertThat(invalid.error()).isInstanceOf(VerificationError.InvalidSignature.class);
            });
    assertThat(store.getTrustedOrVerified(15)).isEmpty();
    assertThat(store.get(15).orElseThrow().status()).isEqualTo(LightBlockStatus.FAILED);
  }

  @Test
  void aValidatorSetNotMatchingTheHeaderIsRejectedByTheProvider() {
    liar.editResults(
        "validators",
        r -> {
          ((ObjectNode) r.get("validators").get(0)).put("voting_power", "1000");
          return r;
        });
    assertThatThrownBy(() -> client(liar, "liar").verifyToTarget(15, trustingGenesis()))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_INCONSISTENT_RESPONSE)).isTrue();
              assertThat(e.reason()).contains("the validator set at height 15 hashes to");
            });
  }

  /**
   * A consistent lie: at height 15 the node serves a stranger's validator set and rewrites the
   * header's validators hash and proposer to match, so the provider's hash checks pass. The header
   * no longer hashes to the block id its validators signed: the verifier refuses it.
   */
  @Test
  void aHeaderRewrittenToMatchAForeignValidatorSetIsInvalid() {
    TestChain strangers = TestChain.withValidators("e2e-1", 4, 10);
    strangers.produceBlocks(1);
    io.wasm08.relayer.tendermint.ValidatorSet foreign = strangers.validatorSet(1);
    liar.editResults(
        "validators",
        r -> {
          if (r.get("block_height").asText().equals("15")) {
            com.fasterxml.jackson.databind.node.ArrayNode list =
                (com.fasterxml.jackson.databind.node.ArrayNode) r.get("validators");
            list.removeAll();
            foreign.validators().forEach(v -> list.add(CometJson.validator(v)));
            r.put("count", Integer.toString(foreign.size()));
            r.put("total", Integer.toString(foreign.size()));
          }
          return r;
        });
    liar.editResults(
        "commit",
        r -> {
          ObjectNode header = (ObjectNode) r.get("signed_header").get("header");
          if (header.get("height").asText().equals("15")) {
            header.put("validators_hash", CometJson.hex(foreign.hash()));
            header.put("proposer_address", CometJson.hex(foreign.validators().get(0).address()));
          }
          return r;
        });
    LightStore store = trustingGenesis();
    assertThatThrownBy(() -> client(liar, "liar").verifyToTarget(15, store))
        .isInstanceOfSatisfying(
            LightClientException.class,
            e -> {
              LightClientError.InvalidLightBlock invalid =
                  (LightClientError.InvalidLightBlock) e.error();
              assertThat(invalid.height()).isEqualTo(15);
              assertThat(invalid.error()).isInstanceOf(VerificationError.InvalidCommitValue.class);
            });
    assertThat(store.getTrustedOrVerified(15)).isEmpty();
  }

  @Test
  void anAnswerForAnotherHeightIsInconsistent() {
    TestBlock other = chain.block(16);
    liar.editResults(
        "commit",
        r -> {
          ObjectNode sh = (ObjectNode) r.get("signed_header");
          sh.set("header", CometJson.header(other.header()));
          sh.set("commit", CometJson.commit(other.commit()));
          return r;
        });
    assertThatThrownBy(() -> client(liar, "liar").verifyToTarget(15, trustingGenesis()))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.RPC_INCONSISTENT_RESPONSE)).isTrue();
              assertThat(e.reason())
                  .isEqualTo("result.signed_header.header.height is 16, asked for height 15");
            });
  }

  /** A chain with the same id run by unknown validators never gains the trusted set's trust. */
  @Test
  void aForkSignedByStrangersIsRefused() {
    TestChain fake =
        TestChain.create(
            "e2e-1",
            TestChain.DEFAULT_GENESIS_TIME,
            TestChain.DEFAULT_BLOCK_INTERVAL,
            vals("mallory-0", "mallory-1", "mallory-2", "mallory-3"));
    fake.produceBlocks(30);
    try (TestChainRpcServer fakeNode = TestChainRpcServer.start(fake)) {
      LightStore store = trustingGenesis();
      assertThatThrownBy(() -> client(fakeNode, "fake").verifyToTarget(30, store))
          .isInstanceOfSatisfying(
              LightClientException.class,
              e -> {
                LightClientError.InvalidLightBlock invalid =
                    (LightClientError.InvalidLightBlock) e.error();
                // bisection reaches the adjacent step, where the link to the trusted set breaks
                assertThat(invalid.height()).isEqualTo(2);
                assertThat(invalid.error())
                    .isInstanceOf(VerificationError.InvalidNextValidatorSet.class);
              });
      assertThat(store.highestTrustedOrVerified().orElseThrow().height()).isEqualTo(1);
    }
  }

  /**
   * The chain's own validators sign a second history from height 31 (equivocation): it verifies
   * against the trusted state, so only a witness on the honest branch can expose it — as an attack
   * carrying both blocks, nothing trusted.
   */
  @Test
  void aForkSignedByTheChainsOwnValidatorsIsExposedByAWitness() {
    TestChain forkBase = TestChain.withValidators("e2e-1", 4, 10);
    forkBase.produceBlocks(20);
    forkBase.changeValidators(22, vals("val-1", "val-2", "val-3", "val-4", "val-5"));
    forkBase.produceBlocks(10);
    TestChain fork = forkBase.forkFromTip("evil");
    fork.deliverTx(Bytes.ofUtf8("mint=1000000"));
    fork.produceBlocks(10);
    assertThat(fork.block(30).blockId()).isEqualTo(chain.block(30).blockId());
    assertThat(fork.block(35).blockId()).isNotEqualTo(chain.block(35).blockId());

    try (TestChainRpcServer forkNode = TestChainRpcServer.start(fork)) {
      // Alone, the forked branch verifies: validators signed it.
      assertThat(client(forkNode, "fork").verifyToTarget(35, trustingGenesis()).header())
          .isEqualTo(fork.block(35).header());

      Supervisor supervisor =
          new Supervisor(
              client(forkNode, "fork"), List.of(provider(honest, "witness")), VERIFIER, clock);
      LightStore store = trustingGenesis();
      assertThatThrownBy(() -> supervisor.verifyToTarget(35, store))
          .isInstanceOfSatisfying(
              LightClientException.class,
              e -> {
                assertThat(e.is(RelayerErrorCode.LIGHT_CLIENT_ATTACK)).isTrue();
                LightClientError.LightClientAttack attack =
                    (LightClientError.LightClientAttack) e.error();
                assertThat(attack.primaryBlock().header()).isEqualTo(fork.block(35).header());
                assertThat(attack.witnessBlock().header()).isEqualTo(chain.block(35).header());
                assertThat(attack.witness()).isEqualTo("witness");
              });
      assertThat(store.getTrustedOrVerified(35)).isEmpty();
    }
  }

  @Test
  void lessThanTwoThirdsOfTheNewSetSigningIsInvalid() {
    TestChain weak = TestChain.withValidators("weak-1", 4, 10);
    weak.produceBlocks(5);
    weak.withholdSignatures("val-0", "val-1");
    weak.produceBlocks(1);
    try (TestChainRpcServer node = TestChainRpcServer.start(weak)) {
      LightStore store = LightStore.trusting(weak.block(5).lightBlock("genesis"));
      assertThatThrownBy(() -> client(node, "weak").verifyToTarget(6, store))
          .isInstanceOfSatisfying(
              LightClientException.class,
              e ->
                  assertThat(((LightClientError.InvalidLightBlock) e.error()).error())
                      .isInstanceOfSatisfying(
                          VerificationError.InsufficientSignersOverlap.class,
                          o -> {
                            assertThat(o.tally().tallied()).isEqualTo(20);
                            assertThat(o.tally().total()).isEqualTo(40);
                          }));
    }
  }

  @Test
  void anExpiredTrustedStateAndAHeaderFromTheFutureAreRefused() {
    LightClient late =
        new LightClient(
            VerifierOptions.of(Duration.ofMinutes(1), Duration.ofSeconds(10)),
            VERIFIER,
            provider(honest, "honest"),
            clock);
    assertThatThrownBy(() -> late.verifyToTarget(60, trustingGenesis()))
        .isInstanceOfSatisfying(
            LightClientException.class,
            e ->
                assertThat(e.error())
                    .isInstanceOf(LightClientError.TrustedStateOutsideTrustingPeriod.class));

    Instant beforeBlock10 = chain.block(10).header().time().minusSeconds(11);
    LightClient early =
        new LightClient(
            OPTIONS, VERIFIER, provider(honest, "honest"), InstantSource.fixed(beforeBlock10));
    assertThatThrownBy(() -> early.verifyToTarget(10, trustingGenesis()))
        .isInstanceOfSatisfying(
            LightClientException.class,
            e ->
                assertThat(((LightClientError.InvalidLightBlock) e.error()).error())
                    .isInstanceOf(VerificationError.HeaderFromTheFuture.class));
  }
}
