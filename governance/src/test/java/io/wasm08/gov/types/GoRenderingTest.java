package io.wasm08.gov.types;

import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.Deposit;
import cosmos.gov.v1.Gov.Vote;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Gov.WeightedVoteOption;
import io.wasm08.gov.bank.Coin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How Go renders gov values into error texts and events: gogoproto's compact text ({@code %v} of a
 * message; the upstream genesis test texts {@code proposal_id:1 voter:"voter" } pin the format) and
 * {@code json.Marshal} of weighted options (options as numbers, {@code omitempty}).
 */
class GoRenderingTest {
  @Test
  void compactText() {
    assertThat(GoProtoText.compact(Vote.newBuilder().setProposalId(1).setVoter("voter").build()))
        .isEqualTo("proposal_id:1 voter:\"voter\" ");
    assertThat(
            GoProtoText.compact(
                Deposit.newBuilder()
                    .setProposalId(2)
                    .setDepositor("d")
                    .addAmount(Coin.of("stake", 5).toProto())
                    .build()))
        .isEqualTo("proposal_id:2 depositor:\"d\" amount:<denom:\"stake\" amount:\"5\" > ");
    assertThat(
            GoProtoText.compact(
                Vote.newBuilder()
                    .setProposalId(3)
                    .addOptions(
                        WeightedVoteOption.newBuilder()
                            .setOption(VoteOption.VOTE_OPTION_ABSTAIN)
                            .setWeight("1"))
                    .setMetadata("a\"b\n\u00e9")
                    .build()))
        .isEqualTo(
            "proposal_id:3 options:<option:VOTE_OPTION_ABSTAIN weight:\"1\" >"
                + " metadata:\"a\\\"b\\n\\303\\251\" ");
    assertThat(GoProtoText.compact(WeightedVoteOption.getDefaultInstance())).isEmpty();
  }

  @Test
  void weightedOptionsAsJson() {
    assertThat(VoteOptions.json(List.of())).isEqualTo("null");
    assertThat(VoteOptions.json(VoteOptions.nonSplit(VoteOption.VOTE_OPTION_YES)))
        .isEqualTo("[{\"option\":1,\"weight\":\"1.000000000000000000\"}]");
    assertThat(
            VoteOptions.json(
                List.of(
                    WeightedVoteOption.newBuilder().setWeight("<&>").build(),
                    WeightedVoteOption.newBuilder().setOption(VoteOption.VOTE_OPTION_NO).build())))
        .isEqualTo("[{\"weight\":\"\\u003c\\u0026\\u003e\"},{\"option\":3}]");
  }
}
