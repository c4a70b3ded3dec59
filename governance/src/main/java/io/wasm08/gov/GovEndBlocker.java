package io.wasm08.gov;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.core.msg.MsgRouter;
import io.wasm08.gov.keeper.GovStore;
import io.wasm08.gov.keeper.Tally;
import io.wasm08.gov.types.GoProtoText;
import io.wasm08.gov.types.GoTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * x/gov's {@code EndBlocker} (SDK v0.50): after a block's transactions, drops the proposals whose
 * deposit period ended without the min deposit (refunding or burning their deposits), then tallies
 * the proposals whose voting period ended. A passed proposal's messages run in order through the
 * Msg router in one branch of the block's state: all are written, or — on the first failure —
 * nothing, and the proposal is {@code FAILED} with the error as {@code failed_reason}. An expedited
 * proposal that does not pass becomes a regular one and is tallied again at the end of the regular
 * voting period. Block time comes from the context only.
 */
public final class GovEndBlocker {
  private final GovKeeper keeper;

  public GovEndBlocker(GovKeeper keeper) {
    this.keeper = java.util.Objects.requireNonNull(keeper, "keeper");
  }

  public void endBlock(BlockContext ctx) {
    GovStore store = keeper.store(ctx);
    Instant now = ctx.blockTime();
    for (GovStore.QueueEntry entry : store.inactiveUntil(now)) {
      dropInactive(ctx, store, entry.proposalId());
    }
    for (GovStore.QueueEntry entry : store.activeUntil(now)) {
      tallyActive(ctx, store, entry.proposalId());
    }
  }

  private void dropInactive(BlockContext ctx, GovStore store, long id) {
    Proposal proposal = store.getProposal(id);
    store.deleteProposal(id);
    Params params = store.params();
    if (!params.getBurnProposalDepositPrevote()) {
      keeper.refundAndDeleteDeposits(ctx, id);
    } else {
      keeper.deleteAndBurnDeposits(ctx, id);
    }
    runHook(ctx, c -> keeper.hooks().afterProposalFailedMinDeposit(c, proposal.getId()));
    ctx.eventManager()
        .emit(
            Event.of(
                GovEvents.TYPE_INACTIVE_PROPOSAL,
                GovEvents.KEY_PROPOSAL_ID,
                Long.toUnsignedString(id),
                GovEvents.KEY_PROPOSAL_RESULT,
                GovEvents.VALUE_PROPOSAL_DROPPED));
  }

  private void tallyActive(BlockContext ctx, GovStore store, long id) {
    Proposal proposal = store.getProposal(id);
    Tally tally = keeper.tally(ctx, proposal);
    // Upstream's Tally deletes the votes it counts.
    keeper.deleteVotes(ctx, id);

    // An expedited proposal that fails is converted, its deposits stay.
    if (!(proposal.getExpedited() && !tally.passes())) {
      if (tally.burnDeposits()) {
        keeper.deleteAndBurnDeposits(ctx, id);
      } else {
        keeper.refundAndDeleteDeposits(ctx, id);
      }
    }
    store.removeActive(GoTime.instant(proposal.getVotingEndTime()), id);

    Proposal.Builder updated = proposal.toBuilder();
    String result;
    String log;
    if (tally.passes()) {
      Outcome outcome = execute(ctx, proposal);
      updated.setStatus(outcome.status());
      if (outcome.failedReason() != null) {
        updated.setFailedReason(outcome.failedReason());
      }
      result = outcome.result();
      log = outcome.log();
    } else if (proposal.getExpedited()) {
      Params params = store.params();
      Instant end =
          GoTime.plus(
              GoTime.instant(proposal.getVotingStartTime()),
              GoTime.durationNanos(params.getVotingPeriod()));
      updated.setExpedited(false).setVotingEndTime(GoTime.timestamp(end));
      store.insertActive(end, id);
      result = GovEvents.VALUE_EXPEDITED_PROPOSAL_REJECTED;
      log = "expedited proposal converted to regular";
    } else {
      updated
          .setStatus(ProposalStatus.PROPOSAL_STATUS_REJECTED)
          .setFailedReason("proposal did not get enough votes to pass");
      result = GovEvents.VALUE_PROPOSAL_REJECTED;
      log = "rejected";
    }
    updated.setFinalTallyResult(tally.result());
    store.setProposal(updated.build());
    runHook(ctx, c -> keeper.hooks().afterProposalVotingPeriodEnded(c, id));
    ctx.eventManager()
        .emit(
            Event.of(
                GovEvents.TYPE_ACTIVE_PROPOSAL,
                GovEvents.KEY_PROPOSAL_ID,
                Long.toUnsignedString(id),
                GovEvents.KEY_PROPOSAL_RESULT,
                result,
                GovEvents.KEY_PROPOSAL_LOG,
                log));
  }

  /** What executing a passed proposal did. */
  private record Outcome(ProposalStatus status, String failedReason, String result, String log) {}

  /**
   * Runs the messages in one branch; writes it (and forwards the messages' events) only when every
   * message succeeded.
   */
  private Outcome execute(BlockContext ctx, Proposal proposal) {
    BlockContext.Branch branch = ctx.cacheContext();
    List<Message> messages;
    try {
      messages = keeper.proposalMessages(proposal);
    } catch (Wasm08Exception e) {
      return new Outcome(
          ProposalStatus.PROPOSAL_STATUS_FAILED,
          e.getMessage(),
          GovEvents.VALUE_PROPOSAL_FAILED,
          "passed proposal (" + proposal.getId() + ") failed to execute; msgs: " + e.getMessage());
    }
    MsgRouter router = keeper.router();
    for (int idx = 0; idx < messages.size(); idx++) {
      Message msg = messages.get(idx);
      String typeUrl = AnyCodec.typeUrl(msg);
      String error = safeExecute(branch.context(), router, typeUrl, msg, proposal.getMessages(idx));
      if (error != null) {
        return new Outcome(
            ProposalStatus.PROPOSAL_STATUS_FAILED,
            error,
            GovEvents.VALUE_PROPOSAL_FAILED,
            String.format("passed, but msg %d (%s) failed on execution: %s", idx, typeUrl, error));
      }
    }
    branch.write(ctx);
    return new Outcome(
        ProposalStatus.PROPOSAL_STATUS_PASSED, null, GovEvents.VALUE_PROPOSAL_PASSED, "passed");
  }

  /**
   * {@code safeExecuteHandler}: the handler's error text, or null on success. A handler that fails
   * with anything but a project error has "panicked"; the proposal fails with upstream's text
   * instead of halting the chain.
   */
  private static String safeExecute(
      BlockContext ctx, MsgRouter router, String typeUrl, Message msg, Any packed) {
    MsgRoute<?> route = router.route(typeUrl).orElse(null);
    if (route == null) {
      // Routable at submit time but not now (the router changed): upstream calls a nil handler,
      // which panics.
      return String.format(
          "handling x/gov proposal msg [%s] PANICKED: %s",
          GoProtoText.compact(msg), "no handler for " + typeUrl);
    }
    try {
      // As baseapp's router handler: ValidateBasic, then the handler.
      router.validateBasic(msg);
      route.handle(ctx, packed);
      return null;
    } catch (Wasm08Exception e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      return String.format(
          "handling x/gov proposal msg [%s] PANICKED: %s", GoProtoText.compact(msg), e);
    }
  }

  /** Runs a hook in a branch; a failing hook is dropped, as upstream ignores its error. */
  private static void runHook(BlockContext ctx, Consumer<BlockContext> hook) {
    BlockContext.Branch branch = ctx.cacheContext();
    try {
      hook.accept(branch.context());
    } catch (Wasm08Exception e) {
      return;
    }
    branch.write(ctx);
  }
}
