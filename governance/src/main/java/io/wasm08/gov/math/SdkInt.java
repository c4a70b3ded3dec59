package io.wasm08.gov.math;

import io.wasm08.core.errors.IbcException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * {@code cosmossdk.io/math.Int}: an integer of at most 256 bits (plus sign). Arithmetic that leaves
 * the range fails as the Go type panics ({@code "Int overflow"}); text is parsed as the gogoproto
 * custom type decodes it (Go's base-0 {@code big.Int} syntax) and printed in canonical decimal.
 */
public record SdkInt(BigInteger value) implements Comparable<SdkInt> {
  /** {@code MaxBitLen}. */
  public static final int MAX_BIT_LEN = 256;

  public static final SdkInt ZERO = new SdkInt(BigInteger.ZERO);
  public static final SdkInt ONE = new SdkInt(BigInteger.ONE);

  public SdkInt {
    Objects.requireNonNull(value, "value");
    if (value.bitLength() > MAX_BIT_LEN) {
      throw new ArithmeticException("Int overflow");
    }
  }

  public static SdkInt of(long value) {
    return new SdkInt(BigInteger.valueOf(value));
  }

  /**
   * {@code Int.Unmarshal} of proto text (what a {@code Coin.amount} or {@code TallyResult} count
   * holds): plain Go errors {@code math/big: cannot unmarshal "<s>" into a *big.Int} and {@code
   * integer out of range; got: <bits>, max: 256}. An empty string is rejected too (Go leaves a nil
   * Int that later panics).
   */
  public static SdkInt parse(String text) {
    BigInteger parsed =
        GoBigInt.parseBase0(text)
            .orElseThrow(
                () ->
                    IbcException.plainf(
                        "math/big: cannot unmarshal %s into a *big.Int", goQuote(text)));
    if (parsed.bitLength() > MAX_BIT_LEN) {
      throw IbcException.plainf(
          "integer out of range; got: %d, max: %d", parsed.bitLength(), MAX_BIT_LEN);
    }
    return new SdkInt(parsed);
  }

  public SdkInt add(SdkInt other) {
    return new SdkInt(value.add(other.value));
  }

  public SdkInt sub(SdkInt other) {
    return new SdkInt(value.subtract(other.value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public boolean isNegative() {
    return value.signum() < 0;
  }

  public boolean isPositive() {
    return value.signum() > 0;
  }

  public boolean gt(SdkInt other) {
    return value.compareTo(other.value) > 0;
  }

  public boolean gte(SdkInt other) {
    return value.compareTo(other.value) >= 0;
  }

  public boolean lt(SdkInt other) {
    return value.compareTo(other.value) < 0;
  }

  public LegacyDec toLegacyDec() {
    return LegacyDec.fromInt(this);
  }

  @Override
  public int compareTo(SdkInt other) {
    return value.compareTo(other.value);
  }

  /** Canonical decimal, as {@code Int.String()}. */
  @Override
  public String toString() {
    return value.toString();
  }

  /** Go's {@code %q} for the texts parse errors quote (printable ASCII kept, others escaped). */
  static String goQuote(String s) {
    return io.wasm08.core.gostd.GoStrconv.quote(s);
  }
}
