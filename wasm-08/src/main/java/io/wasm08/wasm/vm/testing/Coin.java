package io.wasm08.wasm.vm.testing;

import java.math.BigInteger;
import java.util.Objects;

/** cosmwasm-std {@code Coin}: JSON {@code {"denom":"…","amount":"<Uint256 decimal>"}}. */
public record Coin(String denom, BigInteger amount) {
  public Coin {
    Objects.requireNonNull(denom, "denom");
    if (amount.signum() < 0 || amount.bitLength() > 256) {
      throw new IllegalArgumentException("amount must be a Uint256: " + amount);
    }
  }

  public static Coin of(long amount, String denom) {
    return new Coin(denom, BigInteger.valueOf(amount));
  }
}
