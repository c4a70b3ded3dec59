package io.wasm08.gov;

import com.google.protobuf.Message;
import cosmos.gov.v1.Genesis.GenesisState;
import cosmos.gov.v1.Tx;
import io.grpc.BindableService;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.core.msg.MsgRouter;
import io.wasm08.gov.bank.BankGenesis;
import io.wasm08.gov.bank.BankKeeper;
import io.wasm08.gov.bank.BankKeys;
import io.wasm08.gov.bank.ModuleAccount;
import io.wasm08.gov.keeper.GovKeys;
import io.wasm08.gov.query.BankQueryServer;
import io.wasm08.gov.query.BankQueryService;
import io.wasm08.gov.query.GovQueryServer;
import io.wasm08.gov.query.GovQueryService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import wasm08.gov.v1.ElectorateOuterClass.Electorate;

/**
 * Governance wired as one unit for a node: the bank (with the gov module account), the gov keeper,
 * its Msg server, EndBlocker and Query services, and genesis of the three states it owns (bank,
 * gov, electorate). The node mounts {@link #STORE_KEYS}, registers {@link #routes()} on its Msg
 * router (the same router it passes here, so proposals can run every module's messages), calls
 * {@link #endBlock} after each block's transactions and serves {@link #queryServices}.
 */
public final class GovModule {
  /** The stores this module needs mounted. */
  public static final List<String> STORE_KEYS = List.of(GovKeys.STORE_KEY, BankKeys.STORE_KEY);

  private final BankKeeper bank;
  private final GovKeeper keeper;
  private final GovMsgServer msgServer;
  private final GovEndBlocker endBlocker;

  private GovModule(BankKeeper bank, GovKeeper keeper) {
    this.bank = bank;
    this.keeper = keeper;
    this.msgServer = new GovMsgServer(keeper);
    this.endBlocker = new GovEndBlocker(keeper);
  }

  /**
   * @param bech32Prefix the chain's account prefix
   * @param anyCodec decodes proposal messages (every Msg type the router knows)
   * @param router the node's Msg router, which proposal messages run through
   * @param otherModuleAccounts further module accounts for the bank (the gov account, with the
   *     burner permission, is always there); like simapp, every module account but gov's is blocked
   *     from receiving funds
   * @param authority who may update gov params: normally {@link GovKeeper#moduleAddress}
   */
  public static GovModule create(
      String bech32Prefix,
      GovConfig config,
      AnyCodec anyCodec,
      MsgRouter router,
      List<ModuleAccount> otherModuleAccounts,
      String authority,
      GovHooks hooks) {
    List<ModuleAccount> accounts = new ArrayList<>();
    accounts.add(ModuleAccount.of(GovKeeper.MODULE_NAME, ModuleAccount.BURNER));
    accounts.addAll(otherModuleAccounts);
    Set<Bytes> blocked = new HashSet<>();
    for (ModuleAccount m : otherModuleAccounts) {
      blocked.add(m.address().bytes());
    }
    BankKeeper bank = new BankKeeper(new AddressCodec(bech32Prefix), accounts, blocked);
    return new GovModule(bank, new GovKeeper(config, anyCodec, router, bank, authority, hooks));
  }

  /**
   * Registers the Msg types of x/gov v1 and of the bank's {@code Msg/Send} as {@code sdk.Msg}
   * implementations, so transactions and proposals can carry them.
   */
  public static AnyCodec.Builder registerTypes(AnyCodec.Builder codec) {
    codec.registerInterface(SdkInterfaces.MSG);
    for (Message m : MSG_TYPES) {
      codec.registerMessage(SdkInterfaces.MSG, m);
    }
    return codec;
  }

  /** The Msg types {@link #registerTypes} registers. */
  public static final List<Message> MSG_TYPES =
      List.of(
          Tx.MsgSubmitProposal.getDefaultInstance(),
          Tx.MsgExecLegacyContent.getDefaultInstance(),
          Tx.MsgVote.getDefaultInstance(),
          Tx.MsgVoteWeighted.getDefaultInstance(),
          Tx.MsgDeposit.getDefaultInstance(),
          Tx.MsgUpdateParams.getDefaultInstance(),
          Tx.MsgCancelProposal.getDefaultInstance(),
          cosmos.bank.v1beta1.Tx.MsgSend.getDefaultInstance());

  public BankKeeper bank() {
    return bank;
  }

  public GovKeeper keeper() {
    return keeper;
  }

  public GovMsgServer msgServer() {
    return msgServer;
  }

  /** The Msg routes to register on the node's router: x/gov's and the bank's {@code Msg/Send}. */
  public List<MsgRoute<?>> routes() {
    List<MsgRoute<?>> out = new ArrayList<>(msgServer.routes());
    out.addAll(bank.routes());
    return out;
  }

  /** The EndBlocker: drops expired deposit periods, tallies ended voting periods, executes. */
  public void endBlock(BlockContext ctx) {
    endBlocker.endBlock(ctx);
  }

  /** The cosmos.gov.v1 and cosmos.bank.v1beta1 Query services over query contexts. */
  public List<BindableService> queryServices(Supplier<BlockContext> queryContext) {
    return List.of(
        new GovQueryService(new GovQueryServer(keeper), queryContext),
        new BankQueryService(new BankQueryServer(bank), queryContext));
  }

  /** The module's three genesis states. */
  public record Genesis(
      cosmos.bank.v1beta1.Genesis.GenesisState bank, GenesisState gov, Electorate electorate) {}

  /** Validates all three with the chain's prefix; throws the first error. */
  public void validateGenesis(Genesis genesis) {
    String prefix = bank.addressCodec().bech32Prefix();
    BankGenesis.validate(genesis.bank(), prefix);
    GovGenesis.validate(genesis.gov(), prefix);
    GovGenesis.validateElectorate(genesis.electorate(), prefix);
  }

  /** Bank first (gov checks that its account holds the deposits), then gov and the electorate. */
  public void initGenesis(BlockContext ctx, Genesis genesis) {
    validateGenesis(genesis);
    BankGenesis.initGenesis(bank, ctx, genesis.bank());
    GovGenesis.initGenesis(keeper, ctx, genesis.gov());
    GovGenesis.initElectorate(keeper, ctx, genesis.electorate());
  }

  public Genesis exportGenesis(BlockContext ctx) {
    return new Genesis(
        BankGenesis.exportGenesis(bank, ctx),
        GovGenesis.exportGenesis(keeper, ctx),
        GovGenesis.exportElectorate(keeper, ctx));
  }
}
