package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Tx.MsgCancelProposal;
import cosmos.gov.v1.Tx.MsgCancelProposalResponse;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.gov.GovErrorCode;
import io.wasm08.gov.testing.GovTestChain;
import io.wasm08.gov.types.GoTime;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MsgCancelProposal (SDK v0.50): only the proposer, only while in the deposit or voting period and
 * before its voting end; of every deposit coin {@code floor(amount × proposal_cancel_ratio)} is
 * burned (or sent to {@code proposal_cancel_dest}) and the rest refunded; the proposal and its
 * votes are deleted. Charges below are worked out by hand from the amounts and ratio.
 */
class CancelProposalTest {
  static final String PROPOSER = account("proposer");
  static final String OTHER = account("other");
  static final String DEST = account("dest");
  static final String VOTER = account("voter");

  /** Where the proposal is when cancelled. */
  enum Phase {
    DEPOSIT,
    VOTING
  }

  static Stream<Arguments> cancellations() {
    return Stream.of(
        // proposer deposit, other deposit, ratio, dest, phase, proposer refund, other refund,
        // burned, sent to dest
        Arguments.of(
            1_000_000L, 1_000_000L, "0.5", "", Phase.DEPOSIT, 500_000L, 500_000L, 1_000_000L, 0L),
        Arguments.of(
            1_000_001L, 3_000_000L, "0.5", "", Phase.DEPOSIT, 500_001L, 1_500_000L, 2_000_000L, 0L),
        Arguments.of(
            1_000_000L, 1_000_000L, "0.5", DEST, Phase.DEPOSIT, 500_000L, 500_000L, 0L, 1_000_000L),
        Arguments.of(10_000_000L, 0L, "0.25", "", Phase.VOTING, 7_500_000L, 0L, 2_500_000L, 0L),
        Arguments.of(
            1_000_000L, 1_000_000L, "0", "", Phase.DEPOSIT, 1_000_000L, 1_000_000L, 0L, 0L),
        Arguments.of(1_000_000L, 1_000_000L, "1", "", Phase.DEPOSIT, 0L, 0L, 2_000_000L, 0L));
  }

  @ParameterizedTest(name = "deposits {0}+{1}, ratio {2}, dest \"{3}\", {4}")
  @MethodSource("cancellations")
  void proposerCancelsAndDepositsAreCharged(
      long proposerDeposit,
      long otherDeposit,
      String ratio,
      String dest,
      Phase phase,
      long proposerRefund,
      long otherRefund,
      long burned,
      long toDest) {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(VOTER, 1)
            .balance(PROPOSER, proposerDeposit)
            .balance(OTHER, Math.max(otherDeposit, 1))
            .params(p -> p.setProposalCancelRatio(ratio).setProposalCancelDest(dest))
            .build();
    long supply = chain.supply();
    long otherStart = chain.balance(OTHER);
    long id =
        chain.submit(GovTestChain.proposal(PROPOSER, proposerDeposit).setMetadata("m").build());
    if (otherDeposit > 0) {
      chain.deposit(id, OTHER, otherDeposit);
    }
    if (phase == Phase.VOTING) {
      chain.vote(id, VOTER, VoteOption.VOTE_OPTION_YES);
      assertThat(chain.keeper.store(chain.ctx()).votes(id)).hasSize(1);
    }
    chain.advance(Duration.ofHours(1));

    GovTestChain.Delivered delivered =
        chain.deliver(
            MsgCancelProposal.newBuilder().setProposalId(id).setProposer(PROPOSER).build());

    MsgCancelProposalResponse response = (MsgCancelProposalResponse) delivered.response();
    assertThat(response.getProposalId()).isEqualTo(id);
    assertThat(GoTime.instant(response.getCanceledTime())).isEqualTo(chain.block().time());
    assertThat(response.getCanceledHeight()).isEqualTo(chain.block().height());
    assertThat(delivered.events())
        .endsWith(
            Event.of("cancel_proposal", "sender", PROPOSER, "proposal_id", Long.toString(id)));
    assertThat(chain.exists(id)).isFalse();
    assertThat(chain.keeper.store(chain.ctx()).deposits(id)).isEmpty();
    assertThat(chain.keeper.store(chain.ctx()).votes(id)).isEmpty();
    assertThat(
            chain
                .keeper
                .store(chain.ctx())
                .inactiveUntil(chain.block().time().plus(Duration.ofDays(9))))
        .isEmpty();
    assertThat(
            chain
                .keeper
                .store(chain.ctx())
                .activeUntil(chain.block().time().plus(Duration.ofDays(9))))
        .isEmpty();
    assertThat(chain.balance(PROPOSER)).isEqualTo(proposerRefund);
    assertThat(chain.balance(OTHER)).isEqualTo(otherStart - otherDeposit + otherRefund);
    assertThat(chain.balance(DEST)).isEqualTo(toDest);
    assertThat(chain.balance(GOV)).isZero();
    assertThat(chain.supply()).isEqualTo(supply - burned);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            "someone else than the proposer",
            (Consumer<GovTestChain>) c -> {},
            MsgCancelProposal.newBuilder().setProposalId(1).setProposer(OTHER),
            GovErrorCode.INVALID_PROPOSER,
            "invalid proposer " + OTHER + ": invalid proposer"),
        Arguments.of(
            "an unknown proposal",
            (Consumer<GovTestChain>) c -> {},
            MsgCancelProposal.newBuilder().setProposalId(7).setProposer(PROPOSER),
            SdkErrorCode.INTERNAL,
            "collections: not found: key '7' of type"
                + " github.com/cosmos/gogoproto/cosmos.gov.v1.Proposal"),
        Arguments.of(
            "a proposal whose voting period ended (before the EndBlocker ran)",
            (Consumer<GovTestChain>) c -> c.advance(Duration.ofHours(48).plusNanos(1)),
            MsgCancelProposal.newBuilder().setProposalId(1).setProposer(PROPOSER),
            GovErrorCode.VOTING_PERIOD_ENDED,
            "voting period is already ended for this proposal 1: voting period already ended"),
        Arguments.of(
            "a proposal already tallied",
            (Consumer<GovTestChain>) c -> c.advanceAndEndBlock(Duration.ofHours(48)),
            MsgCancelProposal.newBuilder().setProposalId(1).setProposer(PROPOSER),
            GovErrorCode.INVALID_PROPOSAL,
            "proposal should be in the deposit or voting period: invalid proposal"),
        Arguments.of(
            "a malformed proposer address",
            (Consumer<GovTestChain>) c -> {},
            MsgCancelProposal.newBuilder().setProposalId(1).setProposer("not-an-address"),
            SdkErrorCode.INVALID_ADDRESS,
            "invalid proposer address: decoding bech32 failed: invalid separator index -1:"
                + " invalid address"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedCancellationsChangeNothing(
      String name,
      Consumer<GovTestChain> setup,
      MsgCancelProposal.Builder msg,
      ErrorCode code,
      String message) {
    GovTestChain chain =
        GovTestChain.builder().voter(VOTER, 1).balance(PROPOSER, 10_000_000).build();
    chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    setup.accept(chain);
    chain.assertRefused(msg.build(), code, message);
  }
}
