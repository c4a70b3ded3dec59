package io.wasm08.relayer.ibc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightVerifier;
import io.wasm08.relayer.light.TrustedBlockState;
import io.wasm08.relayer.light.UntrustedBlockState;
import io.wasm08.relayer.light.Verdict;
import io.wasm08.relayer.light.VerificationError;
import io.wasm08.relayer.proof.ProvenQuery;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real 07-tendermint data from a {@code simd-2} chain (solidity-ibc-eureka's tendermint
 * light-client fixtures): our protos decode and re-encode the client state, consensus states and
 * the update header byte for byte; the header verifies with our light-client verifier against the
 * trusted consensus state under the client's own parameters (the upstream negative cases fail as
 * they should); our header builder reproduces the header's bytes; the consensus state it
 * establishes is the one the membership fixture proves against, and that proof verifies.
 */
class RealChainTendermintTypesTest {
  private static final String DIR = "fixtures/light-clients/eureka/tendermint-lc-fixtures/";
  private static JsonNode update;
  private static JsonNode membership;
  private static TendermintClientState clientState;
  private static TendermintConsensusState trustedState;
  private static TendermintClientHeader header;

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    update = json.readTree(SharedFixtures.get().contents(DIR + "update_client_happy_path.json"));
    membership = json.readTree(SharedFixtures.get().contents(DIR + "verify_membership_key_0.json"));
    clientState = TendermintClientState.fromBytes(hex(update, "/client_state_hex"));
    trustedState = TendermintConsensusState.fromBytes(hex(update, "/consensus_state_hex"));
    header =
        TendermintClientHeader.fromBytes(hex(update, "/update_client_message/client_message_hex"));
  }

  private static Bytes hex(JsonNode node, String pointer) {
    return Bytes.fromHex(node.at(pointer).asText());
  }

  @Test
  void protosAreWireIdenticalToIbcGos() {
    assertThat(Bytes.wrapOwned(clientState.toProto().toByteArray()))
        .isEqualTo(hex(update, "/client_state_hex"));
    assertThat(Bytes.wrapOwned(trustedState.toProto().toByteArray()))
        .isEqualTo(hex(update, "/consensus_state_hex"));
    assertThat(header.toBytes())
        .isEqualTo(hex(update, "/update_client_message/client_message_hex"));
    assertThat(header.toAny().getTypeUrl())
        .isEqualTo(update.at("/update_client_message/type_url").asText());
  }

  @Test
  void decodedFieldsAreTheFixturesOwn() {
    assertThat(clientState.chainId()).isEqualTo("simd-2");
    assertThat(clientState.latestHeight()).isEqualTo(Height.of(2, 20));
    assertThat(clientState.isFrozen()).isFalse();
    assertThat(clientState.proofSpecs()).isEqualTo(MerkleProofs.SDK_SPECS);
    assertThat(header.height())
        .isEqualTo(Height.of(2, update.at("/update_client_message/new_height").asLong()));
    assertThat(header.trustedHeight())
        .isEqualTo(Height.of(2, update.at("/update_client_message/trusted_height").asLong()));
    assertThat(header.trustedValidators().hash()).isEqualTo(trustedState.nextValidatorsHash());
    assertThat(header.validatorSet().hash())
        .isEqualTo(header.signedHeader().header().validatorsHash());
  }

  private static Verdict verify(SignedHeader sh, Instant now) {
    return new LightVerifier()
        .verifyUpdateHeader(
            new UntrustedBlockState(sh, header.validatorSet(), null),
            new TrustedBlockState(
                clientState.chainId(),
                trustedState.timestamp(),
                header.trustedHeight().revisionHeight(),
                header.trustedValidators(),
                trustedState.nextValidatorsHash()),
            clientState.verifierOptions(),
            now);
  }

  @Test
  void theRealHeaderVerifiesAnHourAfterTheTrustedState() {
    assertThat(verify(header.signedHeader(), trustedState.timestamp().plus(Duration.ofHours(1))))
        .isEqualTo(Verdict.SUCCESS);
  }

  @Test
  void upstreamNegativeCasesFail() {
    // corrupted signature
    Commit c = header.signedHeader().commit();
    List<CommitSig> sigs = new ArrayList<>(c.signatures());
    CommitSig first = sigs.get(0);
    byte[] bad = first.signature().toByteArray();
    bad[0] ^= 1;
    sigs.set(
        0, new CommitSig(first.flag(), first.validatorAddress(), first.timestamp(), Bytes.of(bad)));
    SignedHeader corrupted =
        new SignedHeader(
            header.signedHeader().header(), new Commit(c.height(), c.round(), c.blockId(), sigs));
    Instant inAnHour = trustedState.timestamp().plus(Duration.ofHours(1));
    assertThat(verify(corrupted, inAnHour))
        .isInstanceOfSatisfying(
            Verdict.Invalid.class,
            i -> assertThat(i.error()).isInstanceOf(VerificationError.InvalidSignature.class));
    // header older than the trusting period
    Instant expired = trustedState.timestamp().plus(clientState.trustingPeriod());
    assertThat(verify(header.signedHeader(), expired))
        .isInstanceOfSatisfying(
            Verdict.Invalid.class,
            i -> assertThat(i.error()).isInstanceOf(VerificationError.NotWithinTrustPeriod.class));
    // header beyond the max clock drift
    Instant beforeDrift =
        header.signedHeader().header().time().minus(clientState.maxClockDrift()).minusSeconds(1);
    assertThat(verify(header.signedHeader(), beforeDrift))
        .isInstanceOfSatisfying(
            Verdict.Invalid.class,
            i -> assertThat(i.error()).isInstanceOf(VerificationError.HeaderFromTheFuture.class));
  }

  @Test
  void theBuilderReproducesTheHeaderBytes() {
    LightBlock target =
        new LightBlock(
            header.signedHeader(), header.validatorSet(), header.validatorSet(), "fixture");
    TendermintClientHeader built =
        TendermintHeaderBuilder.build(
            target,
            header.trustedHeight(),
            header.trustedValidators(),
            trustedState.nextValidatorsHash());
    assertThat(built.toBytes()).isEqualTo(hex(update, "/update_client_message/client_message_hex"));
  }

  @Test
  void theBuilderRefusesWhatIbcGoWouldRefuse() {
    LightBlock target =
        new LightBlock(
            header.signedHeader(), header.validatorSet(), header.validatorSet(), "fixture");
    assertThatThrownBy(
            () ->
                TendermintHeaderBuilder.build(
                    target,
                    header.trustedHeight(),
                    header.trustedValidators(),
                    header
                            .signedHeader()
                            .header()
                            .nextValidatorsHash()
                            .equals(trustedState.nextValidatorsHash())
                        ? Bytes.ofUtf8("x")
                        : header.signedHeader().header().nextValidatorsHash()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.INVALID_HEADER_INPUT)).isTrue();
              assertThat(e.detail())
                  .startsWith("trusted validators do not hash to latest trusted validators");
            });
    assertThatThrownBy(
            () ->
                TendermintHeaderBuilder.build(
                    target,
                    Height.of(2, 38),
                    header.trustedValidators(),
                    trustedState.nextValidatorsHash()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo("TrustedHeight 2-38 must be less than header height 2-38"));
    assertThatThrownBy(
            () ->
                TendermintHeaderBuilder.build(
                    target,
                    Height.of(1, 20),
                    header.trustedValidators(),
                    trustedState.nextValidatorsHash()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo("trusted height 1-20 is not in the chain's revision 2"));
  }

  /**
   * The consensus state the update establishes at 2-38 is the membership fixture's trusted state,
   * and the fixture's proof of the client state at query height 37 verifies against its root.
   */
  @Test
  void theNewConsensusStateCarriesTheMembershipFixturesRoot() {
    LightBlock target =
        new LightBlock(
            header.signedHeader(), header.validatorSet(), header.validatorSet(), "fixture");
    TendermintConsensusState established = TendermintConsensusState.of(target);
    assertThat(Bytes.wrapOwned(established.toProto().toByteArray()))
        .isEqualTo(hex(membership, "/consensus_state_hex"));
    assertThat(established.root().toHex()).startsWith("96a3affd").endsWith("a01a");

    JsonNode msg = membership.get("membership_msg");
    ProvenQuery proven =
        new ProvenQuery(
            msg.at("/path/0").asText(),
            Bytes.ofUtf8(msg.at("/path/1").asText()),
            Bytes.fromHex(msg.get("value").asText()),
            MerkleProofs.parseMerkleProof(Bytes.fromHex(msg.get("proof").asText())),
            msg.get("height").asLong());
    assertThat(proven.proofHeight()).isEqualTo(header.height().revisionHeight());
    proven.verify(established.root(), clientState.proofSpecs());
    assertThatThrownBy(() -> proven.verify(trustedState.root(), clientState.proofSpecs()))
        .isInstanceOf(Wasm08Exception.class);
  }
}
