package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static io.wasm08.gov.testing.GovTestChain.probe;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.gov.GovKeeper;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authority-gated messages through governance, with ibc-go v11's {@code ValidateAuthority}
 * semantics (gov-grpc-tx.md §2): the authority is the gov module account — sha256("gov")[:20] in
 * bech32 with the chain's prefix — unless the block's consensus params carry an authority, which
 * then takes precedence. The probe Msg is gated that way; a passed proposal runs it as the gov
 * account, and a direct tx by the consensus authority is accepted when that authority is set.
 */
class AuthorityTest {
  static final String VOTER = account("voter");
  static final String PROPOSER = account("proposer");
  static final String COUNCIL = account("council");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "no consensus authority: the gov account",
            null,
            ProposalStatus.PROPOSAL_STATUS_PASSED,
            ""),
        Arguments.of(
            "consensus authority is the gov account",
            GOV,
            ProposalStatus.PROPOSAL_STATUS_PASSED,
            ""),
        Arguments.of(
            "another consensus authority takes precedence: gov is refused",
            COUNCIL,
            ProposalStatus.PROPOSAL_STATUS_FAILED,
            "invalid authority: expected " + COUNCIL + ", got " + GOV + ": unauthorized"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void proposalsExecuteAsTheGovAccount(
      String name, String consensusAuthority, ProposalStatus status, String reason) {
    assertThat(GovKeeper.moduleAddress("cosmos")).isEqualTo(GOV);
    GovTestChain chain =
        GovTestChain.builder().voter(VOTER, 1).balance(PROPOSER, 10_000_000).build();
    long id =
        chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000, probe("k", "v", false)).build());
    chain.vote(id, VOTER, VoteOption.VOTE_OPTION_YES);
    chain.consensusAuthority(consensusAuthority);
    chain.advanceAndEndBlock(Duration.ofHours(48));
    assertThat(chain.proposal(id).getStatus()).isEqualTo(status);
    assertThat(chain.proposal(id).getFailedReason()).isEqualTo(reason);
  }

  @org.junit.jupiter.api.Test
  void theConsensusAuthorityMaySendGatedMessagesDirectly() {
    GovTestChain chain = GovTestChain.builder().voter(VOTER, 1).build();
    var byCouncil =
        wasm08.testing.gov.v1.ProbeProto.MsgProbe.newBuilder()
            .setAuthority(COUNCIL)
            .setKey("k")
            .build();
    chain.assertRefused(
        byCouncil,
        SdkErrorCode.UNAUTHORIZED,
        "invalid authority: expected " + GOV + ", got " + COUNCIL + ": unauthorized");
    chain.consensusAuthority(COUNCIL);
    chain.deliver(byCouncil);
    assertThat(chain.stores.get(GovTestChain.PROBE_STORE).size()).isEqualTo(1);
  }
}
