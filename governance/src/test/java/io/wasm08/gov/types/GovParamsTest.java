package io.wasm08.gov.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cosmos.gov.v1.Gov.Params;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.bank.Coin;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * x/gov v1 Params: the defaults of the reference table (gov-grpc-tx.md §1.4, from SDK v0.50 {@code
 * params.go}) and {@code Params.ValidateBasic}'s checks, in order, with v0.50.5's texts.
 */
class GovParamsTest {

  @Test
  void defaultsAreTheSdkDefaults() {
    Params p = GovParams.defaults();
    assertThat(p.getMinDepositList()).containsExactly(Coin.of("stake", 10_000_000).toProto());
    assertThat(p.getMaxDepositPeriod().getSeconds()).isEqualTo(48 * 3600);
    assertThat(p.getVotingPeriod().getSeconds()).isEqualTo(48 * 3600);
    assertThat(p.getQuorum()).isEqualTo("0.334000000000000000");
    assertThat(p.getThreshold()).isEqualTo("0.500000000000000000");
    assertThat(p.getVetoThreshold()).isEqualTo("0.334000000000000000");
    assertThat(p.getMinInitialDepositRatio()).isEqualTo("0.000000000000000000");
    assertThat(p.getProposalCancelRatio()).isEqualTo("0.500000000000000000");
    assertThat(p.getProposalCancelDest()).isEmpty();
    assertThat(p.getExpeditedVotingPeriod().getSeconds()).isEqualTo(24 * 3600);
    assertThat(p.getExpeditedThreshold()).isEqualTo("0.667000000000000000");
    assertThat(p.getExpeditedMinDepositList())
        .containsExactly(Coin.of("stake", 50_000_000).toProto());
    assertThat(p.getBurnVoteQuorum()).isFalse();
    assertThat(p.getBurnProposalDepositPrevote()).isFalse();
    assertThat(p.getBurnVoteVeto()).isTrue();
    assertThat(p.getMinDepositRatio()).isEqualTo("0.010000000000000000");
    GovParams.validateBasic(p, "cosmos");
  }

  static Params.Builder d() {
    return GovParams.defaults().toBuilder();
  }

  static com.google.protobuf.Duration hours(long h) {
    return GoTime.durationProto(Duration.ofHours(h).toNanos());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.clearMinDeposit(), "invalid minimum deposit: "),
        Arguments.of(
            (UnaryOperator<Params.Builder>)
                p -> p.clearMinDeposit().addMinDeposit(Coin.of("stake", -100).toProto()),
            "invalid minimum deposit: -100stake"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.clearExpeditedMinDeposit(),
            "invalid expedited minimum deposit: "),
        Arguments.of(
            (UnaryOperator<Params.Builder>)
                p ->
                    p.clearExpeditedMinDeposit()
                        .addExpeditedMinDeposit(Coin.of("stake", 10_000_000).toProto()),
            "expedited minimum deposit must be greater than minimum deposit: 10000000stake"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.clearMaxDepositPeriod(),
            "maximum deposit period must not be nil: 0"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setMaxDepositPeriod(hours(0)),
            "maximum deposit period must be positive: 0"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setQuorum(""),
            "invalid quorum string: decimal string cannot be empty"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setQuorum("-0.1"),
            "quorom cannot be negative: -0.100000000000000000"),
        Arguments.of((UnaryOperator<Params.Builder>) p -> p.setQuorum("2"), "quorom too large: 2"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setThreshold("0"),
            "vote threshold must be positive: 0.000000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setThreshold("2"),
            "vote threshold too large: 2.000000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setExpeditedThreshold("1.1"),
            "expedited vote threshold too large: 1.100000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setExpeditedThreshold("0.5"),
            "expedited vote threshold 0.500000000000000000, must be greater than the regular"
                + " threshold 0.500000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setVetoThreshold("0"),
            "veto threshold must be positive: 0.000000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setVetoThreshold("2"),
            "veto threshold too large: 2.000000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.clearVotingPeriod(),
            "voting period must not be nil: 0"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setVotingPeriod(hours(-1)),
            "voting period must be positive: -1h0m0s"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.clearExpeditedVotingPeriod(),
            "expedited voting period must not be nil: 0"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setExpeditedVotingPeriod(hours(0)),
            "expedited voting period must be positive: 0s"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setExpeditedVotingPeriod(hours(49)),
            "expedited voting period 49h0m0s must be strictly less that the regular voting period"
                + " 48h0m0s"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setMinInitialDepositRatio("-1"),
            "mininum initial deposit ratio of proposal must be positive: -1.000000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setMinInitialDepositRatio("1.01"),
            "mininum initial deposit ratio of proposal is too large: 1.010000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setProposalCancelRatio("x"),
            "invalid burn rate of cancel proposal: failed to set decimal string with base 10:"
                + " x000000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setProposalCancelRatio("1.5"),
            "burn rate of cancel proposal is too large: 1.500000000000000000"),
        Arguments.of(
            (UnaryOperator<Params.Builder>) p -> p.setProposalCancelDest("cosmos1invalid"),
            "deposits destination address is invalid: cosmos1invalid"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void validateBasicRejectsWithUpstreamTexts(UnaryOperator<Params.Builder> change, String message) {
    Params p = change.apply(d()).build();
    assertThatThrownBy(() -> GovParams.validateBasic(p, "cosmos"))
        .isInstanceOf(IbcException.class)
        .hasMessage(message);
  }

  @Test
  void minDepositRatioIsNotValidatedInV050() {
    // Upstream (v0.50.5) never checks min_deposit_ratio; a bad one only shows up in AddDeposit.
    GovParams.validateBasic(d().setMinDepositRatio("").build(), "cosmos");
  }
}
