package io.wasm08.gov.types;

import cosmos.gov.v1.Gov.Params;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.bank.Coin;
import io.wasm08.gov.bank.Coins;
import io.wasm08.gov.math.LegacyDec;
import io.wasm08.gov.math.SdkInt;

/** x/gov v1 {@code Params}: SDK v0.50 defaults and {@code Params.ValidateBasic}. */
public final class GovParams {
  private GovParams() {}

  /** {@code DefaultPeriod}: 48 hours. */
  public static final long DEFAULT_PERIOD_NANOS = 48L * 3600 * 1_000_000_000L;

  /** {@code DefaultExpeditedPeriod}: 24 hours. */
  public static final long DEFAULT_EXPEDITED_PERIOD_NANOS = 24L * 3600 * 1_000_000_000L;

  /** {@code DefaultMinDepositTokens}. */
  public static final SdkInt DEFAULT_MIN_DEPOSIT_TOKENS = SdkInt.of(10_000_000);

  /** {@code DefaultMinExpeditedDepositTokensRatio}. */
  public static final int DEFAULT_MIN_EXPEDITED_DEPOSIT_TOKENS_RATIO = 5;

  /** {@code sdk.DefaultBondDenom}. */
  public static final String DEFAULT_BOND_DENOM = "stake";

  /** {@code DefaultParams()} with the SDK's default bond denom. */
  public static Params defaults() {
    return defaults(DEFAULT_BOND_DENOM);
  }

  /** {@code DefaultParams()} with {@code denom} in place of the bond denom. */
  public static Params defaults(String denom) {
    return Params.newBuilder()
        .addMinDeposit(Coin.newCoin(denom, DEFAULT_MIN_DEPOSIT_TOKENS).toProto())
        .addExpeditedMinDeposit(
            Coin.newCoin(
                    denom,
                    SdkInt.of(
                        DEFAULT_MIN_DEPOSIT_TOKENS.value().longValueExact()
                            * DEFAULT_MIN_EXPEDITED_DEPOSIT_TOKENS_RATIO))
                .toProto())
        .setMaxDepositPeriod(GoTime.durationProto(DEFAULT_PERIOD_NANOS))
        .setVotingPeriod(GoTime.durationProto(DEFAULT_PERIOD_NANOS))
        .setExpeditedVotingPeriod(GoTime.durationProto(DEFAULT_EXPEDITED_PERIOD_NANOS))
        .setQuorum(LegacyDec.withPrec(334, 3).toString())
        .setThreshold(LegacyDec.withPrec(5, 1).toString())
        .setExpeditedThreshold(LegacyDec.withPrec(667, 3).toString())
        .setVetoThreshold(LegacyDec.withPrec(334, 3).toString())
        .setMinInitialDepositRatio(LegacyDec.ZERO.toString())
        .setProposalCancelRatio(LegacyDec.parse("0.5").toString())
        .setProposalCancelDest("")
        .setBurnProposalDepositPrevote(false)
        .setBurnVoteQuorum(false)
        .setBurnVoteVeto(true)
        .setMinDepositRatio(LegacyDec.parse("0.01").toString())
        .build();
  }

  /**
   * {@code Params.ValidateBasic} of SDK v0.50.5, in upstream's order and with its plain-error texts
   * (typos included). {@code bech32Prefix} checks {@code proposal_cancel_dest}.
   *
   * <p>Two upstream renderings cannot be reproduced: a non-positive max deposit period is printed
   * by Go as a pointer address ({@code %d} of a {@code *time.Duration}); here the nanoseconds are
   * printed. {@code min_deposit_ratio} is not validated, as upstream does not validate it.
   */
  public static void validateBasic(Params p, String bech32Prefix) {
    Coins minDeposit = Coins.fromProto(p.getMinDepositList());
    if (minDeposit.isEmpty() || !minDeposit.isValid()) {
      throw IbcException.plainf("invalid minimum deposit: %s", minDeposit);
    }
    Coins expeditedMinDeposit = Coins.fromProto(p.getExpeditedMinDepositList());
    if (expeditedMinDeposit.isEmpty() || !expeditedMinDeposit.isValid()) {
      throw IbcException.plainf("invalid expedited minimum deposit: %s", expeditedMinDeposit);
    } else if (expeditedMinDeposit.isAllLte(minDeposit)) {
      throw IbcException.plainf(
          "expedited minimum deposit must be greater than minimum deposit: %s",
          expeditedMinDeposit);
    }

    if (!p.hasMaxDepositPeriod()) {
      // Go prints a nil *time.Duration with %d as 0.
      throw IbcException.plain("maximum deposit period must not be nil: 0");
    }
    long maxDepositPeriod = GoTime.durationNanos(p.getMaxDepositPeriod());
    if (maxDepositPeriod <= 0) {
      throw IbcException.plainf("maximum deposit period must be positive: %d", maxDepositPeriod);
    }

    LegacyDec quorum = parse(p.getQuorum(), "invalid quorum string: %s");
    if (quorum.isNegative()) {
      throw IbcException.plainf("quorom cannot be negative: %s", quorum);
    }
    if (quorum.gt(LegacyDec.ONE)) {
      throw IbcException.plainf("quorom too large: %s", p.getQuorum());
    }

    LegacyDec threshold = parse(p.getThreshold(), "invalid threshold string: %s");
    if (!threshold.isPositive()) {
      throw IbcException.plainf("vote threshold must be positive: %s", threshold);
    }
    if (threshold.gt(LegacyDec.ONE)) {
      throw IbcException.plainf("vote threshold too large: %s", threshold);
    }

    LegacyDec expeditedThreshold =
        parse(p.getExpeditedThreshold(), "invalid expedited threshold string: %s");
    if (!expeditedThreshold.isPositive()) {
      throw IbcException.plainf(
          "expedited vote threshold must be positive: %s", expeditedThreshold);
    }
    if (expeditedThreshold.gt(LegacyDec.ONE)) {
      throw IbcException.plainf("expedited vote threshold too large: %s", expeditedThreshold);
    }
    if (expeditedThreshold.lte(threshold)) {
      throw IbcException.plainf(
          "expedited vote threshold %s, must be greater than the regular threshold %s",
          expeditedThreshold, threshold);
    }

    LegacyDec vetoThreshold = parse(p.getVetoThreshold(), "invalid vetoThreshold string: %s");
    if (!vetoThreshold.isPositive()) {
      throw IbcException.plainf("veto threshold must be positive: %s", vetoThreshold);
    }
    if (vetoThreshold.gt(LegacyDec.ONE)) {
      throw IbcException.plainf("veto threshold too large: %s", vetoThreshold);
    }

    if (!p.hasVotingPeriod()) {
      throw IbcException.plain("voting period must not be nil: 0");
    }
    long votingPeriod = GoTime.durationNanos(p.getVotingPeriod());
    if (votingPeriod <= 0) {
      throw IbcException.plainf(
          "voting period must be positive: %s", GoTime.durationString(votingPeriod));
    }

    if (!p.hasExpeditedVotingPeriod()) {
      throw IbcException.plain("expedited voting period must not be nil: 0");
    }
    long expeditedVotingPeriod = GoTime.durationNanos(p.getExpeditedVotingPeriod());
    if (expeditedVotingPeriod <= 0) {
      throw IbcException.plainf(
          "expedited voting period must be positive: %s",
          GoTime.durationString(expeditedVotingPeriod));
    }
    if (GoTime.seconds(expeditedVotingPeriod) >= GoTime.seconds(votingPeriod)) {
      throw IbcException.plainf(
          "expedited voting period %s must be strictly less that the regular voting period %s",
          GoTime.durationString(expeditedVotingPeriod), GoTime.durationString(votingPeriod));
    }

    LegacyDec minInitialDepositRatio =
        parse(
            p.getMinInitialDepositRatio(), "invalid mininum initial deposit ratio of proposal: %s");
    if (minInitialDepositRatio.isNegative()) {
      throw IbcException.plainf(
          "mininum initial deposit ratio of proposal must be positive: %s", minInitialDepositRatio);
    }
    if (minInitialDepositRatio.gt(LegacyDec.ONE)) {
      throw IbcException.plainf(
          "mininum initial deposit ratio of proposal is too large: %s", minInitialDepositRatio);
    }

    LegacyDec proposalCancelRate =
        parse(p.getProposalCancelRatio(), "invalid burn rate of cancel proposal: %s");
    if (proposalCancelRate.isNegative()) {
      throw IbcException.plainf(
          "burn rate of cancel proposal must be positive: %s", proposalCancelRate);
    }
    if (proposalCancelRate.gt(LegacyDec.ONE)) {
      throw IbcException.plainf(
          "burn rate of cancel proposal is too large: %s", proposalCancelRate);
    }

    if (!p.getProposalCancelDest().isEmpty()) {
      try {
        AccAddress.fromBech32(p.getProposalCancelDest(), bech32Prefix);
      } catch (io.wasm08.common.Wasm08Exception e) {
        throw IbcException.plainf(
            "deposits destination address is invalid: %s", p.getProposalCancelDest());
      }
    }
  }

  /** Parses a Dec field, wrapping a parse failure as upstream's {@code fmt.Errorf("...%w")}. */
  private static LegacyDec parse(String text, String format) {
    try {
      return LegacyDec.parse(text);
    } catch (IbcException e) {
      throw IbcException.plainf(format, e.getMessage());
    }
  }

  /** The min deposit that activates voting: the expedited one for expedited proposals. */
  public static Coins minDeposit(Params p, boolean expedited) {
    return Coins.fromProto(expedited ? p.getExpeditedMinDepositList() : p.getMinDepositList());
  }
}
