package io.wasm08.relayer.quorum;

import io.wasm08.relayer.RelayerErrorCode;

/**
 * How many of the update executors must agree before an update is submitted: at least {@code
 * numerator/denominator} of all configured executors (an executor that failed or did not answer
 * counts against). Default 2/3.
 */
public record QuorumThreshold(long numerator, long denominator) {
  public static final QuorumThreshold TWO_THIRDS = new QuorumThreshold(2, 3);

  public QuorumThreshold {
    if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
      throw RelayerErrorCode.INVALID_CONFIG.wrap(
          "quorum threshold " + numerator + "/" + denominator + " must be within (0, 1]");
    }
  }

  public static QuorumThreshold of(long numerator, long denominator) {
    return new QuorumThreshold(numerator, denominator);
  }

  /** {@code agreeing / total ≥ numerator / denominator}, exactly (no floating point). */
  public boolean isMet(int agreeing, int total) {
    if (total <= 0) {
      return false;
    }
    return Math.multiplyExact((long) agreeing, denominator)
        >= Math.multiplyExact((long) total, numerator);
  }

  /** The smallest number of agreeing executors out of {@code total} that meets the threshold. */
  public int required(int total) {
    for (int k = 0; k <= total; k++) {
      if (isMet(k, total)) {
        return k;
      }
    }
    return total + 1;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
