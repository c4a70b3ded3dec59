package io.wasm08.gov.bank;

import cosmos.base.v1beta1.CoinOuterClass;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.math.SdkInt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sdk.Coins}: a list of coins with the SDK's semantics. Like the Go slice it may hold an
 * unsorted or invalid list (user input); {@link #validate()} says whether it is canonical (sorted
 * by denom, no duplicates, all positive). Operations that upstream defines on sorted input ({@link
 * #find}'s binary search, {@link #add}) behave as upstream's do on any input.
 */
public record Coins(List<Coin> coins) {
  public static final Coins EMPTY = new Coins(List.of());

  private static final Comparator<Coin> BY_DENOM = (a, b) -> compareUtf8(a.denom(), b.denom());

  public Coins {
    coins = List.copyOf(coins);
  }

  public static Coins of(Coin... coins) {
    return new Coins(List.of(coins));
  }

  /** Decodes wire coins (see {@link Coin#fromProto}); order and content are kept as given. */
  public static Coins fromProto(Collection<CoinOuterClass.Coin> protos) {
    List<Coin> out = new ArrayList<>(protos.size());
    for (CoinOuterClass.Coin p : protos) {
      out.add(Coin.fromProto(p));
    }
    return new Coins(out);
  }

  public List<CoinOuterClass.Coin> toProto() {
    return coins.stream().map(Coin::toProto).toList();
  }

  /**
   * {@code sdk.NewCoins}: zero coins dropped, sorted, then validated (failing as upstream panics).
   */
  public static Coins newCoins(List<Coin> coins) {
    Coins sanitized = new Coins(coins.stream().filter(c -> !c.isZero()).sorted(BY_DENOM).toList());
    try {
      sanitized.validate();
    } catch (IbcException e) {
      throw IbcException.plainf("invalid coin set %s: %s", sanitized, e.getMessage());
    }
    return sanitized;
  }

  public int size() {
    return coins.size();
  }

  public boolean isEmpty() {
    return coins.isEmpty();
  }

  public Coin get(int i) {
    return coins.get(i);
  }

  /** {@code Coins.Validate}, with upstream's plain error texts. */
  public void validate() {
    if (coins.isEmpty()) {
      return;
    }
    Coin first = coins.get(0);
    Coin.validateDenom(first.denom());
    if (!first.isPositive()) {
      throw IbcException.plainf("coin %s amount is not positive", first);
    }
    String lowDenom = first.denom();
    for (Coin coin : coins.subList(1, coins.size())) {
      Coin.validateDenom(coin.denom());
      int cmp = coin.denom().compareTo(lowDenom);
      if (cmp < 0) {
        throw IbcException.plainf("denomination %s is not sorted", coin.denom());
      }
      if (cmp == 0) {
        throw IbcException.plainf("duplicate denomination %s", coin.denom());
      }
      if (!coin.isPositive()) {
        throw IbcException.plainf("coin %s amount is not positive", coin.denom());
      }
      lowDenom = coin.denom();
    }
  }

  public boolean isValid() {
    try {
      validate();
      return true;
    } catch (IbcException e) {
      return false;
    }
  }

  /**
   * {@code Coins.Add}: amounts summed per denom, zero results dropped, sorted by denom. Upstream
   * requires both sides sorted (it panics otherwise); so does this.
   */
  public Coins add(Coins other) {
    if (!isSorted() || !other.isSorted()) {
      throw new IllegalArgumentException("coins must be sorted");
    }
    Map<String, SdkInt> sums = new LinkedHashMap<>();
    for (Coins side : List.of(this, other)) {
      for (Coin c : side.coins) {
        sums.merge(c.denom(), c.amount(), SdkInt::add);
      }
    }
    List<Coin> out = new ArrayList<>();
    sums.forEach(
        (denom, amount) -> {
          if (!amount.isZero()) {
            out.add(new Coin(denom, amount));
          }
        });
    out.sort(BY_DENOM);
    return new Coins(out);
  }

  /** {@code SafeSub}: {@code this - other}, and whether any amount went negative. */
  public Coins safeSubOrNull(Coins other) {
    List<Coin> negated =
        newCoins(other.coins).coins.stream()
            .map(c -> new Coin(c.denom(), SdkInt.ZERO.sub(c.amount())))
            .toList();
    Coins diff = add(new Coins(negated));
    return diff.isAnyNegative() ? null : diff;
  }

  /** {@code IsAllGTE}: every coin of {@code other} is matched by at least as much here. */
  public boolean isAllGte(Coins other) {
    if (other.isEmpty()) {
      return true;
    }
    if (isEmpty()) {
      return false;
    }
    for (Coin c : other.coins) {
      if (c.amount().gt(amountOf(c.denom()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code IsAllLTE}. */
  public boolean isAllLte(Coins other) {
    return other.isAllGte(this);
  }

  /** {@code AmountOf}: the amount of {@code denom} (zero if absent); the denom must be valid. */
  public SdkInt amountOf(String denom) {
    Coin.validateDenom(denom);
    Coin found = find(denom);
    return found == null ? SdkInt.ZERO : found.amount();
  }

  /** {@code Find}: upstream's binary search, so results on unsorted input match Go's. */
  public Coin find(String denom) {
    List<Coin> range = coins;
    while (true) {
      switch (range.size()) {
        case 0 -> {
          return null;
        }
        case 1 -> {
          return range.get(0).denom().equals(denom) ? range.get(0) : null;
        }
        default -> {
          int mid = range.size() / 2;
          Coin coin = range.get(mid);
          int cmp = compareUtf8(denom, coin.denom());
          if (cmp == 0) {
            return coin;
          }
          range = cmp < 0 ? range.subList(0, mid) : range.subList(mid + 1, range.size());
        }
      }
    }
  }

  /** {@code IsZero}: every amount is zero (true for no coins). */
  public boolean isZero() {
    return coins.stream().allMatch(Coin::isZero);
  }

  /** {@code IsAllPositive}: false for no coins. */
  public boolean isAllPositive() {
    return !coins.isEmpty() && coins.stream().allMatch(Coin::isPositive);
  }

  public boolean isAnyNegative() {
    return coins.stream().anyMatch(Coin::isNegative);
  }

  private boolean isSorted() {
    for (int i = 1; i < coins.size(); i++) {
      if (BY_DENOM.compare(coins.get(i - 1), coins.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code Coins.String()}: coins joined by commas, {@code ""} for none. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < coins.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(coins.get(i));
    }
    return b.toString();
  }

  /** Go compares strings by their UTF-8 bytes, which is code-point order. */
  private static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
