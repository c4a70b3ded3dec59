package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cosmos.gov.v1.Genesis.GenesisState;
import cosmos.gov.v1.Gov.Deposit;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.Vote;
import cosmos.gov.v1.Gov.VoteOption;
import io.wasm08.gov.GovGenesis;
import io.wasm08.gov.bank.BankGenesis;
import io.wasm08.gov.testing.GovTestChain;
import io.wasm08.gov.types.GovParams;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wasm08.gov.v1.ElectorateOuterClass.Electorate;
import wasm08.gov.v1.ElectorateOuterClass.Voter;

/**
 * Genesis: export → import → export reproduces the same bytes and the same stores, with proposals
 * in every state, deposits, votes, the electorate and balances; the imported chain then carries on
 * exactly as the original. Validation follows SDK v0.50 {@code ValidateGenesis} and its test table
 * ({@code x/gov/types/v1/genesis_test.go}).
 */
class GenesisRoundTripTest {
  static final String A = account("a");
  static final String B = account("b");
  static final String PROPOSER = account("proposer");

  @Test
  void exportImportExportIsIdentical() {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(A, 60)
            .voter(B, 40)
            .balance(PROPOSER, 100_000_000)
            .balance(A, 5)
            .build();
    // 1: passed; 2: rejected; 3: voting with votes; 4: deposit period; 5: expedited, converted.
    long p1 = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("one").build());
    long p2 = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("two").build());
    chain.vote(p1, A, VoteOption.VOTE_OPTION_YES);
    chain.vote(p2, A, VoteOption.VOTE_OPTION_NO);
    chain.advanceAndEndBlock(Duration.ofHours(48));
    long p3 =
        chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("three").build());
    chain.vote(p3, B, VoteOption.VOTE_OPTION_ABSTAIN);
    chain.deposit(p3, PROPOSER, 1_000_000);
    long p4 = chain.submit(GovTestChain.proposal(PROPOSER, 200_000).setMetadata("four").build());
    long p5 =
        chain.submit(
            GovTestChain.proposal(PROPOSER, 50_000_000)
                .setMetadata("five")
                .setExpedited(true)
                .build());
    chain.advanceAndEndBlock(Duration.ofHours(24));
    assertThat(chain.proposal(p1).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
    assertThat(chain.proposal(p2).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_REJECTED);
    assertThat(chain.proposal(p3).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    assertThat(chain.proposal(p4).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD);
    assertThat(chain.proposal(p5).getExpedited()).isFalse();

    var bank1 = BankGenesis.exportGenesis(chain.bank, chain.ctx());
    GenesisState gov1 = GovGenesis.exportGenesis(chain.keeper, chain.ctx());
    Electorate el1 = GovGenesis.exportElectorate(chain.keeper, chain.ctx());
    assertThat(gov1.getProposalsList())
        .extracting(Proposal::getId)
        .containsExactly(p1, p2, p3, p4, p5);
    assertThat(gov1.getStartingProposalId()).isEqualTo(6);
    assertThat(gov1.getVotesList()).extracting(Vote::getProposalId).containsExactly(p3);
    assertThat(gov1.getDepositsList())
        .extracting(Deposit::getProposalId)
        .containsExactly(p3, p4, p5);

    GovTestChain imported = GovTestChain.builder().withoutGenesis().build();
    imported.advance(Duration.between(imported.block().time(), chain.block().time()));
    imported.initGenesis(bank1, gov1, el1);

    assertThat(BankGenesis.exportGenesis(imported.bank, imported.ctx()).toByteArray())
        .isEqualTo(bank1.toByteArray());
    assertThat(GovGenesis.exportGenesis(imported.keeper, imported.ctx()).toByteArray())
        .isEqualTo(gov1.toByteArray());
    assertThat(GovGenesis.exportElectorate(imported.keeper, imported.ctx())).isEqualTo(el1);
    assertThat(imported.snapshot()).isEqualTo(chain.snapshot());

    // Both chains carry on the same way: p3 passes at its end, p5 is tallied again.
    chain.vote(p3, A, VoteOption.VOTE_OPTION_YES);
    imported.vote(p3, A, VoteOption.VOTE_OPTION_YES);
    assertThat(imported.advanceAndEndBlock(Duration.ofHours(48)))
        .isEqualTo(chain.advanceAndEndBlock(Duration.ofHours(48)));
    assertThat(imported.snapshot()).isEqualTo(chain.snapshot());
    assertThat(imported.proposal(p3).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
    assertThat(imported.exists(p4)).isFalse();
  }

  static GenesisState.Builder valid() {
    return GovGenesis.defaultGenesis("stake").toBuilder();
  }

  static Stream<Arguments> invalid() {
    Proposal one = Proposal.newBuilder().setId(1).build();
    Vote vote = Vote.newBuilder().setProposalId(1).setVoter("voter").build();
    Deposit deposit = Deposit.newBuilder().setProposalId(1).setDepositor("depositor").build();
    return Stream.of(
        Arguments.of(
            "invalid StartingProposalId",
            (UnaryOperator<GenesisState.Builder>) g -> g.setStartingProposalId(0),
            "starting proposal id must be greater than 0"),
        Arguments.of(
            "invalid min deposit",
            (UnaryOperator<GenesisState.Builder>)
                g ->
                    g.setParams(
                        GovParams.defaults().toBuilder()
                            .clearMinDeposit()
                            .addMinDeposit(io.wasm08.gov.bank.Coin.of("stake", -100).toProto())),
            "invalid minimum deposit: -100stake"),
        Arguments.of(
            "invalid max deposit period",
            (UnaryOperator<GenesisState.Builder>)
                g -> g.setParams(GovParams.defaults().toBuilder().clearMaxDepositPeriod()),
            "maximum deposit period must not be nil: 0"),
        Arguments.of(
            "invalid quorum",
            (UnaryOperator<GenesisState.Builder>)
                g -> g.setParams(GovParams.defaults().toBuilder().setQuorum("2")),
            "quorom too large: 2"),
        Arguments.of(
            "invalid threshold",
            (UnaryOperator<GenesisState.Builder>)
                g -> g.setParams(GovParams.defaults().toBuilder().setThreshold("2")),
            "vote threshold too large: 2.000000000000000000"),
        Arguments.of(
            "invalid veto threshold",
            (UnaryOperator<GenesisState.Builder>)
                g -> g.setParams(GovParams.defaults().toBuilder().setVetoThreshold("2")),
            "veto threshold too large: 2.000000000000000000"),
        Arguments.of(
            "duplicate proposals",
            (UnaryOperator<GenesisState.Builder>) g -> g.addProposals(one).addProposals(one),
            "duplicate proposal id: 1"),
        Arguments.of(
            "duplicate votes",
            (UnaryOperator<GenesisState.Builder>)
                g -> g.addProposals(one).addVotes(vote).addVotes(vote),
            "duplicate vote: proposal_id:1 voter:\"voter\" "),
        Arguments.of(
            "duplicate deposits",
            (UnaryOperator<GenesisState.Builder>)
                g -> g.addProposals(one).addDeposits(deposit).addDeposits(deposit),
            "duplicate deposit: proposal_id:1 depositor:\"depositor\" "),
        Arguments.of(
            "non-existent proposal id in votes",
            (UnaryOperator<GenesisState.Builder>) g -> g.addVotes(vote),
            "vote proposal_id:1 voter:\"voter\"  has non-existent proposal id: 1"),
        Arguments.of(
            "non-existent proposal id in deposits",
            (UnaryOperator<GenesisState.Builder>) g -> g.addDeposits(deposit),
            "deposit proposal_id:1 depositor:\"depositor\"  has non-existent proposal id: 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidGenesisIsRejected(
      String name, UnaryOperator<GenesisState.Builder> change, String message) {
    GovGenesis.validate(valid().build(), "cosmos");
    assertThatThrownBy(() -> GovGenesis.validate(change.apply(valid()).build(), "cosmos"))
        .hasMessage(message);
  }

  static Stream<Arguments> invalidElectorates() {
    return Stream.of(
        Arguments.of(
            Electorate.newBuilder().addVoters(Voter.newBuilder().setAddress(A).setPower("0")),
            "voting power of " + A + " must be positive: 0: invalid genesis state"),
        Arguments.of(
            Electorate.newBuilder().addVoters(Voter.newBuilder().setAddress(A).setPower("x")),
            "invalid voting power of "
                + A
                + ": math/big: cannot unmarshal \"x\" into a *big.Int: invalid genesis state"),
        Arguments.of(
            Electorate.newBuilder()
                .addVoters(Voter.newBuilder().setAddress(A).setPower("1"))
                .addVoters(Voter.newBuilder().setAddress(A).setPower("2")),
            "duplicate electorate voter " + A + ": invalid genesis state"),
        Arguments.of(
            Electorate.newBuilder().addVoters(Voter.newBuilder().setAddress("x").setPower("1")),
            "invalid electorate voter address x: decoding bech32 failed: invalid bech32 string"
                + " length 1: invalid genesis state"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidElectorates")
  void invalidElectoratesAreRejected(Electorate.Builder electorate, String message) {
    assertThatThrownBy(() -> GovGenesis.validateElectorate(electorate.build(), "cosmos"))
        .hasMessage(message);
  }

  @Test
  void theGovAccountMustHoldExactlyTheDeposits() {
    GovTestChain source = GovTestChain.builder().voter(A, 1).balance(PROPOSER, 1_000_000).build();
    source.submit(GovTestChain.proposal(PROPOSER, 1_000_000).setMetadata("m").build());
    GenesisState gov = GovGenesis.exportGenesis(source.keeper, source.ctx());
    var bank = BankGenesis.exportGenesis(source.bank, source.ctx()).toBuilder();
    // Drop the gov account's balance: the deposits are no longer backed.
    bank.removeBalances(
        bank.getBalancesList().stream().map(b -> b.getAddress()).toList().indexOf(GOV));
    bank.clearSupply();
    GovTestChain target = GovTestChain.builder().withoutGenesis().build();
    assertThatThrownBy(() -> target.initGenesis(bank.build(), gov, Electorate.getDefaultInstance()))
        .hasMessage("expected module account was  but we got 1000000stake: invalid genesis state");
  }
}
