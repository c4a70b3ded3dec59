package io.wasm08.gov.bank;

import com.google.protobuf.BoolValue;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.bank.v1beta1.Bank.Metadata;
import cosmos.bank.v1beta1.Bank.Params;
import cosmos.bank.v1beta1.Tx.MsgSend;
import cosmos.bank.v1beta1.Tx.MsgSendResponse;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.gov.math.SdkInt;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.KvStores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal x/bank (SDK v0.50 semantics and texts): balances and supply, module accounts (the gov
 * escrow), sends, burns and {@code MsgSend}. What a chain without x/bank needs for governance
 * deposits; no vesting (nothing is locked), no minting, no send restrictions. Accounts are not
 * created on receipt — that is x/auth's business, outside this module.
 */
public final class BankKeeper {
  public static final String EVENT_TRANSFER = "transfer";
  public static final String EVENT_COIN_SPENT = "coin_spent";
  public static final String EVENT_COIN_RECEIVED = "coin_received";
  public static final String EVENT_BURN = "burn";

  private final AddressCodec addressCodec;
  private final Map<String, ModuleAccount> moduleAccounts;
  private final Set<Bytes> blockedAddresses;

  /**
   * @param moduleAccounts the module accounts the bank moves coins for (e.g. gov with "burner")
   * @param blockedAddresses addresses that may not receive funds ({@code BlockedAddr}); simapp
   *     blocks every module account except gov's
   */
  public BankKeeper(
      AddressCodec addressCodec, List<ModuleAccount> moduleAccounts, Set<Bytes> blockedAddresses) {
    this.addressCodec = Objects.requireNonNull(addressCodec, "addressCodec");
    Map<String, ModuleAccount> byName = new LinkedHashMap<>();
    for (ModuleAccount m : moduleAccounts) {
      if (byName.put(m.name(), m) != null) {
        throw new IllegalArgumentException("duplicate module account " + m.name());
      }
    }
    this.moduleAccounts = Map.copyOf(byName);
    this.blockedAddresses = Set.copyOf(blockedAddresses);
  }

  public AddressCodec addressCodec() {
    return addressCodec;
  }

  /** The module account named {@code name}; a missing one is a wiring bug (upstream panics). */
  public ModuleAccount moduleAccount(String name) {
    ModuleAccount m = moduleAccounts.get(name);
    if (m == null) {
      throw new IllegalStateException(
          SdkErrorCode.UNKNOWN_ADDRESS
              .wrapf("module account %s does not exist", name)
              .getMessage());
    }
    return m;
  }

  private static KvStore store(BlockContext ctx) {
    return ctx.kvStore(BankKeys.STORE_KEY);
  }

  // --- views -----------------------------------------------------------------------------------

  /** {@code GetBalance}: zero when absent. */
  public Coin getBalance(BlockContext ctx, Bytes address, String denom) {
    Bytes v = store(ctx).get(BankKeys.balance(address, denom));
    return new Coin(denom, v == null ? SdkInt.ZERO : SdkInt.parse(v.toUtf8()));
  }

  /** {@code GetAllBalances}: sorted by denom. */
  public Coins getAllBalances(BlockContext ctx, Bytes address) {
    Bytes prefix = BankKeys.BALANCES.concat(BankKeys.addressPrefix(address));
    List<Coin> out = new ArrayList<>();
    try (KvIterator it = store(ctx).iterator(prefix, KvStores.prefixEnd(prefix))) {
      for (; it.valid(); it.next()) {
        String denom = it.key().slice(prefix.size(), it.key().size()).toUtf8();
        out.add(new Coin(denom, SdkInt.parse(it.value().toUtf8())));
      }
    }
    return new Coins(out);
  }

  /** {@code GetSupply}: zero when absent. */
  public Coin getSupply(BlockContext ctx, String denom) {
    Bytes v = store(ctx).get(BankKeys.supply(denom));
    return new Coin(denom, v == null ? SdkInt.ZERO : SdkInt.parse(v.toUtf8()));
  }

  public Params getParams(BlockContext ctx) {
    Bytes v = store(ctx).get(BankKeys.PARAMS);
    if (v == null) {
      return Params.getDefaultInstance();
    }
    try {
      return Params.parseFrom(v.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt bank params", e);
    }
  }

  public void setParams(BlockContext ctx, Params params) {
    store(ctx).set(BankKeys.PARAMS, Bytes.wrapOwned(params.toByteArray()));
  }

  /** The per-denom send flag, if one is set. */
  public Optional<Boolean> getSendEnabled(BlockContext ctx, String denom) {
    Bytes v = store(ctx).get(BankKeys.sendEnabled(denom));
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(BoolValue.parseFrom(v.toByteArray()).getValue());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt send-enabled flag", e);
    }
  }

  /** {@code SetSendEnabled}; stored as gogoproto's {@code BoolValue}, as upstream stores it. */
  public void setSendEnabled(BlockContext ctx, String denom, boolean enabled) {
    store(ctx)
        .set(BankKeys.sendEnabled(denom), Bytes.wrapOwned(BoolValue.of(enabled).toByteArray()));
  }

  public Optional<Metadata> getDenomMetadata(BlockContext ctx, String denom) {
    Bytes v = store(ctx).get(BankKeys.denomMetadata(denom));
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Metadata.parseFrom(v.toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt denom metadata", e);
    }
  }

  public void setDenomMetadata(BlockContext ctx, Metadata metadata) {
    store(ctx)
        .set(BankKeys.denomMetadata(metadata.getBase()), Bytes.wrapOwned(metadata.toByteArray()));
  }

  /** {@code BlockedAddr}. */
  public boolean blockedAddr(Bytes address) {
    return blockedAddresses.contains(address);
  }

  /** {@code IsSendEnabledCoins}: {@code ErrSendDisabled} for the first disabled denom. */
  public void isSendEnabledCoins(BlockContext ctx, Coins coins) {
    if (coins.isEmpty()) {
      return;
    }
    boolean defaultEnabled = getParams(ctx).getDefaultSendEnabled();
    for (Coin c : coins.coins()) {
      if (!getSendEnabled(ctx, c.denom()).orElse(defaultEnabled)) {
        throw BankErrorCode.SEND_DISABLED.wrapf("%s transfers are currently disabled", c.denom());
      }
    }
  }

  // --- moves -----------------------------------------------------------------------------------

  /** {@code SendCoins}: debit, credit, then {@code transfer} and {@code message{sender}}. */
  public void sendCoins(BlockContext ctx, Bytes from, Bytes to, Coins amount) {
    subUnlockedCoins(ctx, from, amount);
    addCoins(ctx, to, amount);
    String sender = addressCodec.bytesToString(from);
    ctx.eventManager()
        .emit(
            Event.of(
                EVENT_TRANSFER,
                "recipient",
                addressCodec.bytesToString(to),
                "sender",
                sender,
                "amount",
                amount.toString()));
    ctx.eventManager().emit(Event.of(Event.TYPE_MESSAGE, "sender", sender));
  }

  /** {@code SendCoinsFromAccountToModule}. */
  public void sendCoinsFromAccountToModule(
      BlockContext ctx, Bytes from, String module, Coins amount) {
    sendCoins(ctx, from, moduleAccount(module).address().bytes(), amount);
  }

  /** {@code SendCoinsFromModuleToAccount}: the recipient must not be blocked. */
  public void sendCoinsFromModuleToAccount(
      BlockContext ctx, String module, Bytes to, Coins amount) {
    Bytes from = moduleAccount(module).address().bytes();
    if (blockedAddr(to)) {
      throw SdkErrorCode.UNAUTHORIZED.wrapf(
          "%s is not allowed to receive funds", addressCodec.bytesToString(to));
    }
    sendCoins(ctx, from, to, amount);
  }

  /** {@code BurnCoins}: the module needs the burner permission; supply shrinks; {@code burn}. */
  public void burnCoins(BlockContext ctx, String module, Coins amount) {
    ModuleAccount account = moduleAccount(module);
    if (!account.hasPermission(ModuleAccount.BURNER)) {
      throw new IllegalStateException(
          SdkErrorCode.UNAUTHORIZED
              .wrapf("module account %s does not have permissions to burn tokens", module)
              .getMessage());
    }
    subUnlockedCoins(ctx, account.address().bytes(), amount);
    for (Coin c : amount.coins()) {
      Coin supply = getSupply(ctx, c.denom());
      setSupply(ctx, new Coin(c.denom(), supply.amount().sub(c.amount())));
    }
    ctx.eventManager()
        .emit(
            Event.of(
                EVENT_BURN,
                "burner",
                addressCodec.bytesToString(account.address().bytes()),
                "amount",
                amount.toString()));
  }

  private void subUnlockedCoins(BlockContext ctx, Bytes address, Coins amount) {
    if (!amount.isValid()) {
      throw SdkErrorCode.INVALID_COINS.wrap(amount.toString());
    }
    for (Coin coin : amount.coins()) {
      Coin balance = getBalance(ctx, address, coin.denom());
      if (balance.amount().lt(coin.amount())) {
        // Upstream prints the spendable coins, "0<denom>" when there are none.
        throw SdkErrorCode.INSUFFICIENT_FUNDS.wrapf(
            "spendable balance %s is smaller than %s", balance, coin);
      }
      setBalance(ctx, address, new Coin(coin.denom(), balance.amount().sub(coin.amount())));
    }
    ctx.eventManager()
        .emit(
            Event.of(
                EVENT_COIN_SPENT,
                "spender",
                addressCodec.bytesToString(address),
                "amount",
                amount.toString()));
  }

  private void addCoins(BlockContext ctx, Bytes address, Coins amount) {
    if (!amount.isValid()) {
      throw SdkErrorCode.INVALID_COINS.wrap(amount.toString());
    }
    for (Coin coin : amount.coins()) {
      Coin balance = getBalance(ctx, address, coin.denom());
      setBalance(ctx, address, new Coin(coin.denom(), balance.amount().add(coin.amount())));
    }
    ctx.eventManager()
        .emit(
            Event.of(
                EVENT_COIN_RECEIVED,
                "receiver",
                addressCodec.bytesToString(address),
                "amount",
                amount.toString()));
  }

  /** {@code setBalance}: zero balances are removed, never stored. */
  void setBalance(BlockContext ctx, Bytes address, Coin balance) {
    if (!balance.isValid()) {
      throw SdkErrorCode.INVALID_COINS.wrap(balance.toString());
    }
    Bytes key = BankKeys.balance(address, balance.denom());
    if (balance.isZero()) {
      store(ctx).delete(key);
    } else {
      store(ctx).set(key, Bytes.ofUtf8(balance.amount().toString()));
    }
  }

  void setSupply(BlockContext ctx, Coin supply) {
    if (supply.isZero()) {
      store(ctx).delete(BankKeys.supply(supply.denom()));
    } else {
      store(ctx).set(BankKeys.supply(supply.denom()), Bytes.ofUtf8(supply.amount().toString()));
    }
  }

  // --- Msg service -----------------------------------------------------------------------------

  /** The route of {@code Msg/Send} for the node's Msg router (no ValidateBasic in v0.50). */
  public List<MsgRoute<?>> routes() {
    return List.of(MsgRoute.of(MsgSend.getDefaultInstance(), this::send));
  }

  /**
   * {@code Msg/Send} as the v0.50 msg server runs it: addresses, coins valid and positive, sends
   * enabled, recipient not blocked, then {@link #sendCoins}. Atomic: a failure writes nothing.
   */
  public MsgSendResponse send(BlockContext ctx, MsgSend msg) {
    Bytes from = decodeAddress(msg.getFromAddress(), "invalid from address: %s");
    Bytes to = decodeAddress(msg.getToAddress(), "invalid to address: %s");
    Coins amount = Coins.fromProto(msg.getAmountList());
    if (!amount.isValid() || !amount.isAllPositive()) {
      throw SdkErrorCode.INVALID_COINS.wrap(amount.toString());
    }
    BlockContext.Branch branch = ctx.cacheContext();
    isSendEnabledCoins(branch.context(), amount);
    if (blockedAddr(to)) {
      throw SdkErrorCode.UNAUTHORIZED.wrapf(
          "%s is not allowed to receive funds", msg.getToAddress());
    }
    sendCoins(branch.context(), from, to, amount);
    branch.write(ctx);
    return MsgSendResponse.getDefaultInstance();
  }

  private Bytes decodeAddress(String address, String format) {
    try {
      return addressCodec.stringToBytes(address);
    } catch (Wasm08Exception e) {
      throw SdkErrorCode.INVALID_ADDRESS.wrapf(format, e.getMessage());
    }
  }
}
