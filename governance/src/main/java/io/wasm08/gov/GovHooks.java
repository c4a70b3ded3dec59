package io.wasm08.gov;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;

/**
 * {@code types.GovHooks}: callbacks other modules register to follow proposals. The two
 * end-of-period hooks run in a branch whose failure is dropped, as upstream ignores their errors so
 * that a faulty hook cannot halt the chain.
 */
public interface GovHooks {
  GovHooks NONE = new GovHooks() {};

  default void afterProposalSubmission(BlockContext ctx, long proposalId) {}

  default void afterProposalDeposit(BlockContext ctx, long proposalId, Bytes depositor) {}

  default void afterProposalVote(BlockContext ctx, long proposalId, Bytes voter) {}

  default void afterProposalFailedMinDeposit(BlockContext ctx, long proposalId) {}

  default void afterProposalVotingPeriodEnded(BlockContext ctx, long proposalId) {}
}
