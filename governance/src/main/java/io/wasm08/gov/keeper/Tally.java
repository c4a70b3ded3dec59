package io.wasm08.gov.keeper;

import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.TallyResult;
import cosmos.gov.v1.Gov.Vote;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Gov.WeightedVoteOption;
import io.wasm08.gov.math.LegacyDec;
import io.wasm08.gov.math.SdkInt;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * x/gov v0.50 {@code Keeper.Tally} over an electorate instead of bonded stake: each vote counts
 * with its voter's power (zero outside the electorate), split by the option weights; the total
 * power of the electorate plays the role of the total bonded tokens. The decision keeps upstream's
 * order and comparisons exactly: no power → fail; turnout {@code <} quorum → fail (burn iff
 * burn_vote_quorum); everyone abstained → fail; veto share {@code >} veto threshold → fail (burn
 * iff burn_vote_veto); yes share of non-abstaining {@code >} threshold (expedited threshold for
 * expedited proposals) → pass; otherwise fail.
 */
public record Tally(boolean passes, boolean burnDeposits, TallyResult result) {

  /** A counted vote: the voter's power and the vote's options. */
  public record CountedVote(SdkInt power, Vote vote) {}

  public static Tally compute(
      Params params, boolean expedited, List<CountedVote> votes, SdkInt totalPower) {
    Map<VoteOption, LegacyDec> results = new EnumMap<>(VoteOption.class);
    for (VoteOption o :
        List.of(
            VoteOption.VOTE_OPTION_YES,
            VoteOption.VOTE_OPTION_ABSTAIN,
            VoteOption.VOTE_OPTION_NO,
            VoteOption.VOTE_OPTION_NO_WITH_VETO)) {
      results.put(o, LegacyDec.ZERO);
    }
    LegacyDec totalVotingPower = LegacyDec.ZERO;
    for (CountedVote counted : votes) {
      LegacyDec votingPower = counted.power().toLegacyDec();
      for (WeightedVoteOption option : counted.vote().getOptionsList()) {
        LegacyDec subPower = votingPower.mul(LegacyDec.parse(option.getWeight()));
        results.merge(option.getOption(), subPower, LegacyDec::add);
      }
      totalVotingPower = totalVotingPower.add(votingPower);
    }
    TallyResult result =
        TallyResult.newBuilder()
            .setYesCount(results.get(VoteOption.VOTE_OPTION_YES).truncateInt().toString())
            .setAbstainCount(results.get(VoteOption.VOTE_OPTION_ABSTAIN).truncateInt().toString())
            .setNoCount(results.get(VoteOption.VOTE_OPTION_NO).truncateInt().toString())
            .setNoWithVetoCount(
                results.get(VoteOption.VOTE_OPTION_NO_WITH_VETO).truncateInt().toString())
            .build();

    if (totalPower.isZero()) {
      return new Tally(false, false, result);
    }
    LegacyDec percentVoting = totalVotingPower.quo(totalPower.toLegacyDec());
    if (percentVoting.lt(LegacyDec.parse(params.getQuorum()))) {
      return new Tally(false, params.getBurnVoteQuorum(), result);
    }
    LegacyDec abstain = results.get(VoteOption.VOTE_OPTION_ABSTAIN);
    if (totalVotingPower.sub(abstain).isZero()) {
      return new Tally(false, false, result);
    }
    LegacyDec vetoThreshold = LegacyDec.parse(params.getVetoThreshold());
    if (results.get(VoteOption.VOTE_OPTION_NO_WITH_VETO).quo(totalVotingPower).gt(vetoThreshold)) {
      return new Tally(false, params.getBurnVoteVeto(), result);
    }
    LegacyDec threshold =
        LegacyDec.parse(expedited ? params.getExpeditedThreshold() : params.getThreshold());
    if (results.get(VoteOption.VOTE_OPTION_YES).quo(totalVotingPower.sub(abstain)).gt(threshold)) {
      return new Tally(true, false, result);
    }
    return new Tally(false, false, result);
  }

  /** {@code EmptyTallyResult}: four zero counts. */
  public static TallyResult empty() {
    return TallyResult.newBuilder()
        .setYesCount("0")
        .setAbstainCount("0")
        .setNoCount("0")
        .setNoWithVetoCount("0")
        .build();
  }
}
