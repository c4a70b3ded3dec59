package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Tx.MsgDeposit;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.gov.GovErrorCode;
import io.wasm08.gov.bank.Coin;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MsgDeposit (SDK v0.50): escrow in the gov account, the voting period starts once the total
 * reaches the min deposit, later deposits (also during voting) add to the depositor's record;
 * refusals carry upstream's codes and texts and change nothing. Proposal 1 is in its deposit period
 * (100000stake), proposal 2 was rejected.
 */
class DepositTest {
  static final String PROPOSER = account("proposer");
  static final String OTHER = account("other");
  static final String VOTER = account("voter");

  static GovTestChain chain() {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(VOTER, 1)
            .balance(PROPOSER, 20_100_000)
            .balance(OTHER, 20_000_000)
            .build();
    chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("m").build());
    chain.advanceAndEndBlock(Duration.ofHours(48));
    chain.submit(GovTestChain.proposal(PROPOSER, 100_000).setMetadata("m").build());
    return chain;
  }

  @Test
  void depositsAccumulateAndStartVoting() {
    GovTestChain chain = chain();
    GovTestChain.Delivered first =
        chain.deliver(
            MsgDeposit.newBuilder()
                .setProposalId(2)
                .setDepositor(OTHER)
                .addAmount(GovTestChain.coin(4_900_000))
                .build());
    assertThat(first.events().get(first.events().size() - 1))
        .isEqualTo(Event.of("proposal_deposit", "amount", "4900000stake", "proposal_id", "2"));
    assertThat(chain.proposal(2).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD);
    GovTestChain.Delivered second =
        chain.deliver(
            MsgDeposit.newBuilder()
                .setProposalId(2)
                .setDepositor(OTHER)
                .addAmount(GovTestChain.coin(5_000_000))
                .build());
    assertThat(second.events())
        .endsWith(
            Event.of("proposal_deposit", "amount", "5000000stake", "proposal_id", "2"),
            Event.of("proposal_deposit", "voting_period_start", "2"));
    assertThat(chain.proposal(2).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    // Deposits are still taken while voting.
    chain.deposit(2, OTHER, 1_000_000);
    assertThat(chain.proposal(2).getTotalDepositList())
        .containsExactly(Coin.of("stake", 11_000_000).toProto());
    assertThat(
            chain
                .keeper
                .store(chain.ctx())
                .deposit(2, chain.bytes(OTHER))
                .orElseThrow()
                .getAmountList())
        .containsExactly(Coin.of("stake", 10_900_000).toProto());
    // Proposal 1 escrows nothing any more; proposal 2 escrows its total.
    assertThat(chain.balance(GOV)).isEqualTo(11_000_000);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            "an unknown proposal",
            MsgDeposit.newBuilder()
                .setProposalId(9)
                .setDepositor(OTHER)
                .addAmount(GovTestChain.coin(1_000_000)),
            SdkErrorCode.INTERNAL,
            "collections: not found: key '9' of type github.com/cosmos/gogoproto/cosmos.gov.v1.Proposal"),
        Arguments.of(
            "a proposal no longer taking deposits",
            MsgDeposit.newBuilder()
                .setProposalId(1)
                .setDepositor(OTHER)
                .addAmount(GovTestChain.coin(1_000_000)),
            GovErrorCode.INACTIVE_PROPOSAL,
            "1: inactive proposal"),
        Arguments.of(
            "no coins",
            MsgDeposit.newBuilder().setProposalId(2).setDepositor(OTHER),
            SdkErrorCode.INVALID_COINS,
            ": invalid coins"),
        Arguments.of(
            "a denom gov does not take",
            MsgDeposit.newBuilder()
                .setProposalId(2)
                .setDepositor(OTHER)
                .addAmount(Coin.of("atom", 1).toProto()),
            GovErrorCode.INVALID_DEPOSIT_DENOM,
            "deposited 1atom, but gov accepts only the following denom(s): [stake]: invalid deposit denom"),
        Arguments.of(
            "less than 1% of the min deposit",
            MsgDeposit.newBuilder()
                .setProposalId(2)
                .setDepositor(OTHER)
                .addAmount(GovTestChain.coin(99_999)),
            GovErrorCode.MIN_DEPOSIT_TOO_SMALL,
            "received 99999stake but need at least one of the following: 100000stake: minimum deposit is too small"),
        Arguments.of(
            "more than the depositor has",
            MsgDeposit.newBuilder()
                .setProposalId(2)
                .setDepositor(OTHER)
                .addAmount(GovTestChain.coin(20_000_001)),
            SdkErrorCode.INSUFFICIENT_FUNDS,
            "spendable balance 20000000stake is smaller than 20000001stake: insufficient funds"),
        Arguments.of(
            "a malformed depositor",
            MsgDeposit.newBuilder()
                .setProposalId(2)
                .setDepositor("cosmos1")
                .addAmount(GovTestChain.coin(1)),
            SdkErrorCode.INVALID_ADDRESS,
            "invalid depositor address: decoding bech32 failed: invalid bech32 string length 7: invalid address"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedDepositsChangeNothing(
      String name, MsgDeposit.Builder msg, ErrorCode code, String message) {
    GovTestChain chain = chain();
    chain.assertRefused(msg.build(), code, message);
  }
}
