package io.wasm08.relayer.light;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.ConsensusEncoding;
import io.wasm08.relayer.tendermint.SignatureVerifier;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.Validator;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The for-block votes of a commit, looked up by validator address, each signature checked at most
 * once and only when a tally reaches its validator (tendermint-rs' {@code NonAbsentCommitVotes}).
 * The lazy order matters: a bad signature of a validator never reached does not change a verdict,
 * exactly as upstream.
 */
final class CommitVotes {
  private final SignedHeader signedHeader;
  private final SignatureVerifier signatures;
  private final ConsensusEncoding encoding;
  private final List<Vote> votes;
  private final VerificationError duplicate;

  private static final class Vote {
    final int index;
    final CommitSig sig;
    boolean verified;

    Vote(int index, CommitSig sig) {
      this.index = index;
      this.sig = sig;
    }
  }

  /** A tally, or the error that stopped it. */
  record Outcome(VotingPowerTally tally, VerificationError error) {}

  private CommitVotes(
      SignedHeader signedHeader,
      SignatureVerifier signatures,
      ConsensusEncoding encoding,
      List<Vote> votes,
      VerificationError duplicate) {
    this.signedHeader = signedHeader;
    this.signatures = signatures;
    this.encoding = encoding;
    this.votes = votes;
    this.duplicate = duplicate;
  }

  /** Collects the for-block votes of a commit. */
  static CommitVotes collect(
      SignedHeader signedHeader, SignatureVerifier signatures, ConsensusEncoding encoding) {
    List<CommitSig> sigs = signedHeader.commit().signatures();
    List<Vote> votes = new ArrayList<>();
    for (int i = 0; i < sigs.size(); i++) {
      if (sigs.get(i).isCommit()) {
        votes.add(new Vote(i, sigs.get(i)));
      }
    }
    votes.sort(Comparator.comparing(v -> v.sig.validatorAddress()));
    VerificationError duplicate = null;
    for (int i = 1; i < votes.size() && duplicate == null; i++) {
      Bytes address = votes.get(i).sig.validatorAddress();
      if (address.equals(votes.get(i - 1).sig.validatorAddress())) {
        duplicate = new VerificationError.DuplicateValidator(address);
      }
    }
    return new CommitVotes(signedHeader, signatures, encoding, votes, duplicate);
  }

  /** {@code DuplicateValidator} when two for-block votes carry one address, else null. */
  VerificationError duplicate() {
    return duplicate;
  }

  /**
   * Tallies the power of {@code validators} that voted for the block, stopping as soon as {@code
   * threshold} is exceeded; one vote counted for two validators is {@code DuplicateValidator}.
   */
  Outcome tally(ValidatorSet validators, TrustThreshold threshold) {
    VotingPowerTally tally = new VotingPowerTally(validators.totalVotingPower(), 0, threshold);
    List<Vote> seen = new ArrayList<>();
    for (Validator validator : validators.validators()) {
      Vote vote = find(validator.address());
      if (vote == null) {
        continue;
      }
      if (!vote.verified) {
        Bytes signBytes =
            encoding.voteSignBytes(signedHeader.chainId(), signedHeader.commit(), vote.index);
        if (!signatures.verify(validator.pubKey(), signBytes, vote.sig.signature())) {
          return new Outcome(
              null,
              new VerificationError.InvalidSignature(
                  vote.sig.signature(), validator.address(), signBytes));
        }
        vote.verified = true;
      }
      if (seen.contains(vote)) {
        return new Outcome(null, new VerificationError.DuplicateValidator(validator.address()));
      }
      seen.add(vote);
      tally = tally.plus(validator.votingPower());
      if (tally.isEnough()) {
        break;
      }
    }
    return new Outcome(tally, null);
  }

  private Vote find(Bytes address) {
    int lo = 0;
    int hi = votes.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = votes.get(mid).sig.validatorAddress().compareTo(address);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return votes.get(mid);
      }
    }
    return null;
  }
}
