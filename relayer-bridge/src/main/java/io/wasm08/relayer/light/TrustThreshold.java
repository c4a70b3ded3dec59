package io.wasm08.relayer.light;

import io.wasm08.relayer.RelayerErrorCode;
import java.math.BigInteger;

/**
 * The fraction of voting power that must have signed, tendermint-rs' {@code TrustThresholdFraction}
 * (ibc-go's {@code Fraction}): within [1/3, 1]; "enough" means strictly more than the fraction.
 */
public record TrustThreshold(long numerator, long denominator) {
  public static final TrustThreshold ONE_THIRD = new TrustThreshold(1, 3);
  public static final TrustThreshold TWO_THIRDS = new TrustThreshold(2, 3);

  public TrustThreshold {
    if (numerator < 0 || denominator < 0) {
      throw RelayerErrorCode.INVALID_OPTIONS.wrap(
          "trust threshold " + numerator + "/" + denominator + " must not be negative");
    }
    if (denominator == 0) {
      throw RelayerErrorCode.INVALID_OPTIONS.wrap(
          "trust threshold " + numerator + "/0 is undefined");
    }
    if (numerator > denominator) {
      throw RelayerErrorCode.INVALID_OPTIONS.wrap(
          "trust threshold " + numerator + "/" + denominator + " is greater than 1");
    }
    if (BigInteger.valueOf(numerator)
            .multiply(BigInteger.valueOf(3))
            .compareTo(BigInteger.valueOf(denominator))
        < 0) {
      throw RelayerErrorCode.INVALID_OPTIONS.wrap(
          "trust threshold " + numerator + "/" + denominator + " is less than 1/3");
    }
  }

  /** {@code signed * denominator > total * numerator}, without overflow. */
  public boolean isEnoughPower(long signed, long total) {
    return BigInteger.valueOf(signed)
            .multiply(BigInteger.valueOf(denominator))
            .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(numerator)))
        > 0;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
