package io.wasm08.relayer.light;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.ConsensusEncoding;
import io.wasm08.relayer.tendermint.ConsensusSignatureVerifier;
import io.wasm08.relayer.tendermint.Header;
import io.wasm08.relayer.tendermint.SignatureVerifier;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The light-client verifier of tendermint-rs ({@code light-client-verifier}'s {@code
 * PredicateVerifier}), check for check and in the same order, so verdicts match upstream's vectors:
 * validator-set, next-validator-set and header-vs-commit hashes, commit shape, trusting period, BFT
 * time monotonicity, chain id, the adjacent next-validators link or increasing height, clock drift,
 * then voting power — {@code trustThreshold} of the trusted next validators for a skip (else {@link
 * Verdict.NotEnoughTrust}) and more than 2/3 of the block's own validators.
 *
 * <p>A pure function of its arguments: time comes in as {@code now}. Signatures go through the
 * injected {@link SignatureVerifier} (ZIP-215 Ed25519 by default); hashes and sign bytes through
 * the {@link ConsensusEncoding} (protobuf, Tendermint ≥ 0.34, by default).
 */
public final class LightVerifier {
  private final SignatureVerifier signatures;
  private final ConsensusEncoding encoding;

  public LightVerifier(SignatureVerifier signatures, ConsensusEncoding encoding) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.encoding = Objects.requireNonNull(encoding, "encoding");
  }

  public LightVerifier(SignatureVerifier signatures) {
    this(signatures, ConsensusEncoding.PROTOBUF);
  }

  /** CometBFT's signature rules (ZIP-215 Ed25519), protobuf (Tendermint ≥ 0.34) encoding. */
  public LightVerifier() {
    this(ConsensusSignatureVerifier.INSTANCE);
  }

  public ConsensusEncoding encoding() {
    return encoding;
  }

  /** Verifies a header for a client update (tendermint-rs {@code verify_update_header}). */
  public Verdict verifyUpdateHeader(
      UntrustedBlockState untrusted,
      TrustedBlockState trusted,
      VerifierOptions options,
      Instant now) {
    return verify(untrusted, trusted, options, now, true);
  }

  /**
   * Verifies a header of a misbehaviour submission: as {@link #verifyUpdateHeader} but without the
   * clock-drift check, so a fork "from the future" can still be proven.
   */
  public Verdict verifyMisbehaviourHeader(
      UntrustedBlockState untrusted,
      TrustedBlockState trusted,
      VerifierOptions options,
      Instant now) {
    return verify(untrusted, trusted, options, now, false);
  }

  private Verdict verify(
      UntrustedBlockState untrusted,
      TrustedBlockState trusted,
      VerifierOptions options,
      Instant now,
      boolean checkClockDrift) {
    Verdict v = verifyValidatorSets(untrusted);
    if (v.isSuccess()) {
      v = validateAgainstTrusted(untrusted, trusted, options, now);
    }
    if (v.isSuccess() && checkClockDrift) {
      v = checkHeaderIsFromPast(untrusted, options, now);
    }
    if (v.isSuccess()) {
      v = verifyCommitAgainstTrusted(untrusted, trusted, options);
    }
    return v;
  }

  /** The block is self-consistent: its validator sets and commit belong to its header. */
  public Verdict verifyValidatorSets(UntrustedBlockState untrusted) {
    Header header = untrusted.signedHeader().header();
    Bytes validatorsHash = encoding.validatorSetHash(untrusted.validators());
    if (!header.validatorsHash().equals(validatorsHash)) {
      return invalid(
          new VerificationError.InvalidValidatorSet(header.validatorsHash(), validatorsHash));
    }
    if (untrusted.nextValidators() != null) {
      Bytes nextHash = encoding.validatorSetHash(untrusted.nextValidators());
      if (!header.nextValidatorsHash().equals(nextHash)) {
        return invalid(
            new VerificationError.InvalidNextValidatorSet(header.nextValidatorsHash(), nextHash));
      }
    }
    Bytes headerHash = encoding.headerHash(header);
    Bytes commitHash = untrusted.signedHeader().commit().blockId().hash();
    if (!headerHash.equals(commitHash)) {
      return invalid(new VerificationError.InvalidCommitValue(headerHash, commitHash));
    }
    return validCommit(untrusted.signedHeader(), untrusted.validators());
  }

  /** Commit shape: some signature present, one entry per validator, every signer a validator. */
  static Verdict validCommit(SignedHeader signedHeader, ValidatorSet validators) {
    List<CommitSig> sigs = signedHeader.commit().signatures();
    if (sigs.stream().allMatch(CommitSig::isAbsent)) {
      return invalid(new VerificationError.NoSignatureForCommit());
    }
    if (sigs.size() != validators.size()) {
      return invalid(new VerificationError.MismatchPreCommitLength(sigs.size(), validators.size()));
    }
    for (CommitSig sig : sigs) {
      if (!sig.isAbsent() && validators.validator(sig.validatorAddress()).isEmpty()) {
        return invalid(new VerificationError.FaultySigner(sig.validatorAddress()));
      }
    }
    return Verdict.SUCCESS;
  }

  /** The block may follow the trusted state: trust not expired, later time, same chain, linked. */
  public Verdict validateAgainstTrusted(
      UntrustedBlockState untrusted,
      TrustedBlockState trusted,
      VerifierOptions options,
      Instant now) {
    Instant expiresAt;
    try {
      expiresAt = trusted.headerTime().plus(options.trustingPeriod());
    } catch (DateTimeException | ArithmeticException e) {
      return invalid(new VerificationError.TimeOutOfRange("trusted time + trusting period"));
    }
    if (!expiresAt.isAfter(now)) {
      return invalid(new VerificationError.NotWithinTrustPeriod(expiresAt, now));
    }
    Header header = untrusted.signedHeader().header();
    if (!header.time().isAfter(trusted.headerTime())) {
      return invalid(
          new VerificationError.NonMonotonicBftTime(header.time(), trusted.headerTime()));
    }
    if (!header.chainId().equals(trusted.chainId())) {
      return invalid(new VerificationError.ChainIdMismatch(header.chainId(), trusted.chainId()));
    }
    if (untrusted.height() == trusted.height() + 1) {
      if (!header.validatorsHash().equals(trusted.nextValidatorsHash())) {
        return invalid(
            new VerificationError.InvalidNextValidatorSet(
                header.validatorsHash(), trusted.nextValidatorsHash()));
      }
    } else if (untrusted.height() <= trusted.height()) {
      return invalid(
          new VerificationError.NonIncreasingHeight(untrusted.height(), trusted.height() + 1));
    }
    return Verdict.SUCCESS;
  }

  /** The header time is before {@code now + clockDrift}. */
  public Verdict checkHeaderIsFromPast(
      UntrustedBlockState untrusted, VerifierOptions options, Instant now) {
    Duration drift = options.clockDrift();
    Instant drifted;
    try {
      drifted = now.plus(drift);
    } catch (DateTimeException | ArithmeticException e) {
      return invalid(new VerificationError.TimeOutOfRange("now + clock drift"));
    }
    Instant headerTime = untrusted.signedHeader().header().time();
    if (!headerTime.isBefore(drifted)) {
      return invalid(new VerificationError.HeaderFromTheFuture(headerTime, now, drift));
    }
    return Verdict.SUCCESS;
  }

  /**
   * Voting power: for an adjacent block more than 2/3 of its validators signed; for a skip, first
   * {@code trustThreshold} of the trusted next validators ({@link Verdict.NotEnoughTrust}
   * otherwise), then more than 2/3 of its own validators.
   */
  public Verdict verifyCommitAgainstTrusted(
      UntrustedBlockState untrusted, TrustedBlockState trusted, VerifierOptions options) {
    CommitVotes votes = CommitVotes.collect(untrusted.signedHeader(), signatures, encoding);
    if (votes.duplicate() != null) {
      return invalid(votes.duplicate());
    }
    boolean skipping = untrusted.height() != trusted.height() + 1;
    if (skipping) {
      CommitVotes.Outcome trustedTally =
          votes.tally(trusted.nextValidators(), options.trustThreshold());
      if (trustedTally.error() != null) {
        return invalid(trustedTally.error());
      }
      CommitVotes.Outcome ownTally = votes.tally(untrusted.validators(), TrustThreshold.TWO_THIRDS);
      if (ownTally.error() != null) {
        return invalid(ownTally.error());
      }
      if (!trustedTally.tally().isEnough()) {
        return new Verdict.NotEnoughTrust(trustedTally.tally());
      }
      return signersOverlap(ownTally.tally());
    }
    CommitVotes.Outcome ownTally = votes.tally(untrusted.validators(), TrustThreshold.TWO_THIRDS);
    if (ownTally.error() != null) {
      return invalid(ownTally.error());
    }
    return signersOverlap(ownTally.tally());
  }

  /** More than 2/3 of the block's own validators signed it (no trusted state involved). */
  public Verdict verifyCommit(UntrustedBlockState untrusted) {
    CommitVotes votes = CommitVotes.collect(untrusted.signedHeader(), signatures, encoding);
    if (votes.duplicate() != null) {
      return invalid(votes.duplicate());
    }
    CommitVotes.Outcome tally = votes.tally(untrusted.validators(), TrustThreshold.TWO_THIRDS);
    return tally.error() != null ? invalid(tally.error()) : signersOverlap(tally.tally());
  }

  private static Verdict signersOverlap(VotingPowerTally tally) {
    return tally.isEnough()
        ? Verdict.SUCCESS
        : invalid(new VerificationError.InsufficientSignersOverlap(tally));
  }

  private static Verdict invalid(VerificationError error) {
    return new Verdict.Invalid(error);
  }
}
