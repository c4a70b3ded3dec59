package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.Vote;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Gov.WeightedVoteOption;
import cosmos.gov.v1.Tx.MsgVote;
import cosmos.gov.v1.Tx.MsgVoteWeighted;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.gov.GovErrorCode;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weighted votes (SDK v0.50 {@code Msg/VoteWeighted}): valid distinct options with weights in (0,
 * 1] summing to exactly 1; each voter's power is split by weight in the tally (power × weight,
 * rounded to 18 decimals, counts truncated). Electorate: A 40, B 30, C 30.
 */
class WeightedVoteTest {
  static final String A = account("a");
  static final String B = account("b");
  static final String C = account("c");
  static final String PROPOSER = account("proposer");

  static WeightedVoteOption opt(VoteOption o, String weight) {
    return WeightedVoteOption.newBuilder().setOption(o).setWeight(weight).build();
  }

  static final VoteOption YES = VoteOption.VOTE_OPTION_YES;
  static final VoteOption NO = VoteOption.VOTE_OPTION_NO;
  static final VoteOption ABSTAIN = VoteOption.VOTE_OPTION_ABSTAIN;
  static final VoteOption VETO = VoteOption.VOTE_OPTION_NO_WITH_VETO;

  static Stream<Arguments> tallies() {
    return Stream.of(
        // A: 0.6 yes / 0.4 no = 24 / 16; B: 30 yes; C: 30 × 0.333333333333333333 =
        // 9.99999999999999999 yes and no, 30 × 0.333333333333333334 = 10.00000000000000002
        // abstain. Truncated: yes 63.99…→63, no 25.99…→25, abstain 10.
        Arguments.of(
            Map.of(
                A, List.of(opt(YES, "0.6"), opt(NO, "0.4")),
                B, List.of(opt(YES, "1")),
                C,
                    List.of(
                        opt(YES, "0.333333333333333333"),
                        opt(NO, "0.333333333333333333"),
                        opt(ABSTAIN, "0.333333333333333334"))),
            "63",
            "10",
            "25",
            "0",
            ProposalStatus.PROPOSAL_STATUS_PASSED),
        // A half veto (20 of 100 voting = 0.2, below 0.334); yes 20+30 = 50 of 100: not > 0.5.
        Arguments.of(
            Map.of(
                A, List.of(opt(YES, "0.5"), opt(VETO, "0.5")),
                B, List.of(opt(YES, "1")),
                C, List.of(opt(NO, "1"))),
            "50",
            "0",
            "30",
            "20",
            ProposalStatus.PROPOSAL_STATUS_REJECTED));
  }

  @ParameterizedTest(name = "yes {1}, abstain {2}, no {3}, veto {4}")
  @MethodSource("tallies")
  void weightsSplitPower(
      Map<String, List<WeightedVoteOption>> votes,
      String yes,
      String abstain,
      String no,
      String veto,
      ProposalStatus status) {
    GovTestChain chain = chain();
    long id = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    votes.forEach(
        (voter, options) ->
            chain.deliver(
                MsgVoteWeighted.newBuilder()
                    .setProposalId(id)
                    .setVoter(voter)
                    .addAllOptions(options)
                    .build()));
    chain.advanceAndEndBlock(Duration.ofHours(48));
    var p = chain.proposal(id);
    assertThat(p.getFinalTallyResult().getYesCount()).isEqualTo(yes);
    assertThat(p.getFinalTallyResult().getAbstainCount()).isEqualTo(abstain);
    assertThat(p.getFinalTallyResult().getNoCount()).isEqualTo(no);
    assertThat(p.getFinalTallyResult().getNoWithVetoCount()).isEqualTo(veto);
    assertThat(p.getStatus()).isEqualTo(status);
  }

  @org.junit.jupiter.api.Test
  void aLaterVoteReplacesTheEarlierOneAndEventsRenderOptionsAsJson() {
    GovTestChain chain = chain();
    long id = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    chain.vote(id, A, NO);
    GovTestChain.Delivered d =
        chain.deliver(
            MsgVoteWeighted.newBuilder()
                .setProposalId(id)
                .setVoter(A)
                .addOptions(opt(YES, "0.7"))
                .addOptions(opt(ABSTAIN, "0.3"))
                .setMetadata("why")
                .build());
    assertThat(d.events())
        .containsExactly(
            Event.of(
                "proposal_vote",
                "voter",
                A,
                "option",
                "[{\"option\":1,\"weight\":\"0.7\"},{\"option\":2,\"weight\":\"0.3\"}]",
                "proposal_id",
                Long.toString(id)));
    Vote stored = chain.keeper.store(chain.ctx()).vote(id, chain.bytes(A)).orElseThrow();
    assertThat(stored.getOptionsList()).containsExactly(opt(YES, "0.7"), opt(ABSTAIN, "0.3"));
    assertThat(stored.getMetadata()).isEqualTo("why");
    GovTestChain.Delivered plain =
        chain.deliver(MsgVote.newBuilder().setProposalId(id).setVoter(B).setOption(VETO).build());
    assertThat(plain.events().get(0).attribute("option"))
        .contains("[{\"option\":4,\"weight\":\"1.000000000000000000\"}]");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "no options", List.of(), SdkErrorCode.INVALID_REQUEST, "null: invalid request"),
        Arguments.of(
            "weights summing above 1",
            List.of(opt(YES, "0.6"), opt(NO, "0.5")),
            GovErrorCode.INVALID_VOTE,
            "total weight overflow 1.00: invalid vote option"),
        Arguments.of(
            "weights summing below 1",
            List.of(opt(YES, "0.5"), opt(NO, "0.4")),
            GovErrorCode.INVALID_VOTE,
            "total weight lower than 1.00: invalid vote option"),
        Arguments.of(
            "a duplicated option",
            List.of(opt(YES, "0.5"), opt(YES, "0.5")),
            GovErrorCode.INVALID_VOTE,
            "duplicated vote option: invalid vote option"),
        Arguments.of(
            "a zero weight",
            List.of(opt(YES, "1"), opt(NO, "0")),
            GovErrorCode.INVALID_VOTE,
            "option:VOTE_OPTION_NO weight:\"0\" : invalid vote option"),
        Arguments.of(
            "a weight above 1",
            List.of(opt(YES, "1.5")),
            GovErrorCode.INVALID_VOTE,
            "option:VOTE_OPTION_YES weight:\"1.5\" : invalid vote option"),
        Arguments.of(
            "an unparsable weight",
            List.of(opt(YES, "½")),
            GovErrorCode.INVALID_VOTE,
            "option:VOTE_OPTION_YES weight:\"\\302\\275\" : invalid vote option"),
        Arguments.of(
            "the unspecified option",
            List.of(opt(VoteOption.VOTE_OPTION_UNSPECIFIED, "1")),
            GovErrorCode.INVALID_VOTE,
            "weight:\"1\" : invalid vote option"),
        Arguments.of(
            "an option number Go's enum does not know",
            List.of(WeightedVoteOption.newBuilder().setOptionValue(9).setWeight("1").build()),
            GovErrorCode.INVALID_VOTE,
            "option:9 weight:\"1\" : invalid vote option"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidWeightedVotesAreRejected(
      String name, List<WeightedVoteOption> options, ErrorCode code, String message) {
    GovTestChain chain = chain();
    long id = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    chain.assertRefused(
        MsgVoteWeighted.newBuilder().setProposalId(id).setVoter(A).addAllOptions(options).build(),
        code,
        message);
  }

  static Stream<Arguments> invalidPlainVotes() {
    return Stream.of(
        Arguments.of(
            "the unspecified option",
            MsgVote.newBuilder().setProposalId(1).setVoter(A),
            GovErrorCode.INVALID_VOTE,
            "VOTE_OPTION_UNSPECIFIED: invalid vote option"),
        Arguments.of(
            "a proposal not in its voting period",
            MsgVote.newBuilder().setProposalId(2).setVoter(A).setOption(YES),
            GovErrorCode.INACTIVE_PROPOSAL,
            "2: inactive proposal"),
        Arguments.of(
            "vote metadata longer than 255 bytes",
            MsgVote.newBuilder()
                .setProposalId(1)
                .setVoter(A)
                .setOption(YES)
                .setMetadata("m".repeat(256)),
            GovErrorCode.METADATA_TOO_LONG,
            "got metadata with length 256: metadata too long"),
        Arguments.of(
            "a malformed voter",
            MsgVote.newBuilder().setProposalId(1).setVoter("").setOption(YES),
            SdkErrorCode.INVALID_ADDRESS,
            "invalid voter address: empty address string is not allowed: invalid address"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPlainVotes")
  void invalidVotesAreRejected(String name, MsgVote.Builder msg, ErrorCode code, String message) {
    GovTestChain chain = chain();
    chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    chain.submit(GovTestChain.proposal(PROPOSER, 100_000).setMetadata("m").build());
    chain.assertRefused(msg.build(), code, message);
  }

  private static GovTestChain chain() {
    return GovTestChain.builder()
        .voter(A, 40)
        .voter(B, 30)
        .voter(C, 30)
        .balance(PROPOSER, 10_100_000)
        .build();
  }
}
