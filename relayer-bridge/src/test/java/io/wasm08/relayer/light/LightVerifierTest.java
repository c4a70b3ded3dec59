package io.wasm08.relayer.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestValidatorKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each verifier predicate on its own, with blocks from the test chain altered by hand so that
 * exactly one predicate fails (the expected error is the predicate the alteration targets; the
 * checks run in tendermint-rs' order, so earlier ones must still pass).
 */
class LightVerifierTest {
  private static final LightVerifier VERIFIER = new LightVerifier();
  private static final VerifierOptions OPTIONS =
      VerifierOptions.of(Duration.ofDays(1), Duration.ofSeconds(10));
  private static final TestChain CHAIN =
      TestChain.withValidators("verify-1", 4, 10).produceBlocks(8);
  private static final Instant NOW = CHAIN.latest().header().time().plusSeconds(5);

  private static LightBlock block(long h) {
    return CHAIN.block(h).lightBlock("test");
  }

  private static LightBlock withCommit(LightBlock b, List<CommitSig> sigs) {
    Commit c = b.commit();
    return new LightBlock(
        new SignedHeader(b.header(), new Commit(c.height(), c.round(), c.blockId(), sigs)),
        b.validators(),
        b.nextValidators(),
        b.provider());
  }

  record Case(
      String name, Supplier<LightBlock> trusted, Supplier<LightBlock> untrusted, Class<?> error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("adjacent success", () -> block(3), () -> block(4), null),
        new Case("skipping success", () -> block(1), () -> block(8), null),
        new Case(
            "chain id mismatch",
            () -> block(1),
            () ->
                TestChain.withValidators("other-1", 4, 10)
                    .produceBlocks(3)
                    .block(3)
                    .lightBlock("x"),
            VerificationError.ChainIdMismatch.class),
        new Case(
            "non-monotonic BFT time",
            () -> block(5),
            () ->
                TestChain.create(
                        "verify-1",
                        TestChain.DEFAULT_GENESIS_TIME.minusSeconds(3600),
                        TestChain.DEFAULT_BLOCK_INTERVAL,
                        java.util.Map.of("val-0", 10L, "val-1", 10L, "val-2", 10L, "val-3", 10L))
                    .produceBlocks(6)
                    .block(6)
                    .lightBlock("x"),
            VerificationError.NonMonotonicBftTime.class),
        new Case(
            "same height",
            () -> block(5),
            () -> block(5),
            VerificationError.NonMonotonicBftTime.class),
        new Case(
            "signer outside the validator set",
            () -> block(1),
            () -> {
              LightBlock b = block(6);
              List<CommitSig> sigs = new ArrayList<>(b.commit().signatures());
              TestValidatorKey stranger = TestValidatorKey.named("stranger");
              CommitSig s = sigs.get(0);
              sigs.set(0, CommitSig.forBlock(stranger.address(), s.timestamp(), s.signature()));
              return withCommit(b, sigs);
            },
            VerificationError.FaultySigner.class),
        new Case(
            "one validator's vote counted twice",
            () -> block(1),
            () -> {
              LightBlock b = block(6);
              List<CommitSig> sigs = new ArrayList<>(b.commit().signatures());
              sigs.set(1, sigs.get(0));
              return withCommit(b, sigs);
            },
            VerificationError.DuplicateValidator.class),
        new Case(
            "more signatures than validators",
            () -> block(1),
            () -> {
              LightBlock b = block(6);
              List<CommitSig> sigs = new ArrayList<>(b.commit().signatures());
              sigs.add(CommitSig.absent());
              return withCommit(b, sigs);
            },
            VerificationError.MismatchPreCommitLength.class),
        new Case(
            "nobody signed",
            () -> block(1),
            () ->
                withCommit(
                    block(6),
                    List.of(
                        CommitSig.absent(),
                        CommitSig.absent(),
                        CommitSig.absent(),
                        CommitSig.absent())),
            VerificationError.NoSignatureForCommit.class),
        new Case(
            "a nil vote does not count",
            () -> block(5),
            () -> {
              LightBlock b = block(6);
              List<CommitSig> sigs = new ArrayList<>(b.commit().signatures());
              for (int i = 0; i < 2; i++) {
                CommitSig s = sigs.get(i);
                sigs.set(i, CommitSig.forNil(s.validatorAddress(), s.timestamp(), s.signature()));
              }
              return withCommit(b, sigs);
            },
            VerificationError.InsufficientSignersOverlap.class),
        new Case(
            "next validators not the header's",
            () -> block(1),
            () -> {
              LightBlock b = block(6);
              return new LightBlock(
                  b.signedHeader(),
                  b.validators(),
                  TestChain.withValidators("z-1", 1, 5).validatorSet(1),
                  "x");
            },
            VerificationError.InvalidNextValidatorSet.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachPredicate(Case c) {
    Verdict v =
        VERIFIER.verifyUpdateHeader(
            UntrustedBlockState.of(c.untrusted().get()),
            TrustedBlockState.of(c.trusted().get()),
            OPTIONS,
            NOW);
    if (c.error() == null) {
      assertThat(v).isEqualTo(Verdict.SUCCESS);
    } else {
      assertThat(v)
          .isInstanceOfSatisfying(
              Verdict.Invalid.class, i -> assertThat(i.error()).isInstanceOf(c.error()));
    }
  }

  @Test
  void theMisbehaviourCheckSkipsOnlyTheClockDrift() {
    Instant early = block(6).time().minusSeconds(60);
    UntrustedBlockState u = UntrustedBlockState.of(block(6));
    TrustedBlockState t = TrustedBlockState.of(block(1));
    assertThat(VERIFIER.verifyUpdateHeader(u, t, OPTIONS, early))
        .isInstanceOfSatisfying(
            Verdict.Invalid.class,
            i -> assertThat(i.error()).isInstanceOf(VerificationError.HeaderFromTheFuture.class));
    assertThat(VERIFIER.verifyMisbehaviourHeader(u, t, OPTIONS, early)).isEqualTo(Verdict.SUCCESS);
  }

  @Test
  void aTrustingPeriodPastTheEndOfTimeIsInvalidNotACrash() {
    VerifierOptions forever = VerifierOptions.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ZERO);
    assertThat(
            VERIFIER.verifyUpdateHeader(
                UntrustedBlockState.of(block(2)), TrustedBlockState.of(block(1)), forever, NOW))
        .isInstanceOfSatisfying(
            Verdict.Invalid.class,
            i -> assertThat(i.error()).isInstanceOf(VerificationError.TimeOutOfRange.class));
  }

  /** tendermint-rs' TrustThresholdFraction bounds: [1/3, 1], denominator non-zero. */
  static Stream<Arguments> thresholds() {
    return Stream.of(
        Arguments.of(1, 3, true),
        Arguments.of(2, 3, true),
        Arguments.of(1, 1, true),
        Arguments.of(1, 4, false),
        Arguments.of(4, 3, false),
        Arguments.of(1, 0, false),
        Arguments.of(-1, 3, false));
  }

  @ParameterizedTest(name = "{0}/{1} valid={2}")
  @MethodSource("thresholds")
  void trustThresholdBounds(long num, long den, boolean valid) {
    if (valid) {
      assertThat(new TrustThreshold(num, den).numerator()).isEqualTo(num);
    } else {
      assertThatThrownBy(() -> new TrustThreshold(num, den))
          .isInstanceOfSatisfying(
              Wasm08Exception.class,
              e -> assertThat(e.is(RelayerErrorCode.INVALID_OPTIONS)).isTrue());
    }
  }

  /** "Enough" is strictly more than the fraction (tendermint-rs is_enough_power). */
  @Test
  void enoughPowerIsStrictlyMoreThanTheFraction() {
    assertThat(TrustThreshold.ONE_THIRD.isEnoughPower(1, 3)).isFalse();
    assertThat(TrustThreshold.ONE_THIRD.isEnoughPower(2, 3)).isTrue();
    assertThat(TrustThreshold.TWO_THIRDS.isEnoughPower(20, 30)).isFalse();
    assertThat(TrustThreshold.TWO_THIRDS.isEnoughPower(21, 30)).isTrue();
    long max = io.wasm08.relayer.tendermint.ValidatorSet.MAX_TOTAL_VOTING_POWER;
    assertThat(TrustThreshold.TWO_THIRDS.isEnoughPower(max, max)).isTrue();
  }
}
