package io.wasm08.relayer.ibc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ibc.lightclients.tendermint.v1.Tendermint;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightClient;
import io.wasm08.relayer.light.LightClientError;
import io.wasm08.relayer.light.LightClientException;
import io.wasm08.relayer.light.LightStore;
import io.wasm08.relayer.light.LightVerifier;
import io.wasm08.relayer.light.Supervisor;
import io.wasm08.relayer.light.TrustedBlockState;
import io.wasm08.relayer.light.UntrustedBlockState;
import io.wasm08.relayer.light.Verdict;
import io.wasm08.relayer.light.VerifierOptions;
import io.wasm08.relayer.rpc.CometRpcClient;
import io.wasm08.relayer.rpc.RetryPolicy;
import io.wasm08.relayer.rpc.RpcClientConfig;
import io.wasm08.relayer.rpc.RpcLightBlockProvider;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.TendermintProtos;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 07-tendermint headers built from light blocks verified over loopback RPC, across a validator-set
 * change: each header re-verifies the way 07-tendermint will (trusted validators = those of trusted
 * height + 1, hashing to the trusted consensus state's next validators), decodes from its bytes to
 * the same value, and a detected attack yields misbehaviour of two such headers.
 */
class HeaderBuilderOverRpcTest {
  private static final VerifierOptions OPTIONS =
      VerifierOptions.of(Duration.ofDays(14), Duration.ofSeconds(10));
  private static TestChain chain;
  private static TestChainRpcServer server;
  private static RpcLightBlockProvider provider;
  private static InstantSource clock;

  @BeforeAll
  static void start() {
    chain = TestChain.withValidators("ibc-chain-7", 4, 10);
    chain.produceBlocks(10);
    Map<String, Long> next = new LinkedHashMap<>();
    for (String n : List.of("val-2", "val-3", "new-0", "new-1", "new-2")) {
      next.put(n, 10L);
    }
    chain.changeValidators(12, next);
    chain.produceBlocks(10);
    server = TestChainRpcServer.start(chain);
    provider =
        new RpcLightBlockProvider(
            new CometRpcClient(
                RpcClientConfig.of(server.uri()).withRetry(RetryPolicy.NONE),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                d -> {}),
            "node");
    clock = InstantSource.fixed(chain.latest().header().time().plusSeconds(5));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static LightBlock verified(long height) {
    return new LightClient(OPTIONS, new LightVerifier(), provider, clock)
        .verifyToTarget(height, LightStore.trusting(chain.block(1).lightBlock("genesis")));
  }

  @Test
  void headersAcrossTheValidatorSetChangeVerifyAsTheClientWill() {
    TendermintHeaderBuilder builder = new TendermintHeaderBuilder(provider);
    long[][] updates = {{1, 5}, {5, 11}, {11, 12}, {11, 20}, {1, 20}};
    for (long[] u : updates) {
      long trusted = u[0];
      long target = u[1];
      TendermintConsensusState trustedState =
          TendermintConsensusState.of(chain.block(trusted).lightBlock("x"));
      TendermintClientHeader header =
          builder.build(verified(target), Height.of(7, trusted), trustedState.nextValidatorsHash());

      assertThat(header.height()).isEqualTo(Height.of(7, target));
      assertThat(header.trustedValidators().validators())
          .isEqualTo(chain.validatorSet(trusted + 1).validators());
      assertThat(header.trustedValidators().proposer().address())
          .isEqualTo(chain.block(trusted + 1).header().proposerAddress());
      assertThat(header.validatorSet().proposer().address())
          .isEqualTo(chain.block(target).header().proposerAddress());
      assertThat(TendermintClientHeader.fromBytes(header.toBytes())).isEqualTo(header);

      // what 07-tendermint checks: the header against the trusted consensus state
      Verdict v =
          new LightVerifier()
              .verifyUpdateHeader(
                  new UntrustedBlockState(header.signedHeader(), header.validatorSet(), null),
                  new TrustedBlockState(
                      chain.chainId(),
                      trustedState.timestamp(),
                      trusted,
                      header.trustedValidators(),
                      trustedState.nextValidatorsHash()),
                  OPTIONS,
                  clock.instant());
      assertThat(v).as("update %d -> %d", trusted, target).isEqualTo(Verdict.SUCCESS);
    }
  }

  @Test
  void theHeaderProtoCarriesEveryPart() throws Exception {
    LightBlock target = verified(15);
    TendermintClientHeader header =
        new TendermintHeaderBuilder(provider)
            .build(target, Height.of(7, 10), chain.block(10).header().nextValidatorsHash());
    Tendermint.Header proto = Tendermint.Header.parseFrom(header.toAny().getValue());
    assertThat(header.toAny().getTypeUrl()).isEqualTo("/ibc.lightclients.tendermint.v1.Header");
    assertThat(proto.getSignedHeader()).isEqualTo(TendermintProtos.toProto(target.signedHeader()));
    assertThat(proto.getTrustedHeight().getRevisionNumber()).isEqualTo(7);
    assertThat(proto.getTrustedHeight().getRevisionHeight()).isEqualTo(10);
    assertThat(proto.getValidatorSet().getTotalVotingPower()).isEqualTo(50);
    assertThat(proto.getTrustedValidators().hasProposer()).isTrue();
  }

  @Test
  void trustedValidatorsThatAreNotTheConsensusStatesAreRefused() {
    // trusted height 10: its next validators are the old set; block 15's are the new one
    assertThatThrownBy(
            () ->
                new TendermintHeaderBuilder(provider)
                    .build(
                        verified(15),
                        Height.of(7, 10),
                        chain.block(15).header().nextValidatorsHash()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> assertThat(e.is(RelayerErrorCode.INVALID_HEADER_INPUT)).isTrue());
  }

  /** A fork signed by the chain's own validators, caught by a witness, becomes misbehaviour. */
  @Test
  void aDetectedAttackBecomesMisbehaviour() {
    TestChain fork = chain.forkFromTip("evil");
    fork.produceBlocks(3);
    chain.produceBlocks(3);
    try (TestChainRpcServer forkNode = TestChainRpcServer.start(fork)) {
      RpcLightBlockProvider forkProvider =
          new RpcLightBlockProvider(
              new CometRpcClient(
                  RpcClientConfig.of(forkNode.uri()).withRetry(RetryPolicy.NONE),
                  HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                  d -> {}),
              "fork");
      InstantSource later = InstantSource.fixed(chain.latest().header().time().plusSeconds(5));
      Supervisor supervisor =
          new Supervisor(
              new LightClient(OPTIONS, new LightVerifier(), forkProvider, later),
              List.of(provider),
              new LightVerifier(),
              later);
      LightStore store = LightStore.trusting(chain.block(11).lightBlock("trusted"));
      LightClientError.LightClientAttack attack =
          (LightClientError.LightClientAttack)
              org.assertj.core.api.Assertions.catchThrowableOfType(
                      LightClientException.class, () -> supervisor.verifyToTarget(23, store))
                  .error();
      TendermintMisbehaviour m =
          TendermintMisbehaviour.of(
              attack,
              provider.lightBlock(12).validators(),
              chain.block(11).header().nextValidatorsHash());
      Tendermint.Misbehaviour proto = Tendermint.Misbehaviour.parseFrom(m.toBytes().toByteArray());
      assertThat(TendermintClientHeader.fromProto(proto.getHeader1()).signedHeader())
          .isEqualTo(fork.block(23).signedHeader());
      assertThat(TendermintClientHeader.fromProto(proto.getHeader2()).signedHeader())
          .isEqualTo(chain.block(23).signedHeader());
      assertThat(m.header1().trustedHeight()).isEqualTo(Height.of(7, 11));
      assertThat(m.toAny().getTypeUrl()).isEqualTo("/ibc.lightclients.tendermint.v1.Misbehaviour");
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
