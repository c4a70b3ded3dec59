package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static io.wasm08.gov.testing.GovTestChain.probe;
import static io.wasm08.gov.testing.GovTestChain.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Tx.MsgExecLegacyContent;
import cosmos.gov.v1.Tx.MsgSubmitProposal;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.gov.GovErrorCode;
import io.wasm08.gov.testing.GovTestChain;
import io.wasm08.gov.types.GoTime;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wasm08.testing.gov.v1.ProbeProto.MsgTwoSigners;

/**
 * MsgSubmitProposal checks (SDK v0.50 msg server, then {@code Keeper.SubmitProposal}), in
 * upstream's order and with its codes and texts; a rejected submission changes no state and emits
 * nothing. Every message must have the gov module account as its only signer, a route, and pass its
 * ValidateBasic. Default params: min deposit 10000000stake, min_deposit_ratio 0.01.
 */
class SubmitProposalTest {
  static final String PROPOSER = account("proposer");
  static final String USER = account("user");
  static final long DEPOSIT = 10_000_000;

  static MsgSubmitProposal.Builder ok() {
    return GovTestChain.proposal(PROPOSER, DEPOSIT, probe("k", "v", false));
  }

  static Stream<Arguments> rejections() {
    String long256 = "x".repeat(256);
    return Stream.of(
        Arguments.of(
            "a message signed by someone else than the gov account",
            GovTestChain.proposal(PROPOSER, DEPOSIT, send(USER, PROPOSER, 1)),
            GovErrorCode.INVALID_SIGNER,
            USER + ": expected gov account as only signer for proposal message"),
        Arguments.of(
            "a message with two signers",
            GovTestChain.proposal(
                PROPOSER, DEPOSIT, MsgTwoSigners.newBuilder().setFirst(GOV).setSecond(GOV).build()),
            GovErrorCode.INVALID_SIGNER,
            "expected gov account as only signer for proposal message"),
        Arguments.of(
            "an unroutable message (v1beta1 legacy content has no handler here)",
            GovTestChain.proposal(
                PROPOSER, DEPOSIT, MsgExecLegacyContent.newBuilder().setAuthority(GOV).build()),
            GovErrorCode.UNROUTABLE_PROPOSAL_MSG,
            "/cosmos.gov.v1.MsgExecLegacyContent: proposal message not recognized by router"),
        Arguments.of(
            "a message failing its ValidateBasic",
            GovTestChain.proposal(PROPOSER, DEPOSIT, probe("", "v", false)),
            GovErrorCode.INVALID_PROPOSAL_MSG,
            "key must not be empty: invalid request: invalid proposal message"),
        Arguments.of(
            "a message type the codec does not know",
            ok().addMessages(
                    Any.newBuilder().setTypeUrl("/unknown.v1.Msg").setValue(ByteString.EMPTY)),
            SdkErrorCode.TX_DECODE,
            "no concrete type registered for type URL /unknown.v1.Msg against interface"
                + " types.Msg: tx parse error"),
        Arguments.of(
            "an empty type URL",
            ok().addMessages(Any.getDefaultInstance()),
            SdkErrorCode.INTERNAL,
            "any cached value is nil, sdk.MsgProposal messages must be correctly packed any"
                + " values"),
        Arguments.of(
            "an empty title",
            ok().setTitle(""),
            SdkErrorCode.INVALID_REQUEST,
            "proposal title cannot be empty: invalid request"),
        Arguments.of(
            "an empty summary",
            ok().setSummary(""),
            SdkErrorCode.INVALID_REQUEST,
            "proposal summary cannot be empty: invalid request"),
        Arguments.of(
            "a proposer of another chain",
            ok().setProposer(
                    io.wasm08.core.crypto.AccAddress.module("test/proposer").toBech32("osmo")),
            SdkErrorCode.INVALID_ADDRESS,
            "invalid proposer address: hrp does not match bech32 prefix: expected 'cosmos' got"
                + " 'osmo': internal logic error: invalid address"),
        Arguments.of(
            "neither messages nor metadata",
            GovTestChain.proposal(PROPOSER, DEPOSIT),
            GovErrorCode.NO_PROPOSAL_MSGS,
            "either metadata or Msgs length must be non-nil: no messages proposed"),
        Arguments.of(
            "metadata JSON with another title",
            ok().setMetadata("{\"title\":\"other\",\"summary\":\"summary\"}"),
            GovErrorCode.INVALID_PROPOSAL_CONTENT,
            "metadata title 'other' must equal proposal title 'title': invalid proposal content"),
        Arguments.of(
            "metadata JSON with another summary (keys match case-insensitively, as in Go)",
            ok().setMetadata("{\"TITLE\":\"title\",\"Summary\":\"other\"}"),
            GovErrorCode.INVALID_PROPOSAL_CONTENT,
            "metadata summary 'other' must equal proposal summary 'summary': invalid proposal"
                + " content"),
        Arguments.of(
            "metadata JSON null decodes to an empty title",
            ok().setMetadata("null"),
            GovErrorCode.INVALID_PROPOSAL_CONTENT,
            "metadata title '' must equal proposal title 'title': invalid proposal content"),
        Arguments.of(
            "metadata longer than 255 bytes",
            ok().setMetadata(long256),
            GovErrorCode.METADATA_TOO_LONG,
            "got metadata with length 256: metadata too long"),
        Arguments.of(
            "a title longer than 255 bytes (UTF-8 bytes count)",
            ok().setTitle("é".repeat(128)),
            GovErrorCode.METADATA_TOO_LONG,
            "got metadata with length 256: metadata too long"),
        Arguments.of(
            "a summary longer than 40 × 255 bytes",
            ok().setSummary("s".repeat(40 * 255 + 1)),
            GovErrorCode.SUMMARY_TOO_LONG,
            "got summary with length 10201: summary too long"),
        Arguments.of(
            "a deposit in a denom gov does not take",
            ok().clearInitialDeposit()
                .addInitialDeposit(io.wasm08.gov.bank.Coin.of("atom", 5).toProto()),
            GovErrorCode.INVALID_DEPOSIT_DENOM,
            "deposited 5atom, but gov accepts only the following denom(s): [stake]: invalid"
                + " deposit denom"),
        Arguments.of(
            "an initial deposit below 1% of the min deposit (min_deposit_ratio)",
            ok().clearInitialDeposit().addInitialDeposit(GovTestChain.coin(99_999)),
            GovErrorCode.MIN_DEPOSIT_TOO_SMALL,
            "received 99999stake but need at least one of the following: 100000stake: minimum"
                + " deposit is too small"),
        Arguments.of(
            "no initial deposit while min_deposit_ratio > 0 (SDK v0.50.5 checks the initial"
                + " deposit too)",
            ok().clearInitialDeposit(),
            GovErrorCode.MIN_DEPOSIT_TOO_SMALL,
            "received  but need at least one of the following: 100000stake: minimum deposit is"
                + " too small"),
        Arguments.of(
            "an invalid initial deposit (duplicate denom)",
            ok().addInitialDeposit(GovTestChain.coin(1)),
            SdkErrorCode.INVALID_COINS,
            "10000000stake,1stake: invalid coins"),
        Arguments.of(
            "more than the proposer has",
            ok().clearInitialDeposit().addInitialDeposit(GovTestChain.coin(DEPOSIT + 1)),
            SdkErrorCode.INSUFFICIENT_FUNDS,
            "spendable balance 10000000stake is smaller than 10000001stake: insufficient funds"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectedSubmissionsChangeNothing(
      String name, MsgSubmitProposal.Builder msg, ErrorCode code, String message) {
    GovTestChain chain = chain();
    chain.assertRefused(msg.build(), code, message);
  }

  /** A min_initial_deposit_ratio applies to the (expedited) min deposit, rounded. */
  @ParameterizedTest(name = "ratio {0}, expedited {1}, deposit {2}")
  @MethodSource
  void minInitialDepositRatio(String ratio, boolean expedited, long deposit, String error) {
    UnaryOperator<cosmos.gov.v1.Gov.Params.Builder> params =
        p -> p.setMinInitialDepositRatio(ratio).setMinDepositRatio("0");
    GovTestChain chain =
        GovTestChain.builder()
            .voter(PROPOSER, 1)
            .balance(PROPOSER, 100_000_000)
            .params(params)
            .build();
    MsgSubmitProposal msg =
        GovTestChain.proposal(PROPOSER, deposit, probe("k", "v", false))
            .setExpedited(expedited)
            .build();
    if (error == null) {
      assertThat(chain.submit(msg)).isEqualTo(1);
    } else {
      assertThatThrownBy(() -> chain.deliver(msg)).hasMessage(error);
    }
  }

  static Stream<Arguments> minInitialDepositRatio() {
    return Stream.of(
        Arguments.of("0.25", false, 2_500_000, null),
        Arguments.of(
            "0.25",
            false,
            2_499_999,
            "was (2499999stake), need (2500000stake): minimum deposit is too small"),
        Arguments.of(
            "0.25",
            true,
            10_000_000,
            "was (10000000stake), need (12500000stake): minimum deposit is too small"),
        Arguments.of("0.25", true, 12_500_000, null),
        // 10000000 × 0.00000005 = 0.5, rounded half to even: 0 — any coin will do, but upstream's
        // IsAllGTE is false for no coins at all against a non-empty requirement.
        Arguments.of("0.00000005", false, 1, null),
        Arguments.of("0.00000005", false, 0, "was (), need (0stake): minimum deposit is too small"),
        // 10000000 × 0.00000015 = 1.5, rounded half to even: 2.
        Arguments.of(
            "0.00000015", false, 1, "was (1stake), need (2stake): minimum deposit is too small"));
  }

  @Test
  void acceptedSubmissionStartsTheDepositPeriod() {
    GovTestChain chain = chain();
    GovTestChain.Delivered delivered =
        chain.deliver(
            GovTestChain.proposal(PROPOSER, 100_000, probe("k", "v", false), send(GOV, PROPOSER, 1))
                .setMetadata("{\"title\":\"title\",\"summary\":\"summary\",\"authors\":null}")
                .build());
    var p = chain.proposal(1);
    assertThat(p.getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD);
    assertThat(p.getProposer()).isEqualTo(PROPOSER);
    assertThat(GoTime.instant(p.getSubmitTime())).isEqualTo(chain.block().time());
    assertThat(GoTime.instant(p.getDepositEndTime()))
        .isEqualTo(chain.block().time().plus(Duration.ofHours(48)));
    assertThat(p.getFinalTallyResult().getYesCount()).isEqualTo("0");
    assertThat(p.getMessagesList())
        .containsExactly(
            AnyCodec.pack(probe("k", "v", false)), AnyCodec.pack(send(GOV, PROPOSER, 1)));
    assertThat(chain.keeper.store(chain.ctx()).peekProposalId()).isEqualTo(2);
    // 3 × WriteCostPerByte (30) per byte of the proposal as submitted (before its deposit).
    assertThat(chain.gas.gasConsumed())
        .isEqualTo(90L * p.toBuilder().clearTotalDeposit().build().getSerializedSize());
    assertThat(delivered.events())
        .startsWith(
            Event.of(
                "submit_proposal",
                "proposal_id",
                "1",
                "proposal_messages",
                ",/wasm08.testing.gov.v1.MsgProbe,/cosmos.bank.v1beta1.MsgSend"))
        .endsWith(Event.of("proposal_deposit", "amount", "100000stake", "proposal_id", "1"));
  }

  @Test
  void submissionReachingTheMinDepositStartsVoting() {
    GovTestChain chain = chain();
    GovTestChain.Delivered delivered = chain.deliver(ok().build());
    assertThat(chain.proposal(1).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    assertThat(delivered.events())
        .endsWith(Event.of("submit_proposal", "voting_period_start", "1"));
    assertThat(GoTime.instant(chain.proposal(1).getVotingEndTime()))
        .isEqualTo(chain.block().time().plus(Duration.ofHours(48)));
  }

  private static GovTestChain chain() {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(PROPOSER, 1)
            .balance(PROPOSER, DEPOSIT)
            .balance(USER, 1)
            .build();
    return chain;
  }
}
