package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Tx.MsgUpdateParams;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.gov.GovErrorCode;
import io.wasm08.gov.testing.GovTestChain;
import io.wasm08.gov.types.GoTime;
import io.wasm08.gov.types.GovParams;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MsgUpdateParams: only the authority (the gov account, compared as a string as x/gov v0.50 does)
 * may replace the parameters, normally through a passed proposal; the new params must pass
 * ValidateBasic, else the proposal fails and the params stay.
 */
class UpdateParamsTest {
  static final String VOTER = account("voter");
  static final String PROPOSER = account("proposer");
  static final String USER = account("user");

  static Params.Builder defaults() {
    return GovParams.defaults(GovTestChain.DENOM).toBuilder();
  }

  static Stream<Arguments> proposals() {
    return Stream.of(
        Arguments.of(
            "a 72 h voting period is adopted",
            (UnaryOperator<Params.Builder>)
                p -> p.setVotingPeriod(GoTime.durationProto(Duration.ofHours(72).toNanos())),
            ProposalStatus.PROPOSAL_STATUS_PASSED,
            ""),
        Arguments.of(
            "a threshold above 1 fails the proposal, the params stay",
            (UnaryOperator<Params.Builder>) p -> p.setThreshold("1.5"),
            ProposalStatus.PROPOSAL_STATUS_FAILED,
            "vote threshold too large: 1.500000000000000000"),
        Arguments.of(
            "an expedited period not shorter than the regular one fails",
            (UnaryOperator<Params.Builder>)
                p ->
                    p.setExpeditedVotingPeriod(
                        GoTime.durationProto(Duration.ofHours(48).toNanos())),
            ProposalStatus.PROPOSAL_STATUS_FAILED,
            "expedited voting period 48h0m0s must be strictly less that the regular voting"
                + " period 48h0m0s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proposals")
  void paramsChangeThroughProposals(
      String name, UnaryOperator<Params.Builder> change, ProposalStatus status, String reason) {
    GovTestChain chain =
        GovTestChain.builder().voter(VOTER, 1).balance(PROPOSER, 20_000_000).build();
    Params before = chain.params();
    Params proposed = change.apply(defaults()).build();
    long id =
        chain.submit(
            GovTestChain.proposal(
                    PROPOSER,
                    10_000_000,
                    MsgUpdateParams.newBuilder().setAuthority(GOV).setParams(proposed).build())
                .build());
    chain.vote(id, VOTER, VoteOption.VOTE_OPTION_YES);
    chain.advanceAndEndBlock(Duration.ofHours(48));
    var p = chain.proposal(id);
    assertThat(p.getStatus()).isEqualTo(status);
    assertThat(p.getFailedReason()).isEqualTo(reason);
    if (status == ProposalStatus.PROPOSAL_STATUS_PASSED) {
      assertThat(chain.params()).isEqualTo(proposed);
      long next =
          chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
      assertThat(
              Duration.between(
                  GoTime.instant(chain.proposal(next).getVotingStartTime()),
                  GoTime.instant(chain.proposal(next).getVotingEndTime())))
          .isEqualTo(Duration.ofHours(72));
    } else {
      assertThat(chain.params()).isEqualTo(before);
    }
  }

  @org.junit.jupiter.api.Test
  void onlyTheAuthorityMayUpdateParams() {
    GovTestChain chain =
        GovTestChain.builder().voter(VOTER, 1).balance(PROPOSER, 20_000_000).build();
    Params before = chain.params();
    MsgUpdateParams byUser =
        MsgUpdateParams.newBuilder()
            .setAuthority(USER)
            .setParams(defaults().setQuorum("0.5"))
            .build();
    // Sent directly by another account (a tx signed by it).
    assertThatThrownBy(() -> chain.deliver(byUser))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(
            "invalid authority; expected "
                + GOV
                + ", got "
                + USER
                + ": expected gov account as only signer for proposal message")
        .satisfies(e -> assertThat(((Wasm08Exception) e).is(GovErrorCode.INVALID_SIGNER)).isTrue());
    // Wrapped in a proposal: its signer is not the gov account, so it is refused at submit.
    assertThatThrownBy(
            () -> chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000, byUser).build()))
        .hasMessage(USER + ": expected gov account as only signer for proposal message");
    // The authority itself may send it (as a passed proposal would).
    chain.deliver(
        MsgUpdateParams.newBuilder()
            .setAuthority(GOV)
            .setParams(defaults().setQuorum("0.5"))
            .build());
    assertThat(chain.params().getQuorum()).isEqualTo("0.5");
    assertThat(before.getQuorum()).isEqualTo("0.334000000000000000");
  }
}
