package io.wasm08.gov;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import cosmos.gov.v1.Gov.Deposit;
import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.Vote;
import cosmos.gov.v1.Gov.WeightedVoteOption;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.events.Event;
import io.wasm08.core.gostd.GoStrings;
import io.wasm08.core.msg.MsgRouter;
import io.wasm08.core.tx.MsgSigners;
import io.wasm08.gov.bank.BankKeeper;
import io.wasm08.gov.bank.Coin;
import io.wasm08.gov.bank.Coins;
import io.wasm08.gov.bank.ModuleAccount;
import io.wasm08.gov.keeper.GovKeys;
import io.wasm08.gov.keeper.GovStore;
import io.wasm08.gov.keeper.Tally;
import io.wasm08.gov.math.LegacyDec;
import io.wasm08.gov.math.SdkInt;
import io.wasm08.gov.types.GoTime;
import io.wasm08.gov.types.GovParams;
import io.wasm08.gov.types.VoteOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The x/gov v1 keeper of SDK v0.50: proposals, deposits (escrowed in the gov module account through
 * the bank), votes, the tally over the electorate, and the queues the {@link GovEndBlocker} walks.
 * Methods take the context they run in; state lives in the {@code "gov"} store ({@link GovKeys}),
 * coins in the bank's. Validation that upstream does in the msg server lives in {@link
 * GovMsgServer}.
 */
public final class GovKeeper {
  /** {@code types.ModuleName}: also the name of the module account holding the deposits. */
  public static final String MODULE_NAME = "gov";

  private final GovConfig config;
  private final AnyCodec anyCodec;
  private final MsgSigners msgSigners;
  private final MsgRouter router;
  private final BankKeeper bank;
  private final AddressCodec addressCodec;
  private final String authority;
  private final GovHooks hooks;
  private final Bytes moduleAddress;

  /**
   * @param anyCodec decodes proposal messages ({@link SdkInterfaces#MSG})
   * @param router the node's Msg router: proposal messages must be routable and run through it
   * @param bank holds the deposits; must know the {@value #MODULE_NAME} module account with the
   *     burner permission
   * @param authority who may send {@code MsgUpdateParams} (normally the gov module account)
   */
  public GovKeeper(
      GovConfig config,
      AnyCodec anyCodec,
      MsgRouter router,
      BankKeeper bank,
      String authority,
      GovHooks hooks) {
    this.config = Objects.requireNonNull(config, "config");
    this.anyCodec = Objects.requireNonNull(anyCodec, "anyCodec");
    this.router = Objects.requireNonNull(router, "router");
    this.bank = Objects.requireNonNull(bank, "bank");
    this.addressCodec = bank.addressCodec();
    this.msgSigners = new MsgSigners(addressCodec);
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    ModuleAccount account = bank.moduleAccount(MODULE_NAME);
    if (!account.hasPermission(ModuleAccount.BURNER)) {
      throw new IllegalArgumentException("the gov module account needs the burner permission");
    }
    this.moduleAddress = account.address().bytes();
    try {
      addressCodec.stringToBytes(authority);
    } catch (Wasm08Exception e) {
      throw new IllegalArgumentException("invalid authority address: " + authority, e);
    }
    this.authority = authority;
  }

  /** The gov module account address in bech32 with {@code prefix}: the default authority. */
  public static String moduleAddress(String bech32Prefix) {
    return AccAddress.module(MODULE_NAME).toBech32(bech32Prefix);
  }

  public String authority() {
    return authority;
  }

  public Bytes moduleAccountAddress() {
    return moduleAddress;
  }

  public AddressCodec addressCodec() {
    return addressCodec;
  }

  public BankKeeper bank() {
    return bank;
  }

  public AnyCodec anyCodec() {
    return anyCodec;
  }

  public MsgRouter router() {
    return router;
  }

  GovHooks hooks() {
    return hooks;
  }

  GovConfig config() {
    return config;
  }

  /** The gov store of {@code ctx}, typed. */
  public GovStore store(BlockContext ctx) {
    return new GovStore(ctx.kvStore(GovKeys.STORE_KEY));
  }

  public Params getParams(BlockContext ctx) {
    return store(ctx).params();
  }

  // --- proposals -------------------------------------------------------------------------------

  /**
   * {@code Keeper.SubmitProposal}: length limits; for every message its {@code ValidateBasic},
   * exactly one signer which must be the gov module account, and a route; then a new proposal in
   * its deposit period, queued by its deposit end time, and {@code submit_proposal}.
   */
  public Proposal submitProposal(
      BlockContext ctx,
      List<Message> messages,
      String metadata,
      String title,
      String summary,
      Bytes proposer,
      boolean expedited) {
    assertMetadataLength(metadata);
    assertSummaryLength(summary);
    assertMetadataLength(title);

    StringBuilder msgsStr = new StringBuilder();
    List<Any> packed = new ArrayList<>(messages.size());
    for (Message msg : messages) {
      String typeUrl = AnyCodec.typeUrl(msg);
      msgsStr.append(',').append(typeUrl);
      try {
        router.validateBasic(msg);
      } catch (Wasm08Exception e) {
        throw GovErrorCode.INVALID_PROPOSAL_MSG.wrap(e.getMessage(), e);
      }
      List<Bytes> signers = msgSigners.signers(msg);
      if (signers.size() != 1) {
        throw GovErrorCode.INVALID_SIGNER.error();
      }
      if (!signers.get(0).equals(moduleAddress)) {
        throw GovErrorCode.INVALID_SIGNER.wrap(addressCodec.bytesToString(signers.get(0)));
      }
      if (router.route(typeUrl).isEmpty()) {
        throw GovErrorCode.UNROUTABLE_PROPOSAL_MSG.wrap(typeUrl);
      }
      packed.add(AnyCodec.pack(msg));
    }

    GovStore store = store(ctx);
    long proposalId = store.nextProposalId();
    Params params = store.params();
    Instant submitTime = ctx.blockTime();
    Instant depositEnd =
        GoTime.plus(submitTime, GoTime.durationNanos(params.getMaxDepositPeriod()));
    Proposal proposal =
        Proposal.newBuilder()
            .setId(proposalId)
            .addAllMessages(packed)
            .setMetadata(metadata)
            .setStatus(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD)
            .setFinalTallyResult(Tally.empty())
            .setSubmitTime(GoTime.timestamp(submitTime))
            .setDepositEndTime(GoTime.timestamp(depositEnd))
            .setTitle(title)
            .setSummary(summary)
            .setProposer(addressCodec.bytesToString(proposer))
            .setExpedited(expedited)
            .build();
    store.setProposal(proposal);
    store.insertInactive(depositEnd, proposalId);
    hooks.afterProposalSubmission(ctx, proposalId);
    ctx.eventManager()
        .emit(
            Event.of(
                GovEvents.TYPE_SUBMIT_PROPOSAL,
                GovEvents.KEY_PROPOSAL_ID,
                Long.toUnsignedString(proposalId),
                GovEvents.KEY_PROPOSAL_MESSAGES,
                msgsStr.toString()));
    return proposal;
  }

  /** The decoded messages of a stored proposal ({@code Proposal.GetMsgs}). */
  public List<Message> proposalMessages(Proposal proposal) {
    List<Message> out = new ArrayList<>(proposal.getMessagesCount());
    for (Any any : proposal.getMessagesList()) {
      out.add(
          anyCodec
              .unpack(any, SdkInterfaces.MSG)
              .orElseThrow(
                  () ->
                      IbcException.plain(
                          "any cached value is nil, sdk.MsgProposal messages must be correctly"
                              + " packed any values")));
    }
    return out;
  }

  /**
   * {@code Keeper.CancelProposal}: only the proposer, only in the deposit or voting period and
   * before the voting period ended; charges the deposits ({@code proposal_cancel_ratio} burned or
   * sent to {@code proposal_cancel_dest}, the rest refunded) and deletes the proposal and its
   * votes.
   */
  public void cancelProposal(BlockContext ctx, long proposalId, String proposer) {
    GovStore store = store(ctx);
    Proposal proposal = store.getProposal(proposalId);
    if (proposal.getProposer().isEmpty()) {
      throw GovErrorCode.INVALID_PROPOSAL.wrapf(
          "proposal %s doesn't have proposer %s, so cannot be canceled",
          Long.toUnsignedString(proposalId), proposer);
    }
    if (!proposal.getProposer().equals(proposer)) {
      throw GovErrorCode.INVALID_PROPOSER.wrapf("invalid proposer %s", proposer);
    }
    if (proposal.getStatus() != ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD
        && proposal.getStatus() != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
      throw GovErrorCode.INVALID_PROPOSAL.wrap(
          "proposal should be in the deposit or voting period");
    }
    if (proposal.hasVotingEndTime()
        && GoTime.instant(proposal.getVotingEndTime()).isBefore(ctx.blockTime())) {
      throw GovErrorCode.VOTING_PERIOD_ENDED.wrapf(
          "voting period is already ended for this proposal %s", Long.toUnsignedString(proposalId));
    }
    Params params = store.params();
    chargeDeposit(ctx, proposalId, params.getProposalCancelDest(), params.getProposalCancelRatio());
    if (proposal.hasVotingStartTime()) {
      deleteVotes(ctx, proposalId);
    }
    store.deleteProposal(proposalId);
  }

  /** {@code ActivateVotingPeriod}: from the deposit queue to the voting queue. */
  void activateVotingPeriod(BlockContext ctx, Proposal proposal) {
    GovStore store = store(ctx);
    Params params = store.params();
    Instant start = ctx.blockTime();
    long period =
        GoTime.durationNanos(
            proposal.getExpedited() ? params.getExpeditedVotingPeriod() : params.getVotingPeriod());
    Instant end = GoTime.plus(start, period);
    Proposal activated =
        proposal.toBuilder()
            .setVotingStartTime(GoTime.timestamp(start))
            .setVotingEndTime(GoTime.timestamp(end))
            .setStatus(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD)
            .build();
    store.setProposal(activated);
    store.removeInactive(GoTime.instant(proposal.getDepositEndTime()), proposal.getId());
    store.insertActive(end, proposal.getId());
  }

  // --- deposits --------------------------------------------------------------------------------

  /**
   * {@code Keeper.AddDeposit}: the proposal must take deposits; denoms must be gov's; with a
   * non-zero {@code min_deposit_ratio} at least one denom must reach {@code floor(min deposit ×
   * ratio)}; the coins move to the gov account; voting starts once the total reaches the
   * (expedited) min deposit. Returns whether voting started.
   */
  public boolean addDeposit(BlockContext ctx, long proposalId, Bytes depositor, Coins amount) {
    GovStore store = store(ctx);
    Proposal proposal = store.getProposal(proposalId);
    if (proposal.getStatus() != ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD
        && proposal.getStatus() != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
      throw GovErrorCode.INACTIVE_PROPOSAL.wrap(Long.toUnsignedString(proposalId));
    }
    Params params = store.params();
    Coins minDeposit = GovParams.minDeposit(params, proposal.getExpedited());
    LegacyDec minDepositRatio = LegacyDec.parse(params.getMinDepositRatio());
    validateDepositDenom(params, amount);
    if (!minDepositRatio.isZero()) {
      boolean met = false;
      List<String> thresholds = new ArrayList<>();
      for (Coin min : minDeposit.coins()) {
        Coin threshold =
            Coin.newCoin(
                min.denom(), min.amount().toLegacyDec().mul(minDepositRatio).truncateInt());
        thresholds.add(threshold.toString());
        Coin deposited = amount.find(min.denom());
        if (deposited == null) {
          continue;
        }
        if (deposited.isGte(threshold)) {
          met = true;
          break;
        }
      }
      if (!met) {
        throw GovErrorCode.MIN_DEPOSIT_TOO_SMALL.wrapf(
            "received %s but need at least one of the following: %s",
            amount, String.join(",", thresholds));
      }
    }

    bank.sendCoinsFromAccountToModule(ctx, depositor, MODULE_NAME, amount);

    Coins total =
        Coins.newCoins(Coins.fromProto(proposal.getTotalDepositList()).coins()).add(amount);
    proposal = proposal.toBuilder().clearTotalDeposit().addAllTotalDeposit(total.toProto()).build();
    store.setProposal(proposal);

    boolean activated = false;
    if (proposal.getStatus() == ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD
        && Coins.newCoins(total.coins()).isAllGte(minDeposit)) {
      activateVotingPeriod(ctx, proposal);
      activated = true;
    }

    Deposit deposit =
        store
            .deposit(proposalId, depositor)
            .map(
                d -> {
                  Coins sum =
                      Coins.newCoins(Coins.fromProto(d.getAmountList()).coins()).add(amount);
                  return d.toBuilder().clearAmount().addAllAmount(sum.toProto()).build();
                })
            .orElseGet(
                () ->
                    Deposit.newBuilder()
                        .setProposalId(proposalId)
                        .setDepositor(addressCodec.bytesToString(depositor))
                        .addAllAmount(amount.toProto())
                        .build());
    hooks.afterProposalDeposit(ctx, proposalId, depositor);
    ctx.eventManager()
        .emit(
            Event.of(
                GovEvents.TYPE_PROPOSAL_DEPOSIT,
                GovEvents.KEY_AMOUNT,
                amount.toString(),
                GovEvents.KEY_PROPOSAL_ID,
                Long.toUnsignedString(proposalId)));
    store.setDeposit(deposit, depositor);
    return activated;
  }

  /**
   * {@code validateInitialDeposit}: valid, non-negative, and at least {@code
   * min_initial_deposit_ratio} of the (expedited) min deposit, rounded, in every denom.
   */
  void validateInitialDeposit(Params params, Coins initialDeposit, boolean expedited) {
    if (!initialDeposit.isValid() || initialDeposit.isAnyNegative()) {
      throw io.wasm08.core.errors.SdkErrorCode.INVALID_COINS.wrap(initialDeposit.toString());
    }
    LegacyDec ratio = LegacyDec.parse(params.getMinInitialDepositRatio());
    if (ratio.isZero()) {
      return;
    }
    List<Coin> required = new ArrayList<>();
    for (Coin c : GovParams.minDeposit(params, expedited).coins()) {
      required.add(new Coin(c.denom(), c.amount().toLegacyDec().mul(ratio).roundInt()));
    }
    Coins minDepositCoins = new Coins(required);
    if (!initialDeposit.isAllGte(minDepositCoins)) {
      throw GovErrorCode.MIN_DEPOSIT_TOO_SMALL.wrapf(
          "was (%s), need (%s)", initialDeposit, minDepositCoins);
    }
  }

  /** {@code validateDepositDenom}: every denom must be one of {@code min_deposit}'s. */
  void validateDepositDenom(Params params, Coins amount) {
    List<String> denoms = params.getMinDepositList().stream().map(c -> c.getDenom()).toList();
    for (Coin c : amount.coins()) {
      if (!denoms.contains(c.denom())) {
        throw GovErrorCode.INVALID_DEPOSIT_DENOM.wrapf(
            "deposited %s, but gov accepts only the following denom(s): [%s]",
            amount, String.join(" ", denoms));
      }
    }
  }

  /**
   * {@code ChargeDeposit}: of every deposit coin, {@code floor(amount × rate)} is charged (burned,
   * or sent to {@code destAddress} when set) and the rest refunded; the deposits are deleted.
   */
  void chargeDeposit(BlockContext ctx, long proposalId, String destAddress, String rateText) {
    LegacyDec rate = LegacyDec.parse(rateText);
    GovStore store = store(ctx);
    Coins charges = Coins.EMPTY;
    for (GovStore.KeyedDeposit keyed : store.deposits(proposalId)) {
      Deposit deposit = keyed.deposit();
      Bytes depositor = addressCodec.stringToBytes(deposit.getDepositor());
      Coins remaining = Coins.EMPTY;
      for (Coin coin : Coins.fromProto(deposit.getAmountList()).coins()) {
        SdkInt burn = coin.amount().toLegacyDec().mul(rate).truncateInt();
        remaining = remaining.add(Coins.of(Coin.newCoin(coin.denom(), coin.amount().sub(burn))));
        charges = charges.add(Coins.of(Coin.newCoin(coin.denom(), burn)));
      }
      if (!remaining.isZero()) {
        bank.sendCoinsFromModuleToAccount(ctx, MODULE_NAME, depositor, remaining);
      }
      store.removeDeposit(deposit.getProposalId(), depositor);
    }
    if (!charges.isZero()) {
      if (destAddress.isEmpty()) {
        bank.burnCoins(ctx, MODULE_NAME, charges);
      } else {
        // Without x/distribution there is no community pool: every destination is an account.
        bank.sendCoinsFromModuleToAccount(
            ctx, MODULE_NAME, addressCodec.stringToBytes(destAddress), charges);
      }
    }
  }

  /** {@code RefundAndDeleteDeposits}. */
  void refundAndDeleteDeposits(BlockContext ctx, long proposalId) {
    GovStore store = store(ctx);
    for (GovStore.KeyedDeposit keyed : store.deposits(proposalId)) {
      bank.sendCoinsFromModuleToAccount(
          ctx, MODULE_NAME, keyed.depositor(), Coins.fromProto(keyed.deposit().getAmountList()));
      store.removeDeposit(proposalId, keyed.depositor());
    }
  }

  /** {@code DeleteAndBurnDeposits}. */
  void deleteAndBurnDeposits(BlockContext ctx, long proposalId) {
    GovStore store = store(ctx);
    Coins toBurn = Coins.EMPTY;
    for (GovStore.KeyedDeposit keyed : store.deposits(proposalId)) {
      toBurn = toBurn.add(Coins.fromProto(keyed.deposit().getAmountList()));
      store.removeDeposit(proposalId, keyed.depositor());
    }
    bank.burnCoins(ctx, MODULE_NAME, toBurn);
  }

  // --- votes -----------------------------------------------------------------------------------

  /**
   * {@code Keeper.AddVote}: only during the voting period; a later vote of the same voter replaces
   * the earlier one; {@code proposal_vote}.
   */
  public void addVote(
      BlockContext ctx,
      long proposalId,
      Bytes voter,
      List<WeightedVoteOption> options,
      String metadata) {
    GovStore store = store(ctx);
    if (!store.inVotingPeriod(proposalId)) {
      throw GovErrorCode.INACTIVE_PROPOSAL.wrap(Long.toUnsignedString(proposalId));
    }
    assertMetadataLength(metadata);
    for (WeightedVoteOption option : options) {
      if (!VoteOptions.validWeightedVoteOption(option)) {
        throw GovErrorCode.INVALID_VOTE.wrap(VoteOptions.compactText(option));
      }
    }
    String voterText = addressCodec.bytesToString(voter);
    Vote vote =
        Vote.newBuilder()
            .setProposalId(proposalId)
            .setVoter(voterText)
            .addAllOptions(options)
            .setMetadata(metadata)
            .build();
    store.setVote(vote, voter);
    hooks.afterProposalVote(ctx, proposalId, voter);
    ctx.eventManager()
        .emit(
            Event.of(
                GovEvents.TYPE_PROPOSAL_VOTE,
                GovEvents.KEY_VOTER,
                voterText,
                GovEvents.KEY_OPTION,
                VoteOptions.json(options),
                GovEvents.KEY_PROPOSAL_ID,
                Long.toUnsignedString(proposalId)));
  }

  void deleteVotes(BlockContext ctx, long proposalId) {
    GovStore store = store(ctx);
    for (GovStore.KeyedVote v : store.votes(proposalId)) {
      store.removeVote(proposalId, v.voter());
    }
  }

  /**
   * {@code Keeper.Tally} without its side effect: upstream deletes the votes while counting them;
   * the {@link GovEndBlocker} does that explicitly, and queries count without deleting.
   */
  public Tally tally(BlockContext ctx, Proposal proposal) {
    GovStore store = store(ctx);
    SdkInt totalPower = SdkInt.ZERO;
    for (GovStore.ElectorateEntry e : store.electorate()) {
      totalPower = totalPower.add(e.power());
    }
    List<Tally.CountedVote> counted = new ArrayList<>();
    for (GovStore.KeyedVote v : store.votes(proposal.getId())) {
      counted.add(new Tally.CountedVote(store.votingPower(v.voter()), v.vote()));
    }
    return Tally.compute(store.params(), proposal.getExpedited(), counted, totalPower);
  }

  // --- helpers ---------------------------------------------------------------------------------

  void assertMetadataLength(String metadata) {
    long len = GoStrings.len(metadata);
    if (!metadata.isEmpty() && len > config.maxMetadataLen()) {
      throw GovErrorCode.METADATA_TOO_LONG.wrapf("got metadata with length %d", len);
    }
  }

  void assertSummaryLength(String summary) {
    long len = GoStrings.len(summary);
    if (!summary.isEmpty() && len > 40 * config.maxMetadataLen()) {
      throw GovErrorCode.SUMMARY_TOO_LONG.wrapf("got summary with length %d", len);
    }
  }
}
