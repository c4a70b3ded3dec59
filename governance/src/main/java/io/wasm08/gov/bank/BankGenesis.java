package io.wasm08.gov.bank;

import cosmos.bank.v1beta1.Bank.Metadata;
import cosmos.bank.v1beta1.Bank.SendEnabled;
import cosmos.bank.v1beta1.Genesis.Balance;
import cosmos.bank.v1beta1.Genesis.GenesisState;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.math.SdkInt;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.KvStores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * x/bank genesis (SDK v0.50 {@code GenesisState.Validate}, {@code InitGenesis}, {@code
 * ExportGenesis}) for the minimal bank: params, send-enabled flags, balances, supply (checked
 * against the balances) and denom metadata (kept, validated only for its base denom).
 */
public final class BankGenesis {
  private BankGenesis() {}

  public static void validate(GenesisState gs, String bech32Prefix) {
    if (gs.getParams().getSendEnabledCount() > 0 && gs.getSendEnabledCount() > 0) {
      throw IbcException.plain(
          "send_enabled defined in both the send_enabled field and in params (deprecated)");
    }
    if (gs.getParams().getSendEnabledCount() > 0) {
      throw IbcException.plain("use of send_enabled in params is no longer supported");
    }
    Set<String> seenSendEnabled = new HashSet<>();
    for (SendEnabled se : gs.getSendEnabledList()) {
      if (!seenSendEnabled.add(se.getDenom())) {
        throw IbcException.plainf("duplicate send enabled found: '%s'", se.getDenom());
      }
      Coin.validateDenom(se.getDenom());
    }
    Set<String> seenBalances = new HashSet<>();
    Coins totalSupply = Coins.EMPTY;
    for (Balance b : gs.getBalancesList()) {
      if (!seenBalances.add(b.getAddress())) {
        throw IbcException.plainf("duplicate balance for address %s", b.getAddress());
      }
      AccAddress.fromBech32(b.getAddress(), bech32Prefix);
      Coins coins = Coins.fromProto(b.getCoinsList());
      coins.validate();
      totalSupply = totalSupply.add(coins);
    }
    Set<String> seenMetadata = new HashSet<>();
    for (Metadata m : gs.getDenomMetadataList()) {
      if (!seenMetadata.add(m.getBase())) {
        throw IbcException.plainf("duplicate client metadata for denom %s", m.getBase());
      }
      Coin.validateDenom(m.getBase());
    }
    Coins supply = Coins.fromProto(gs.getSupplyList());
    if (!supply.isEmpty()) {
      supply.validate();
      if (!supply.equals(totalSupply)) {
        throw IbcException.plainf(
            "genesis supply is incorrect, expected %s, got %s", supply, totalSupply);
      }
    }
  }

  /** {@code InitGenesis}; balances are written in address order, supply is their sum. */
  public static void initGenesis(BankKeeper bank, BlockContext ctx, GenesisState gs) {
    bank.setParams(ctx, gs.getParams());
    for (SendEnabled se : gs.getSendEnabledList()) {
      bank.setSendEnabled(ctx, se.getDenom(), se.getEnabled());
    }
    List<Balance> balances = new ArrayList<>(gs.getBalancesList());
    List<Bytes> addresses = new ArrayList<>();
    for (Balance b : balances) {
      addresses.add(bank.addressCodec().stringToBytes(b.getAddress()));
    }
    Map<String, SdkInt> supply = new LinkedHashMap<>();
    for (int i = 0; i < balances.size(); i++) {
      for (Coin c : Coins.fromProto(balances.get(i).getCoinsList()).coins()) {
        bank.setBalance(ctx, addresses.get(i), c);
        supply.merge(c.denom(), c.amount(), SdkInt::add);
      }
    }
    Coins total =
        Coins.newCoins(
            supply.entrySet().stream().map(e -> new Coin(e.getKey(), e.getValue())).toList());
    Coins declared = Coins.fromProto(gs.getSupplyList());
    if (!declared.isEmpty() && !declared.equals(total)) {
      throw IbcException.plainf(
          "genesis supply is incorrect, expected %s, got %s", declared, total);
    }
    for (Coin c : total.coins()) {
      bank.setSupply(ctx, c);
    }
    for (Metadata m : gs.getDenomMetadataList()) {
      bank.setDenomMetadata(ctx, m);
    }
  }

  /** {@code ExportGenesis}: everything in store order. */
  public static GenesisState exportGenesis(BankKeeper bank, BlockContext ctx) {
    KvStore store = ctx.kvStore(BankKeys.STORE_KEY);
    GenesisState.Builder out = GenesisState.newBuilder().setParams(bank.getParams(ctx));
    Map<Bytes, List<Coin>> byAddress = new LinkedHashMap<>();
    each(
        store,
        BankKeys.BALANCES,
        (k, v) -> {
          int len = k.get(1) & 0xFF;
          Bytes address = k.slice(2, 2 + len);
          String denom = k.slice(2 + len, k.size()).toUtf8();
          byAddress
              .computeIfAbsent(address, a -> new ArrayList<>())
              .add(new Coin(denom, SdkInt.parse(v.toUtf8())));
        });
    byAddress.forEach(
        (address, coins) ->
            out.addBalances(
                Balance.newBuilder()
                    .setAddress(bank.addressCodec().bytesToString(address))
                    .addAllCoins(new Coins(coins).toProto())));
    each(
        store,
        BankKeys.SUPPLY,
        (k, v) ->
            out.addSupply(
                new Coin(k.slice(1, k.size()).toUtf8(), SdkInt.parse(v.toUtf8())).toProto()));
    each(
        store,
        BankKeys.DENOM_METADATA,
        (k, v) ->
            out.addDenomMetadata(
                bank.getDenomMetadata(ctx, k.slice(1, k.size()).toUtf8()).orElseThrow()));
    each(
        store,
        BankKeys.SEND_ENABLED,
        (k, v) -> {
          String denom = k.slice(1, k.size()).toUtf8();
          out.addSendEnabled(
              SendEnabled.newBuilder()
                  .setDenom(denom)
                  .setEnabled(bank.getSendEnabled(ctx, denom).orElseThrow()));
        });
    return out.build();
  }

  private static void each(KvStore store, Bytes prefix, BiConsumer<Bytes, Bytes> f) {
    try (KvIterator it = store.iterator(prefix, KvStores.prefixEnd(prefix))) {
      for (; it.valid(); it.next()) {
        f.accept(it.key(), it.value());
      }
    }
  }
}
