package io.wasm08.relayer.light;

import io.wasm08.relayer.RelayerErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * The light-client parameters (tendermint-rs {@code Options}; in ibc-go the client state's trust
 * level, trusting period and max clock drift).
 */
public record VerifierOptions(
    TrustThreshold trustThreshold, Duration trustingPeriod, Duration clockDrift) {

  public VerifierOptions {
    Objects.requireNonNull(trustThreshold, "trustThreshold");
    Objects.requireNonNull(trustingPeriod, "trustingPeriod");
    Objects.requireNonNull(clockDrift, "clockDrift");
    if (trustingPeriod.isNegative() || trustingPeriod.isZero()) {
      throw RelayerErrorCode.INVALID_OPTIONS.wrap(
          "trusting period must be positive, got " + trustingPeriod);
    }
    if (clockDrift.isNegative()) {
      throw RelayerErrorCode.INVALID_OPTIONS.wrap(
          "clock drift must not be negative, got " + clockDrift);
    }
  }

  /** The default trust level 1/3 with the given periods. */
  public static VerifierOptions of(Duration trustingPeriod, Duration clockDrift) {
    return new VerifierOptions(TrustThreshold.ONE_THIRD, trustingPeriod, clockDrift);
  }
}
