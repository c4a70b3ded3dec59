package io.wasm08.node.tx;

import cosmos.base.v1beta1.CoinOuterClass.Coin;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/** {@code sdk.Coins} text and zero filtering for fees. */
final class FeeCoins {
  private FeeCoins() {}

  /** {@code Coins.String()}: {@code "2000ucosm,5stake"}; empty for no coins. */
  static String format(List<Coin> coins) {
    return coins.stream().map(c -> c.getAmount() + c.getDenom()).collect(Collectors.joining(","));
  }

  static List<Coin> nonZero(List<Coin> coins) {
    return coins.stream().filter(c -> new BigInteger(c.getAmount()).signum() != 0).toList();
  }
}
