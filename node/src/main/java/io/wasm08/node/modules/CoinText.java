package io.wasm08.node.modules;

import io.wasm08.gov.bank.Coin;
import io.wasm08.gov.bank.Coins;
import io.wasm08.gov.math.SdkInt;
import io.wasm08.node.NodeErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sdk.ParseCoinsNormalized} for the CLI: {@code "1000stake,5uatom"} → sorted coins. */
public final class CoinText {
  private static final Pattern COIN =
      Pattern.compile("\\s*([0-9]+)\\s*([a-zA-Z][a-zA-Z0-9/:._-]{2,127})\\s*");

  private CoinText() {}

  public static Coins parse(String text) {
    if (text == null || text.isBlank()) {
      return Coins.EMPTY;
    }
    List<Coin> coins = new ArrayList<>();
    for (String part : text.split(",")) {
      Matcher m = COIN.matcher(part);
      if (!m.matches()) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("invalid decimal coin expression: " + part.strip());
      }
      coins.add(Coin.newCoin(m.group(2), SdkInt.parse(m.group(1))));
    }
    return Coins.newCoins(coins);
  }
}
