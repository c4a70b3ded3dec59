package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import io.wasm08.core.events.Event;
import io.wasm08.gov.testing.GovTestChain;
import io.wasm08.gov.types.GoTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expedited proposals (default params: expedited min deposit 50000000stake, voting period 24 h,
 * threshold 0.667; regular 48 h and 0.5). One that passes the expedited threshold at 24 h is
 * executed; one that does not is converted to a regular proposal — expedited cleared, voting end
 * moved to start + 48 h, deposits kept — and tallied again with the regular threshold. As in SDK
 * v0.50, the first tally deletes the votes it counted, so the second tally counts only votes cast
 * after the conversion. Electorate: A 40, B 30, C 20, D 10.
 */
class ExpeditedProposalTest {
  static final String A = account("a");
  static final String B = account("b");
  static final String C = account("c");
  static final String D = account("d");
  static final String PROPOSER = account("proposer");
  static final long EXPEDITED_MIN_DEPOSIT = 50_000_000;

  static final VoteOption YES = VoteOption.VOTE_OPTION_YES;
  static final VoteOption NO = VoteOption.VOTE_OPTION_NO;

  /** Expected: after 24 h, and (when converted) after 48 h. */
  record Expect(ProposalStatus at24h, String event24h, ProposalStatus at48h, String yesAtEnd) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "passes the expedited threshold (70 of 70 yes > 0.667): executed at 24 h",
            Map.of(A, YES, B, YES),
            Map.of(),
            new Expect(ProposalStatus.PROPOSAL_STATUS_PASSED, "proposal_passed", null, "70")),
        Arguments.of(
            "57% yes fails 0.667, converted; re-voted 57% passes the regular 0.5 at 48 h",
            Map.of(A, YES, B, NO),
            Map.of(A, YES, B, NO),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD,
                "expedited_proposal_rejected",
                ProposalStatus.PROPOSAL_STATUS_PASSED,
                "40")),
        Arguments.of(
            "60 of 90 (0.666…) is below 0.667: converted; then 30% turnout misses quorum",
            Map.of(A, YES, C, YES, B, NO),
            Map.of(B, YES),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD,
                "expedited_proposal_rejected",
                ProposalStatus.PROPOSAL_STATUS_REJECTED,
                "30")),
        Arguments.of(
            "converted, and nobody votes again: the cleared votes leave quorum unmet",
            Map.of(A, YES, B, NO),
            Map.of(),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD,
                "expedited_proposal_rejected",
                ProposalStatus.PROPOSAL_STATUS_REJECTED,
                "0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expeditedProposalsPassOrConvert(
      String name,
      Map<String, VoteOption> firstVotes,
      Map<String, VoteOption> secondVotes,
      Expect expect) {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(A, 40)
            .voter(B, 30)
            .voter(C, 20)
            .voter(D, 10)
            .balance(PROPOSER, EXPEDITED_MIN_DEPOSIT)
            .build();
    Instant start = chain.block().time();
    long id =
        chain.submit(
            GovTestChain.proposal(PROPOSER, EXPEDITED_MIN_DEPOSIT)
                .setMetadata("m")
                .setExpedited(true)
                .build());
    Proposal submitted = chain.proposal(id);
    assertThat(submitted.getExpedited()).isTrue();
    assertThat(GoTime.instant(submitted.getVotingEndTime()))
        .isEqualTo(start.plus(Duration.ofHours(24)));
    firstVotes.forEach((v, o) -> chain.vote(id, v, o));

    List<Event> events = chain.advanceAndEndBlock(Duration.ofHours(24));
    Proposal p = chain.proposal(id);
    assertThat(p.getStatus()).isEqualTo(expect.at24h());
    assertThat(events.get(events.size() - 1).attribute("proposal_result"))
        .contains(expect.event24h());
    if (expect.at48h() == null) {
      assertThat(p.getFinalTallyResult().getYesCount()).isEqualTo(expect.yesAtEnd());
      assertThat(chain.balance(PROPOSER)).isEqualTo(EXPEDITED_MIN_DEPOSIT);
      return;
    }
    // Converted: a regular proposal ending 48 h after the voting start, deposits still escrowed.
    assertThat(p.getExpedited()).isFalse();
    assertThat(GoTime.instant(p.getVotingEndTime())).isEqualTo(start.plus(Duration.ofHours(48)));
    assertThat(events.get(events.size() - 1).attribute("proposal_log"))
        .contains("expedited proposal converted to regular");
    assertThat(chain.balance(GOV)).isEqualTo(EXPEDITED_MIN_DEPOSIT);
    assertThat(chain.keeper.store(chain.ctx()).votes(id)).isEmpty();

    secondVotes.forEach((v, o) -> chain.vote(id, v, o));
    assertThat(chain.advanceAndEndBlock(Duration.ofHours(24).minusNanos(1))).isEmpty();
    chain.advanceAndEndBlock(Duration.ofNanos(1));
    Proposal end = chain.proposal(id);
    assertThat(end.getStatus()).isEqualTo(expect.at48h());
    assertThat(end.getFinalTallyResult().getYesCount()).isEqualTo(expect.yesAtEnd());
    assertThat(chain.balance(GOV)).isZero();
    assertThat(chain.balance(PROPOSER)).isEqualTo(EXPEDITED_MIN_DEPOSIT);
  }

  @org.junit.jupiter.api.Test
  void expeditedProposalsNeedTheExpeditedMinDeposit() {
    GovTestChain chain =
        GovTestChain.builder().voter(A, 1).balance(PROPOSER, EXPEDITED_MIN_DEPOSIT).build();
    long id =
        chain.submit(
            GovTestChain.proposal(PROPOSER, 10_000_000)
                .setMetadata("m")
                .setExpedited(true)
                .build());
    // The regular min deposit does not start the expedited voting period.
    assertThat(chain.proposal(id).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD);
    chain.deposit(id, PROPOSER, EXPEDITED_MIN_DEPOSIT - 10_000_000);
    assertThat(chain.proposal(id).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
  }
}
