package io.wasm08.gov.bank;

import cosmos.base.v1beta1.CoinOuterClass;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.gov.math.SdkInt;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@code sdk.Coin}: a denom and an integer amount (possibly invalid, as upstream allows). */
public record Coin(String denom, SdkInt amount) {
  /** {@code reDnmString}: 3 to 128 characters, a letter first. */
  private static final Pattern DENOM = Pattern.compile("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");

  public Coin {
    Objects.requireNonNull(denom, "denom");
    Objects.requireNonNull(amount, "amount");
  }

  public static Coin of(String denom, long amount) {
    return new Coin(denom, SdkInt.of(amount));
  }

  /**
   * {@code sdk.NewCoin}: a valid coin, else fails as upstream panics ({@code ErrInvalidCoins} here,
   * since the caller's input caused it).
   */
  public static Coin newCoin(String denom, SdkInt amount) {
    Coin coin = new Coin(denom, amount);
    coin.validate();
    return coin;
  }

  /**
   * Decodes a wire {@code Coin}: the amount is parsed as gogoproto's {@code math.Int} decodes it; a
   * malformed amount is a tx decode error, as the SDK rejects it while decoding.
   */
  public static Coin fromProto(CoinOuterClass.Coin proto) {
    SdkInt amount;
    try {
      amount = SdkInt.parse(proto.getAmount());
    } catch (IbcException e) {
      throw SdkErrorCode.TX_DECODE.wrap(e.getMessage(), e);
    }
    return new Coin(proto.getDenom(), amount);
  }

  public CoinOuterClass.Coin toProto() {
    return CoinOuterClass.Coin.newBuilder().setDenom(denom).setAmount(amount.toString()).build();
  }

  /** {@code ValidateDenom}: plain error {@code "invalid denom: <denom>"}. */
  public static void validateDenom(String denom) {
    if (!DENOM.matcher(denom).matches()) {
      throw IbcException.plainf("invalid denom: %s", denom);
    }
  }

  /** {@code Coin.Validate}: a valid denom and a non-negative amount. */
  public void validate() {
    validateDenom(denom);
    if (amount.isNegative()) {
      throw IbcException.plainf("negative coin amount: %s", amount);
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

  public boolean isZero() {
    return amount.isZero();
  }

  public boolean isPositive() {
    return amount.isPositive();
  }

  public boolean isNegative() {
    return amount.isNegative();
  }

  /** {@code Coin.IsGTE}; denominations must match. */
  public boolean isGte(Coin other) {
    if (!denom.equals(other.denom)) {
      throw new IllegalArgumentException(
          "invalid coin denominations; " + denom + ", " + other.denom);
    }
    return !amount.lt(other.amount);
  }

  /** {@code Coin.String()}: amount then denom, e.g. {@code "10stake"}. */
  @Override
  public String toString() {
    return amount + denom;
  }
}
