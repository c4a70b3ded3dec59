package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.gov.GovHooks;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gov hooks fire where SDK v0.50 calls them; a failing end-of-period hook is dropped with its
 * writes while the proposal still settles, as upstream ignores those hooks' errors.
 */
class HooksTest {
  static final String VOTER = account("voter");
  static final String PROPOSER = account("proposer");

  @Test
  void hooksFireAndFailingEndOfPeriodHooksAreDropped() {
    List<String> calls = new ArrayList<>();
    GovHooks hooks =
        new GovHooks() {
          @Override
          public void afterProposalSubmission(BlockContext ctx, long id) {
            calls.add("submission " + id);
          }

          @Override
          public void afterProposalDeposit(BlockContext ctx, long id, Bytes depositor) {
            calls.add("deposit " + id);
          }

          @Override
          public void afterProposalVote(BlockContext ctx, long id, Bytes voter) {
            calls.add("vote " + id);
          }

          @Override
          public void afterProposalFailedMinDeposit(BlockContext ctx, long id) {
            calls.add("failed min deposit " + id);
          }

          @Override
          public void afterProposalVotingPeriodEnded(BlockContext ctx, long id) {
            calls.add("voting period ended " + id);
            ctx.kvStore(GovTestChain.PROBE_STORE).set(Bytes.ofUtf8("hook"), Bytes.ofUtf8("x"));
            throw SdkErrorCode.INVALID_REQUEST.wrap("hook fails");
          }
        };
    GovTestChain chain =
        GovTestChain.builder().voter(VOTER, 1).balance(PROPOSER, 20_000_000).hooks(hooks).build();
    long voting =
        chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    long starved = chain.submit(GovTestChain.proposal(PROPOSER, 100_000).setMetadata("m").build());
    chain.vote(voting, VOTER, VoteOption.VOTE_OPTION_YES);
    chain.advanceAndEndBlock(Duration.ofHours(48));
    assertThat(calls)
        .containsExactly(
            "submission 1",
            "deposit 1",
            "submission 2",
            "deposit 2",
            "vote 1",
            "failed min deposit 2",
            "voting period ended 1");
    assertThat(chain.proposal(voting).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
    assertThat(chain.exists(starved)).isFalse();
    assertThat(chain.stores.get(GovTestChain.PROBE_STORE).size()).isZero();
  }
}
