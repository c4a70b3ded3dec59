package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import io.wasm08.core.events.Event;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The voting-period outcome table: pass, reject, quorum failure, veto and all-abstain, at and
 * around the thresholds, with the x/gov v0.50 tally rules (reference §1.5): turnout {@code <}
 * quorum fails (so equal is enough), veto share {@code >} veto threshold fails, yes share {@code >}
 * threshold passes (so exactly 50 % does not). Electorate: A 40, B 30, C 20, D 10 (total 100);
 * every expected count and decision below is worked out by hand from those powers.
 */
class TallyOutcomeTest {
  static final String A = account("a");
  static final String B = account("b");
  static final String C = account("c");
  static final String D = account("d");
  static final String OUTSIDER = account("outsider");
  static final String PROPOSER = account("proposer");
  static final long MIN_DEPOSIT = 10_000_000;

  static final VoteOption YES = VoteOption.VOTE_OPTION_YES;
  static final VoteOption NO = VoteOption.VOTE_OPTION_NO;
  static final VoteOption ABSTAIN = VoteOption.VOTE_OPTION_ABSTAIN;
  static final VoteOption VETO = VoteOption.VOTE_OPTION_NO_WITH_VETO;

  /** What the tally must decide and do with the deposit. */
  record Expect(
      ProposalStatus status,
      String result,
      String yes,
      String abstain,
      String no,
      String veto,
      boolean burned) {}

  static Expect passed(String yes, String abstain, String no, String veto) {
    return new Expect(
        ProposalStatus.PROPOSAL_STATUS_PASSED, "proposal_passed", yes, abstain, no, veto, false);
  }

  static Expect rejected(String yes, String abstain, String no, String veto, boolean burned) {
    return new Expect(
        ProposalStatus.PROPOSAL_STATUS_REJECTED,
        "proposal_rejected",
        yes,
        abstain,
        no,
        veto,
        burned);
  }

  static Stream<Arguments> outcomes() {
    UnaryOperator<Params.Builder> defaults = p -> p;
    return Stream.of(
        Arguments.of(
            "pass: 40 yes of 70 voting (57%)",
            defaults, Map.of(A, YES, B, NO), passed("40", "0", "30", "0")),
        Arguments.of(
            "reject: 30 yes of 70 voting",
            defaults,
            Map.of(A, NO, B, YES),
            rejected("30", "0", "40", "0", false)),
        Arguments.of(
            "reject: exactly 50% yes does not pass (strict >)",
            defaults, Map.of(A, YES, B, NO, D, NO), rejected("40", "0", "40", "0", false)),
        Arguments.of(
            "pass: abstain does not count toward the yes share (40 of 40 non-abstaining)",
            defaults,
            Map.of(A, YES, B, ABSTAIN),
            passed("40", "30", "0", "0")),
        Arguments.of(
            "quorum fail: 30% turnout < 33.4%, deposit refunded (burn_vote_quorum=false)",
            defaults, Map.of(C, YES, D, YES), rejected("30", "0", "0", "0", false)),
        Arguments.of(
            "quorum fail burns with burn_vote_quorum=true",
            (UnaryOperator<Params.Builder>) p -> p.setBurnVoteQuorum(true),
            Map.of(C, YES, D, YES),
            rejected("30", "0", "0", "0", true)),
        Arguments.of(
            "quorum met exactly: 30% turnout with quorum 0.3 (strict <)",
            (UnaryOperator<Params.Builder>) p -> p.setQuorum("0.3"),
            Map.of(C, YES, D, YES),
            passed("30", "0", "0", "0")),
        Arguments.of(
            "quorum counts abstain: 40 abstain + 10 yes = 50% turnout, yes 10 of 10",
            defaults, Map.of(A, ABSTAIN, D, YES), passed("10", "40", "0", "0")),
        Arguments.of(
            "votes from outside the electorate weigh nothing",
            defaults,
            Map.of(OUTSIDER, YES, D, YES),
            rejected("10", "0", "0", "0", false)),
        Arguments.of(
            "veto: 40 of 90 (44%) > 33.4%, deposit burned (burn_vote_veto=true)",
            defaults, Map.of(A, VETO, B, YES, C, YES), rejected("50", "0", "0", "40", true)),
        Arguments.of(
            "veto without burn when burn_vote_veto=false",
            (UnaryOperator<Params.Builder>) p -> p.setBurnVoteVeto(false),
            Map.of(A, VETO, B, YES, C, YES),
            rejected("50", "0", "0", "40", false)),
        Arguments.of(
            "veto exactly at the threshold does not veto (strict >): 40 of 100 with 0.4",
            (UnaryOperator<Params.Builder>) p -> p.setVetoThreshold("0.4"),
            Map.of(A, VETO, B, YES, C, YES, D, YES),
            passed("60", "0", "0", "40")),
        Arguments.of(
            "veto is checked before the yes share: 60% yes but 40% veto",
            defaults,
            Map.of(A, VETO, B, YES, C, YES, D, YES),
            rejected("60", "0", "0", "40", true)),
        Arguments.of(
            "all abstain: rejected, nothing burned",
            defaults,
            Map.of(A, ABSTAIN, B, ABSTAIN),
            rejected("0", "70", "0", "0", false)),
        Arguments.of(
            "no votes at all: quorum fails",
            defaults,
            Map.of(),
            rejected("0", "0", "0", "0", false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void tallyDecidesAsUpstream(
      String name,
      UnaryOperator<Params.Builder> params,
      Map<String, VoteOption> votes,
      Expect expect) {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(A, 40)
            .voter(B, 30)
            .voter(C, 20)
            .voter(D, 10)
            .balance(PROPOSER, MIN_DEPOSIT)
            .balance(OUTSIDER, 1)
            .params(params)
            .build();
    long supplyBefore = chain.supply();
    long id = chain.submit(GovTestChain.proposal(PROPOSER, MIN_DEPOSIT).setMetadata("m").build());
    assertThat(chain.proposal(id).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    assertThat(chain.balance(GOV)).isEqualTo(MIN_DEPOSIT);
    votes.forEach((voter, option) -> chain.vote(id, voter, option));

    // One nanosecond before the end of the voting period nothing happens.
    List<Event> early = chain.advanceAndEndBlock(Duration.ofHours(48).minusNanos(1));
    assertThat(early).isEmpty();
    assertThat(chain.proposal(id).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);

    List<Event> events = chain.advanceAndEndBlock(Duration.ofNanos(1));
    Proposal p = chain.proposal(id);
    assertThat(p.getStatus()).isEqualTo(expect.status());
    assertThat(p.getFinalTallyResult().getYesCount()).isEqualTo(expect.yes());
    assertThat(p.getFinalTallyResult().getAbstainCount()).isEqualTo(expect.abstain());
    assertThat(p.getFinalTallyResult().getNoCount()).isEqualTo(expect.no());
    assertThat(p.getFinalTallyResult().getNoWithVetoCount()).isEqualTo(expect.veto());
    assertThat(p.getFailedReason())
        .isEqualTo(
            expect.status() == ProposalStatus.PROPOSAL_STATUS_REJECTED
                ? "proposal did not get enough votes to pass"
                : "");
    Event active = events.get(events.size() - 1);
    assertThat(active)
        .isEqualTo(
            Event.of(
                "active_proposal",
                "proposal_id",
                Long.toString(id),
                "proposal_result",
                expect.result(),
                "proposal_log",
                expect.status() == ProposalStatus.PROPOSAL_STATUS_PASSED ? "passed" : "rejected"));
    // The votes are gone once counted.
    assertThat(chain.keeper.store(chain.ctx()).votes(id)).isEmpty();
    // Deposits are settled either way: burned, or back to the proposer.
    assertThat(chain.balance(GOV)).isZero();
    assertThat(chain.keeper.store(chain.ctx()).deposits(id)).isEmpty();
    if (expect.burned()) {
      assertThat(chain.balance(PROPOSER)).isZero();
      assertThat(chain.supply()).isEqualTo(supplyBefore - MIN_DEPOSIT);
      assertThat(events).contains(Event.of("burn", "burner", GOV, "amount", "10000000stake"));
    } else {
      assertThat(chain.balance(PROPOSER)).isEqualTo(MIN_DEPOSIT);
      assertThat(chain.supply()).isEqualTo(supplyBefore);
    }
  }
}
