package io.wasm08.gov;

import io.wasm08.common.Bytes;
import io.wasm08.gov.keeper.GovContext;

/**
 * {@code types.GovHooks}: callbacks other modules register to follow proposals. The two
 * end-of-period hooks run in a branch whose failure is dropped, as upstream ignores their errors so
 * that a faulty hook cannot halt the chain.
 */
public interface GovHooks {
  GovHooks NONE = new GovHooks() {};

  default void afterProposalSubmission(GovContext ctx, long proposalId) {}

  default void afterProposalDeposit(GovContext ctx, long proposalId, Bytes depositor) {}

  default void afterProposalVote(GovContext ctx, long proposalId, Bytes voter) {}

  default void afterProposalFailedMinDeposit(GovContext ctx, long proposalId) {}

  default void afterProposalVotingPeriodEnded(GovContext ctx, long proposalId) {}
}
