package io.wasm08.gov.types;

import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Gov.WeightedVoteOption;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.math.LegacyDec;
import java.util.List;

/** Vote options as x/gov v1 validates and prints them ({@code x/gov/types/v1/vote.go}). */
public final class VoteOptions {
  private VoteOptions() {}

  /** {@code ValidVoteOption}: YES, ABSTAIN, NO or NO_WITH_VETO. */
  public static boolean validVoteOption(int option) {
    return option >= VoteOption.VOTE_OPTION_YES_VALUE
        && option <= VoteOption.VOTE_OPTION_NO_WITH_VETO_VALUE;
  }

  /** {@code ValidWeightedVoteOption}: a valid option with a weight in (0, 1]. */
  public static boolean validWeightedVoteOption(WeightedVoteOption option) {
    LegacyDec weight;
    try {
      weight = LegacyDec.parse(option.getWeight());
    } catch (IbcException e) {
      return false;
    }
    return weight.isPositive()
        && !weight.gt(LegacyDec.ONE)
        && validVoteOption(option.getOptionValue());
  }

  /** {@code NewNonSplitVoteOption}: the option with weight 1. */
  public static List<WeightedVoteOption> nonSplit(VoteOption option) {
    return List.of(
        WeightedVoteOption.newBuilder()
            .setOption(option)
            .setWeight(LegacyDec.ONE.toString())
            .build());
  }

  /** {@code VoteOption.String()}: the enum name, or the number for unknown values. */
  public static String name(int option) {
    VoteOption known = VoteOption.forNumber(option);
    return known == null ? Integer.toString(option) : known.name();
  }

  /**
   * {@code WeightedVoteOptions.String()}: Go's {@code json.Marshal} of the list — options as
   * numbers, both fields {@code omitempty}, {@code "null"} for no options (a decoded empty list is
   * a nil slice in Go). Used as the {@code option} attribute of {@code proposal_vote}.
   */
  public static String json(List<WeightedVoteOption> options) {
    if (options.isEmpty()) {
      return "null";
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < options.size(); i++) {
      WeightedVoteOption o = options.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      boolean first = true;
      if (o.getOptionValue() != 0) {
        b.append("\"option\":").append(o.getOptionValue());
        first = false;
      }
      if (!o.getWeight().isEmpty()) {
        if (!first) {
          b.append(',');
        }
        b.append("\"weight\":");
        GoJson.appendString(b, o.getWeight());
      }
      b.append('}');
    }
    return b.append(']').toString();
  }

  /**
   * {@code WeightedVoteOption.String()}: gogoproto's compact text, e.g. {@code
   * option:VOTE_OPTION_YES weight:"1" }.
   */
  public static String compactText(WeightedVoteOption o) {
    return GoProtoText.compact(o);
  }
}
