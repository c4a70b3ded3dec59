package io.wasm08.relayer.light;

import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.LightBlock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Why the light client refused to reach a target height. */
public sealed interface LightClientError {
  RelayerErrorCode code();

  String message();

  /** A block on the path failed verification: it is never trusted nor relayed. */
  record InvalidLightBlock(long height, String provider, VerificationError error)
      implements LightClientError {
    @Override
    public RelayerErrorCode code() {
      return RelayerErrorCode.VERIFICATION_FAILED;
    }

    @Override
    public String message() {
      return "light block " + height + " from " + provider + " is invalid: " + error.message();
    }
  }

  /** The latest trusted block is older than the trusting period: trust must be re-established. */
  record TrustedStateOutsideTrustingPeriod(
      long trustedHeight, Instant trustedTime, Duration trustingPeriod, Instant now)
      implements LightClientError {
    @Override
    public RelayerErrorCode code() {
      return RelayerErrorCode.VERIFICATION_FAILED;
    }

    @Override
    public String message() {
      return "trusted state at height "
          + trustedHeight
          + " (time "
          + trustedTime
          + ") is outside the trusting period "
          + trustingPeriod
          + " at "
          + now;
    }
  }

  record NoInitialTrustedState() implements LightClientError {
    @Override
    public RelayerErrorCode code() {
      return RelayerErrorCode.INVALID_OPTIONS;
    }

    @Override
    public String message() {
      return "no initial trusted state";
    }
  }

  record TargetLowerThanTrustedState(long target, long trusted) implements LightClientError {
    @Override
    public RelayerErrorCode code() {
      return RelayerErrorCode.INVALID_OPTIONS;
    }

    @Override
    public String message() {
      return "target height " + target + " is lower than the trusted state " + trusted;
    }
  }

  /**
   * A witness holds a conflicting block that verifies from the same trusted root: the chain (or the
   * primary with a colluding validator set) forked. Both blocks are evidence.
   */
  record LightClientAttack(
      LightBlock primaryBlock, LightBlock witnessBlock, String witness, long commonHeight)
      implements LightClientError {
    @Override
    public RelayerErrorCode code() {
      return RelayerErrorCode.LIGHT_CLIENT_ATTACK;
    }

    @Override
    public String message() {
      return "primary "
          + primaryBlock.provider()
          + " and witness "
          + witness
          + " hold conflicting verified blocks at height "
          + primaryBlock.height()
          + " ("
          + hex(primaryBlock)
          + " vs "
          + hex(witnessBlock)
          + "), common height "
          + commonHeight;
    }

    private static String hex(LightBlock block) {
      return block.commit().blockId().hash().toHex().toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** No witness confirmed the primary's block (each was faulty, lagging or unreachable). */
  record NoWitnessAgreed(long height, List<String> faultyWitnesses, List<String> unresponsive)
      implements LightClientError {
    public NoWitnessAgreed {
      faultyWitnesses = List.copyOf(faultyWitnesses);
      unresponsive = List.copyOf(unresponsive);
    }

    @Override
    public RelayerErrorCode code() {
      return RelayerErrorCode.WITNESS_CROSS_CHECK_FAILED;
    }

    @Override
    public String message() {
      return "no witness confirmed height "
          + height
          + " (faulty: "
          + faultyWitnesses
          + ", unresponsive: "
          + unresponsive
          + ")";
    }
  }
}
