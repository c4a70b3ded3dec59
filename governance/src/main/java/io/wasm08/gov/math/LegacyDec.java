package io.wasm08.gov.math;

import io.wasm08.core.errors.IbcException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * {@code cosmossdk.io/math.LegacyDec}: a fixed-point number with 18 decimal places, held as the
 * integer {@code value × 10^18}. Parsing, printing, rounding (banker's rounding on {@link #mul} and
 * {@link #quo}, truncation on {@link #truncateInt}) and the range bound follow math v1.3.0, which
 * SDK v0.50 uses; errors carry its texts.
 */
public final class LegacyDec implements Comparable<LegacyDec> {
  /** {@code LegacyPrecision}. */
  public static final int PRECISION = 18;

  /** {@code maxDecBitLen}: 256 integer bits plus the 59 bits a truncation always removes. */
  static final int MAX_DEC_BIT_LEN = SdkInt.MAX_BIT_LEN + 59;

  private static final BigInteger PRECISION_MULTIPLIER = BigInteger.TEN.pow(PRECISION);
  private static final BigInteger HALF_PRECISION = PRECISION_MULTIPLIER.shiftRight(1);
  private static final BigInteger SQUARED_PRECISION =
      PRECISION_MULTIPLIER.multiply(PRECISION_MULTIPLIER);

  public static final LegacyDec ZERO = new LegacyDec(BigInteger.ZERO);
  public static final LegacyDec ONE = new LegacyDec(PRECISION_MULTIPLIER);

  private final BigInteger scaled;

  private LegacyDec(BigInteger scaled) {
    if (scaled.bitLength() > MAX_DEC_BIT_LEN) {
      throw new ArithmeticException("Int overflow");
    }
    this.scaled = scaled;
  }

  /** {@code LegacyNewDecFromInt}. */
  public static LegacyDec fromInt(SdkInt i) {
    return new LegacyDec(i.value().multiply(PRECISION_MULTIPLIER));
  }

  public static LegacyDec of(long integer) {
    return fromInt(SdkInt.of(integer));
  }

  /** {@code LegacyNewDecWithPrec(i, prec)}: {@code i × 10^-prec}. */
  public static LegacyDec withPrec(long i, int prec) {
    return new LegacyDec(BigInteger.valueOf(i).multiply(BigInteger.TEN.pow(PRECISION - prec)));
  }

  /**
   * {@code LegacyNewDecFromStr}, with its quirks: one leading {@code '-'} is stripped before the
   * digits are parsed with base 10, which accepts a sign of its own ({@code "+.5"} is 0.5, {@code
   * "--1"} is 1). Failures are plain Go errors with upstream's texts.
   */
  public static LegacyDec parse(String text) {
    Objects.requireNonNull(text, "text");
    String str = text;
    boolean negative = false;
    if (!str.isEmpty() && str.charAt(0) == '-') {
      negative = true;
      str = str.substring(1);
    }
    if (str.isEmpty()) {
      throw IbcException.plain("decimal string cannot be empty");
    }
    String[] parts = str.split("\\.", -1);
    int lenDecs = 0;
    String combined = parts[0];
    if (parts.length == 2) {
      lenDecs = parts[1].length();
      if (lenDecs == 0 || combined.isEmpty()) {
        throw IbcException.plain("invalid decimal length");
      }
      combined += parts[1];
    } else if (parts.length > 2) {
      throw IbcException.plain("invalid decimal string");
    }
    if (lenDecs > PRECISION) {
      // Upstream prints PRECISION - lenDecs, a negative count.
      throw IbcException.plainf(
          "value '%s' exceeds max precision by %d decimal places: max precision %d",
          str, PRECISION - lenDecs, PRECISION);
    }
    combined += "0".repeat(PRECISION - lenDecs);
    String digits = combined;
    BigInteger value =
        GoBigInt.parseBase10(digits)
            .orElseThrow(
                () -> IbcException.plainf("failed to set decimal string with base 10: %s", digits));
    if (value.bitLength() > MAX_DEC_BIT_LEN) {
      throw IbcException.plainf(
          "decimal '%s' out of range; bitLen: got %d, max %d",
          str, value.bitLength(), MAX_DEC_BIT_LEN);
    }
    return new LegacyDec(negative ? value.negate() : value);
  }

  public LegacyDec add(LegacyDec other) {
    return new LegacyDec(scaled.add(other.scaled));
  }

  public LegacyDec sub(LegacyDec other) {
    return new LegacyDec(scaled.subtract(other.scaled));
  }

  /** {@code Mul}: the product rounded half-to-even to 18 places. */
  public LegacyDec mul(LegacyDec other) {
    return new LegacyDec(chopPrecisionAndRound(scaled.multiply(other.scaled)));
  }

  /** {@code MulInt}: exact. */
  public LegacyDec mulInt(SdkInt i) {
    return new LegacyDec(scaled.multiply(i.value()));
  }

  /**
   * {@code Quo}: the quotient rounded half-to-even to 18 places; division by zero fails as Go's
   * {@code big.Int} panics.
   */
  public LegacyDec quo(LegacyDec other) {
    if (other.scaled.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    // Go's Quo truncates toward zero, as BigInteger.divide does.
    BigInteger q = scaled.multiply(SQUARED_PRECISION).divide(other.scaled);
    return new LegacyDec(chopPrecisionAndRound(q));
  }

  /** {@code TruncateInt}: toward zero. */
  public SdkInt truncateInt() {
    return new SdkInt(scaled.divide(PRECISION_MULTIPLIER));
  }

  /** {@code RoundInt}: half-to-even. */
  public SdkInt roundInt() {
    return new SdkInt(chopPrecisionAndRound(scaled));
  }

  public boolean isZero() {
    return scaled.signum() == 0;
  }

  public boolean isNegative() {
    return scaled.signum() < 0;
  }

  public boolean isPositive() {
    return scaled.signum() > 0;
  }

  public boolean gt(LegacyDec other) {
    return compareTo(other) > 0;
  }

  public boolean gte(LegacyDec other) {
    return compareTo(other) >= 0;
  }

  public boolean lt(LegacyDec other) {
    return compareTo(other) < 0;
  }

  public boolean lte(LegacyDec other) {
    return compareTo(other) <= 0;
  }

  @Override
  public int compareTo(LegacyDec other) {
    return scaled.compareTo(other.scaled);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LegacyDec other && scaled.equals(other.scaled);
  }

  @Override
  public int hashCode() {
    return scaled.hashCode();
  }

  /** {@code LegacyDec.String()}: always 18 decimals, e.g. {@code "0.334000000000000000"}. */
  @Override
  public String toString() {
    String digits = scaled.abs().toString();
    String body;
    if (digits.length() <= PRECISION) {
      body = "0." + "0".repeat(PRECISION - digits.length()) + digits;
    } else {
      int point = digits.length() - PRECISION;
      body = digits.substring(0, point) + "." + digits.substring(point);
    }
    return scaled.signum() < 0 ? "-" + body : body;
  }

  /** Removes the 18 fractional digits, rounding half to even (Go's chopPrecisionAndRound). */
  private static BigInteger chopPrecisionAndRound(BigInteger d) {
    if (d.signum() < 0) {
      return chopPrecisionAndRound(d.negate()).negate();
    }
    BigInteger[] qr = d.divideAndRemainder(PRECISION_MULTIPLIER);
    BigInteger quo = qr[0];
    int cmp = qr[1].compareTo(HALF_PRECISION);
    if (qr[1].signum() == 0 || cmp < 0) {
      return quo;
    }
    if (cmp > 0 || quo.testBit(0)) {
      return quo.add(BigInteger.ONE);
    }
    return quo;
  }
}
