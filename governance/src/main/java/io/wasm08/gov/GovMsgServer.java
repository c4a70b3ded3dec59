package io.wasm08.gov;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Gov.WeightedVoteOption;
import cosmos.gov.v1.Tx.MsgCancelProposal;
import cosmos.gov.v1.Tx.MsgCancelProposalResponse;
import cosmos.gov.v1.Tx.MsgDeposit;
import cosmos.gov.v1.Tx.MsgDepositResponse;
import cosmos.gov.v1.Tx.MsgSubmitProposal;
import cosmos.gov.v1.Tx.MsgSubmitProposalResponse;
import cosmos.gov.v1.Tx.MsgUpdateParams;
import cosmos.gov.v1.Tx.MsgUpdateParamsResponse;
import cosmos.gov.v1.Tx.MsgVote;
import cosmos.gov.v1.Tx.MsgVoteResponse;
import cosmos.gov.v1.Tx.MsgVoteWeighted;
import cosmos.gov.v1.Tx.MsgVoteWeightedResponse;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.gov.bank.Coins;
import io.wasm08.gov.math.LegacyDec;
import io.wasm08.gov.types.GoTime;
import io.wasm08.gov.types.GovParams;
import io.wasm08.gov.types.ProposalMetadata;
import io.wasm08.gov.types.VoteOptions;
import io.wasm08.store.GasConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cosmos.gov.v1 Msg service as SDK v0.50's {@code keeper/msg_server.go} implements it, one
 * method per message. Each call is atomic — it runs in a branch of the context that is written only
 * on success, so a failed message changes nothing and emits nothing. The methods are what the
 * node's Msg router calls (see {@link #handlers()}); they are never served over gRPC. {@code
 * MsgExecLegacyContent} (v1beta1 content) is not supported: it has no handler, so proposals
 * carrying it are unroutable.
 */
public final class GovMsgServer {

  private final GovKeeper keeper;

  public GovMsgServer(GovKeeper keeper) {
    this.keeper = java.util.Objects.requireNonNull(keeper, "keeper");
  }

  /**
   * The routes for the node's Msg router. x/gov v0.50's messages have no {@code ValidateBasic}:
   * every check is in the handlers.
   */
  public List<MsgRoute<?>> routes() {
    return List.of(
        MsgRoute.of(MsgSubmitProposal.getDefaultInstance(), this::submitProposal),
        MsgRoute.of(MsgDeposit.getDefaultInstance(), this::deposit),
        MsgRoute.of(MsgVote.getDefaultInstance(), this::vote),
        MsgRoute.of(MsgVoteWeighted.getDefaultInstance(), this::voteWeighted),
        MsgRoute.of(MsgCancelProposal.getDefaultInstance(), this::cancelProposal),
        MsgRoute.of(MsgUpdateParams.getDefaultInstance(), this::updateParams));
  }

  /** {@code Msg/SubmitProposal}. */
  public MsgSubmitProposalResponse submitProposal(BlockContext ctx, MsgSubmitProposal msg) {
    if (msg.getTitle().isEmpty()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("proposal title cannot be empty");
    }
    if (msg.getSummary().isEmpty()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("proposal summary cannot be empty");
    }
    Bytes proposer = address(msg.getProposer(), "invalid proposer address: %s");
    if (msg.getMessagesCount() == 0 && msg.getMetadata().isEmpty()) {
      throw GovErrorCode.NO_PROPOSAL_MSGS.wrap("either metadata or Msgs length must be non-nil");
    }
    if (!msg.getMetadata().isEmpty()) {
      Optional<ProposalMetadata> metadata = ProposalMetadata.parse(msg.getMetadata());
      if (metadata.isPresent()) {
        if (!metadata.get().title().equals(msg.getTitle())) {
          throw GovErrorCode.INVALID_PROPOSAL_CONTENT.wrapf(
              "metadata title '%s' must equal proposal title '%s'",
              metadata.get().title(), msg.getTitle());
        }
        if (!metadata.get().summary().equals(msg.getSummary())) {
          throw GovErrorCode.INVALID_PROPOSAL_CONTENT.wrapf(
              "metadata summary '%s' must equal proposal summary '%s'",
              metadata.get().summary(), msg.getSummary());
        }
      }
    }
    List<Message> messages = unpack(msg.getMessagesList());
    Coins initialDeposit = Coins.fromProto(msg.getInitialDepositList());

    BlockContext.Branch branch = ctx.cacheContext();
    BlockContext c = branch.context();
    Params params = keeper.getParams(c);
    keeper.validateInitialDeposit(params, initialDeposit, msg.getExpedited());
    keeper.validateDepositDenom(params, initialDeposit);
    Proposal proposal =
        keeper.submitProposal(
            c,
            messages,
            msg.getMetadata(),
            msg.getTitle(),
            msg.getSummary(),
            proposer,
            msg.getExpedited());
    // Three times the KV write cost per byte of the proposal (cosmos-sdk#9683).
    c.gasMeter()
        .consumeGas(
            3 * GasConfig.KV.writeCostPerByte() * proposal.getSerializedSize(), "submit proposal");
    boolean votingStarted = keeper.addDeposit(c, proposal.getId(), proposer, initialDeposit);
    if (votingStarted) {
      c.eventManager()
          .emit(
              Event.of(
                  GovEvents.TYPE_SUBMIT_PROPOSAL,
                  GovEvents.KEY_VOTING_PERIOD_START,
                  Long.toUnsignedString(proposal.getId())));
    }
    branch.write(ctx);
    return MsgSubmitProposalResponse.newBuilder().setProposalId(proposal.getId()).build();
  }

  /** {@code Msg/CancelProposal}. */
  public MsgCancelProposalResponse cancelProposal(BlockContext ctx, MsgCancelProposal msg) {
    address(msg.getProposer(), "invalid proposer address: %s");
    BlockContext.Branch branch = ctx.cacheContext();
    keeper.cancelProposal(branch.context(), msg.getProposalId(), msg.getProposer());
    branch
        .context()
        .eventManager()
        .emit(
            Event.of(
                GovEvents.TYPE_CANCEL_PROPOSAL,
                GovEvents.KEY_SENDER,
                msg.getProposer(),
                GovEvents.KEY_PROPOSAL_ID,
                Long.toUnsignedString(msg.getProposalId())));
    branch.write(ctx);
    return MsgCancelProposalResponse.newBuilder()
        .setProposalId(msg.getProposalId())
        .setCanceledTime(GoTime.timestamp(ctx.blockTime()))
        .setCanceledHeight(ctx.blockHeight())
        .build();
  }

  /** {@code Msg/Vote}: one option with weight 1. */
  public MsgVoteResponse vote(BlockContext ctx, MsgVote msg) {
    Bytes voter = address(msg.getVoter(), "invalid voter address: %s");
    if (!VoteOptions.validVoteOption(msg.getOptionValue())) {
      throw GovErrorCode.INVALID_VOTE.wrap(VoteOptions.name(msg.getOptionValue()));
    }
    BlockContext.Branch branch = ctx.cacheContext();
    keeper.addVote(
        branch.context(),
        msg.getProposalId(),
        voter,
        VoteOptions.nonSplit(msg.getOption()),
        msg.getMetadata());
    branch.write(ctx);
    return MsgVoteResponse.getDefaultInstance();
  }

  /** {@code Msg/VoteWeighted}: valid, distinct options whose weights sum to exactly 1. */
  public MsgVoteWeightedResponse voteWeighted(BlockContext ctx, MsgVoteWeighted msg) {
    Bytes voter = address(msg.getVoter(), "invalid voter address: %s");
    if (msg.getOptionsCount() == 0) {
      throw SdkErrorCode.INVALID_REQUEST.wrap(VoteOptions.json(msg.getOptionsList()));
    }
    LegacyDec totalWeight = LegacyDec.ZERO;
    Set<VoteOption> used = EnumSet.noneOf(VoteOption.class);
    for (WeightedVoteOption option : msg.getOptionsList()) {
      if (!VoteOptions.validWeightedVoteOption(option)) {
        throw GovErrorCode.INVALID_VOTE.wrap(VoteOptions.compactText(option));
      }
      totalWeight = totalWeight.add(LegacyDec.parse(option.getWeight()));
      if (!used.add(option.getOption())) {
        throw GovErrorCode.INVALID_VOTE.wrap("duplicated vote option");
      }
    }
    if (totalWeight.gt(LegacyDec.ONE)) {
      throw GovErrorCode.INVALID_VOTE.wrap("total weight overflow 1.00");
    }
    if (totalWeight.lt(LegacyDec.ONE)) {
      throw GovErrorCode.INVALID_VOTE.wrap("total weight lower than 1.00");
    }
    BlockContext.Branch branch = ctx.cacheContext();
    keeper.addVote(
        branch.context(), msg.getProposalId(), voter, msg.getOptionsList(), msg.getMetadata());
    branch.write(ctx);
    return MsgVoteWeightedResponse.getDefaultInstance();
  }

  /** {@code Msg/Deposit}: coins valid and all positive. */
  public MsgDepositResponse deposit(BlockContext ctx, MsgDeposit msg) {
    Bytes depositor = address(msg.getDepositor(), "invalid depositor address: %s");
    Coins amount = Coins.fromProto(msg.getAmountList());
    if (!amount.isValid() || !amount.isAllPositive()) {
      throw SdkErrorCode.INVALID_COINS.wrap(amount.toString());
    }
    BlockContext.Branch branch = ctx.cacheContext();
    boolean votingStarted =
        keeper.addDeposit(branch.context(), msg.getProposalId(), depositor, amount);
    if (votingStarted) {
      branch
          .context()
          .eventManager()
          .emit(
              Event.of(
                  GovEvents.TYPE_PROPOSAL_DEPOSIT,
                  GovEvents.KEY_VOTING_PERIOD_START,
                  Long.toUnsignedString(msg.getProposalId())));
    }
    branch.write(ctx);
    return MsgDepositResponse.getDefaultInstance();
  }

  /**
   * {@code Msg/UpdateParams}: gov v0.50 compares the authority as a string (it does not use the
   * consensus-params authority); all params are replaced, after {@code Params.ValidateBasic}.
   */
  public MsgUpdateParamsResponse updateParams(BlockContext ctx, MsgUpdateParams msg) {
    if (!keeper.authority().equals(msg.getAuthority())) {
      throw GovErrorCode.INVALID_SIGNER.wrapf(
          "invalid authority; expected %s, got %s", keeper.authority(), msg.getAuthority());
    }
    // gogoproto decodes the non-nullable params as empty when absent.
    Params params = msg.getParams();
    GovParams.validateBasic(params, keeper.addressCodec().bech32Prefix());
    keeper.store(ctx).setParams(params);
    return MsgUpdateParamsResponse.getDefaultInstance();
  }

  private Bytes address(String text, String format) {
    try {
      return keeper.addressCodec().stringToBytes(text);
    } catch (Wasm08Exception e) {
      throw SdkErrorCode.INVALID_ADDRESS.wrapf(format, e.getMessage());
    }
  }

  /**
   * The proposal's messages as the tx decoder unpacks them: an unregistered type URL is a decode
   * error; an empty one leaves no message, which {@code GetMsgs} rejects.
   */
  private List<Message> unpack(List<Any> anys) {
    List<Message> out = new ArrayList<>(anys.size());
    for (Any any : anys) {
      Optional<Message> msg;
      try {
        msg = keeper.anyCodec().unpack(any, SdkInterfaces.MSG);
      } catch (IbcException e) {
        throw SdkErrorCode.TX_DECODE.wrap(e.getMessage(), e);
      }
      out.add(
          msg.orElseThrow(
              () ->
                  IbcException.plain(
                      "any cached value is nil, sdk.MsgProposal messages must be correctly packed"
                          + " any values")));
    }
    return out;
  }
}
