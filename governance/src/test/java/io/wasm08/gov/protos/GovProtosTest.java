package io.wasm08.gov.protos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import cosmos.msg.v1.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our cosmos.gov.v1 and cosmos.bank.v1beta1 protos against the field tables of the reference
 * (gov-grpc-tx.md §1.2–1.4 and §1.8, numbers from SDK v0.50.9's generated code; bank from SDK v0.50
 * x/bank): every field's number, name, type and cardinality, the signer options and the Msg service
 * marker. Upstream's .proto files for these packages are not in ../shared, so the tables are the
 * reference's, written out here.
 */
class GovProtosTest {
  // "number name type" with type = scalar name, enum/message full name; "*" marks repeated.
  static Stream<Arguments> messages() {
    return Stream.of(
        m(
            cosmos.gov.v1.Tx.MsgSubmitProposal.getDescriptor(),
            "1 messages *google.protobuf.Any",
            "2 initial_deposit *cosmos.base.v1beta1.Coin",
            "3 proposer string",
            "4 metadata string",
            "5 title string",
            "6 summary string",
            "7 expedited bool"),
        m(cosmos.gov.v1.Tx.MsgSubmitProposalResponse.getDescriptor(), "1 proposal_id uint64"),
        m(
            cosmos.gov.v1.Tx.MsgExecLegacyContent.getDescriptor(),
            "1 content google.protobuf.Any",
            "2 authority string"),
        m(
            cosmos.gov.v1.Tx.MsgVote.getDescriptor(),
            "1 proposal_id uint64",
            "2 voter string",
            "3 option cosmos.gov.v1.VoteOption",
            "4 metadata string"),
        m(
            cosmos.gov.v1.Tx.MsgVoteWeighted.getDescriptor(),
            "1 proposal_id uint64",
            "2 voter string",
            "3 options *cosmos.gov.v1.WeightedVoteOption",
            "4 metadata string"),
        m(
            cosmos.gov.v1.Tx.MsgDeposit.getDescriptor(),
            "1 proposal_id uint64",
            "2 depositor string",
            "3 amount *cosmos.base.v1beta1.Coin"),
        m(
            cosmos.gov.v1.Tx.MsgUpdateParams.getDescriptor(),
            "1 authority string",
            "2 params cosmos.gov.v1.Params"),
        m(
            cosmos.gov.v1.Tx.MsgCancelProposal.getDescriptor(),
            "1 proposal_id uint64",
            "2 proposer string"),
        m(
            cosmos.gov.v1.Tx.MsgCancelProposalResponse.getDescriptor(),
            "1 proposal_id uint64",
            "2 canceled_time google.protobuf.Timestamp",
            "3 canceled_height uint64"),
        m(
            cosmos.gov.v1.Gov.WeightedVoteOption.getDescriptor(),
            "1 option cosmos.gov.v1.VoteOption",
            "2 weight string"),
        m(
            cosmos.gov.v1.Gov.Proposal.getDescriptor(),
            "1 id uint64",
            "2 messages *google.protobuf.Any",
            "3 status cosmos.gov.v1.ProposalStatus",
            "4 final_tally_result cosmos.gov.v1.TallyResult",
            "5 submit_time google.protobuf.Timestamp",
            "6 deposit_end_time google.protobuf.Timestamp",
            "7 total_deposit *cosmos.base.v1beta1.Coin",
            "8 voting_start_time google.protobuf.Timestamp",
            "9 voting_end_time google.protobuf.Timestamp",
            "10 metadata string",
            "11 title string",
            "12 summary string",
            "13 proposer string",
            "14 expedited bool",
            "15 failed_reason string"),
        m(
            cosmos.gov.v1.Gov.TallyResult.getDescriptor(),
            "1 yes_count string",
            "2 abstain_count string",
            "3 no_count string",
            "4 no_with_veto_count string"),
        m(
            cosmos.gov.v1.Gov.Vote.getDescriptor(),
            "1 proposal_id uint64",
            "2 voter string",
            "4 options *cosmos.gov.v1.WeightedVoteOption",
            "5 metadata string"),
        m(
            cosmos.gov.v1.Gov.Deposit.getDescriptor(),
            "1 proposal_id uint64",
            "2 depositor string",
            "3 amount *cosmos.base.v1beta1.Coin"),
        m(
            cosmos.gov.v1.Gov.DepositParams.getDescriptor(),
            "1 min_deposit *cosmos.base.v1beta1.Coin",
            "2 max_deposit_period google.protobuf.Duration"),
        m(
            cosmos.gov.v1.Gov.VotingParams.getDescriptor(),
            "1 voting_period google.protobuf.Duration"),
        m(
            cosmos.gov.v1.Gov.TallyParams.getDescriptor(),
            "1 quorum string",
            "2 threshold string",
            "3 veto_threshold string"),
        m(
            cosmos.gov.v1.Gov.Params.getDescriptor(),
            "1 min_deposit *cosmos.base.v1beta1.Coin",
            "2 max_deposit_period google.protobuf.Duration",
            "3 voting_period google.protobuf.Duration",
            "4 quorum string",
            "5 threshold string",
            "6 veto_threshold string",
            "7 min_initial_deposit_ratio string",
            "8 proposal_cancel_ratio string",
            "9 proposal_cancel_dest string",
            "10 expedited_voting_period google.protobuf.Duration",
            "11 expedited_threshold string",
            "12 expedited_min_deposit *cosmos.base.v1beta1.Coin",
            "13 burn_vote_quorum bool",
            "14 burn_proposal_deposit_prevote bool",
            "15 burn_vote_veto bool",
            "16 min_deposit_ratio string"),
        m(
            cosmos.gov.v1.Genesis.GenesisState.getDescriptor(),
            "1 starting_proposal_id uint64",
            "2 deposits *cosmos.gov.v1.Deposit",
            "3 votes *cosmos.gov.v1.Vote",
            "4 proposals *cosmos.gov.v1.Proposal",
            "5 deposit_params cosmos.gov.v1.DepositParams",
            "6 voting_params cosmos.gov.v1.VotingParams",
            "7 tally_params cosmos.gov.v1.TallyParams",
            "8 params cosmos.gov.v1.Params",
            "9 constitution string"),
        m(
            cosmos.gov.v1.QueryOuterClass.QueryProposalsRequest.getDescriptor(),
            "1 proposal_status cosmos.gov.v1.ProposalStatus",
            "2 voter string",
            "3 depositor string",
            "4 pagination cosmos.base.query.v1beta1.PageRequest"),
        m(
            cosmos.gov.v1.QueryOuterClass.QueryParamsResponse.getDescriptor(),
            "1 voting_params cosmos.gov.v1.VotingParams",
            "2 deposit_params cosmos.gov.v1.DepositParams",
            "3 tally_params cosmos.gov.v1.TallyParams",
            "4 params cosmos.gov.v1.Params"),
        m(
            cosmos.gov.v1.QueryOuterClass.QueryTallyResultResponse.getDescriptor(),
            "1 tally cosmos.gov.v1.TallyResult"),
        m(
            cosmos.bank.v1beta1.Tx.MsgSend.getDescriptor(),
            "1 from_address string",
            "2 to_address string",
            "3 amount *cosmos.base.v1beta1.Coin"),
        m(
            cosmos.bank.v1beta1.Genesis.Balance.getDescriptor(),
            "1 address string",
            "2 coins *cosmos.base.v1beta1.Coin"));
  }

  static Arguments m(Descriptor d, String... fields) {
    return Arguments.of(d.getFullName(), d, List.of(fields));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void fieldsMatchTheReference(String name, Descriptor d, List<String> expected) {
    List<String> actual = new ArrayList<>();
    for (FieldDescriptor f : d.getFields()) {
      String type =
          switch (f.getJavaType()) {
            case MESSAGE -> f.getMessageType().getFullName();
            case ENUM -> f.getEnumType().getFullName();
            default -> f.getType().name().toLowerCase(java.util.Locale.ROOT);
          };
      actual.add(f.getNumber() + " " + f.getName() + " " + (f.isRepeated() ? "*" : "") + type);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void enumsMatchTheReference() {
    assertThat(cosmos.gov.v1.Gov.VoteOption.getDescriptor().getValues())
        .extracting(v -> v.getName() + "=" + v.getNumber())
        .containsExactly(
            "VOTE_OPTION_UNSPECIFIED=0",
            "VOTE_OPTION_YES=1",
            "VOTE_OPTION_ABSTAIN=2",
            "VOTE_OPTION_NO=3",
            "VOTE_OPTION_NO_WITH_VETO=4");
    assertThat(cosmos.gov.v1.Gov.ProposalStatus.getDescriptor().getValues())
        .extracting(v -> v.getName() + "=" + v.getNumber())
        .containsExactly(
            "PROPOSAL_STATUS_UNSPECIFIED=0", "PROPOSAL_STATUS_DEPOSIT_PERIOD=1",
            "PROPOSAL_STATUS_VOTING_PERIOD=2", "PROPOSAL_STATUS_PASSED=3",
            "PROPOSAL_STATUS_REJECTED=4", "PROPOSAL_STATUS_FAILED=5");
    // Vote's field 3 (the v1beta1 single option) is reserved.
    assertThat(cosmos.gov.v1.Gov.Vote.getDescriptor().toProto().getReservedRangeList())
        .extracting(r -> r.getStart() + ".." + r.getEnd())
        .containsExactly("3..4");
  }

  @Test
  void signersAndTheMsgServiceMarker() {
    assertThat(
            cosmos.gov.v1.Tx.MsgSubmitProposal.getDescriptor()
                .getOptions()
                .getExtension(Msg.signer))
        .containsExactly("proposer");
    assertThat(cosmos.gov.v1.Tx.MsgVote.getDescriptor().getOptions().getExtension(Msg.signer))
        .containsExactly("voter");
    assertThat(
            cosmos.gov.v1.Tx.MsgVoteWeighted.getDescriptor().getOptions().getExtension(Msg.signer))
        .containsExactly("voter");
    assertThat(cosmos.gov.v1.Tx.MsgDeposit.getDescriptor().getOptions().getExtension(Msg.signer))
        .containsExactly("depositor");
    assertThat(
            cosmos.gov.v1.Tx.MsgUpdateParams.getDescriptor().getOptions().getExtension(Msg.signer))
        .containsExactly("authority");
    assertThat(
            cosmos.gov.v1.Tx.MsgCancelProposal.getDescriptor()
                .getOptions()
                .getExtension(Msg.signer))
        .containsExactly("proposer");
    assertThat(
            cosmos.gov.v1.Tx.MsgExecLegacyContent.getDescriptor()
                .getOptions()
                .getExtension(Msg.signer))
        .containsExactly("authority");
    assertThat(cosmos.bank.v1beta1.Tx.MsgSend.getDescriptor().getOptions().getExtension(Msg.signer))
        .containsExactly("from_address");
    assertThat(
            cosmos.gov.v1.Tx.getDescriptor()
                .findServiceByName("Msg")
                .getOptions()
                .getExtension(Msg.service))
        .isTrue();
    assertThat(
            cosmos.bank.v1beta1.Tx.getDescriptor()
                .findServiceByName("Msg")
                .getOptions()
                .getExtension(Msg.service))
        .isTrue();
    assertThat(cosmos.gov.v1.Tx.getDescriptor().findServiceByName("Msg").getMethods())
        .extracting(m -> m.getName())
        .containsExactly(
            "SubmitProposal",
            "ExecLegacyContent",
            "Vote",
            "VoteWeighted",
            "Deposit",
            "UpdateParams",
            "CancelProposal");
  }
}
