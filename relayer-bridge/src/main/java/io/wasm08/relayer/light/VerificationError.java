package io.wasm08.relayer.light;

import io.wasm08.common.Bytes;
import java.time.Duration;
import java.time.Instant;

/**
 * Why a light block is invalid — tendermint-rs' {@code VerificationErrorDetail} variants, with its
 * messages.
 */
public sealed interface VerificationError {
  String message();

  record HeaderFromTheFuture(Instant headerTime, Instant now, Duration maxClockDrift)
      implements VerificationError {
    @Override
    public String message() {
      return "header from the future: header_time="
          + headerTime
          + " now="
          + now
          + " max_clock_drift="
          + maxClockDrift;
    }
  }

  record InsufficientSignersOverlap(VotingPowerTally tally) implements VerificationError {
    @Override
    public String message() {
      return "insufficient signers overlap: " + tally;
    }
  }

  record DuplicateValidator(Bytes address) implements VerificationError {
    @Override
    public String message() {
      return "duplicate validator with address " + hex(address);
    }
  }

  record InvalidSignature(Bytes signature, Bytes validatorAddress, Bytes signBytes)
      implements VerificationError {
    @Override
    public String message() {
      return "failed to verify signature "
          + signature.toBase64()
          + " of validator "
          + hex(validatorAddress)
          + " on sign bytes "
          + signBytes.toHex();
    }
  }

  record InvalidCommitValue(Bytes headerHash, Bytes commitHash) implements VerificationError {
    @Override
    public String message() {
      return "invalid commit value: header_hash="
          + hex(headerHash)
          + " commit_hash="
          + hex(commitHash);
    }
  }

  record InvalidNextValidatorSet(Bytes headerNextValidatorsHash, Bytes nextValidatorsHash)
      implements VerificationError {
    @Override
    public String message() {
      return "invalid next validator set: header_next_validators_hash="
          + hex(headerNextValidatorsHash)
          + " next_validators_hash="
          + hex(nextValidatorsHash);
    }
  }

  record InvalidValidatorSet(Bytes headerValidatorsHash, Bytes validatorsHash)
      implements VerificationError {
    @Override
    public String message() {
      return "invalid validator set: header_validators_hash="
          + hex(headerValidatorsHash)
          + " validators_hash="
          + hex(validatorsHash);
    }
  }

  record NonIncreasingHeight(long got, long expected) implements VerificationError {
    @Override
    public String message() {
      return "non increasing height: got=" + got + " expected=" + expected;
    }
  }

  record ChainIdMismatch(String got, String expected) implements VerificationError {
    @Override
    public String message() {
      return "chain-id mismatch: got=" + got + " expected=" + expected;
    }
  }

  record NonMonotonicBftTime(Instant headerBftTime, Instant trustedHeaderBftTime)
      implements VerificationError {
    @Override
    public String message() {
      return "non monotonic BFT time: header_bft_time="
          + headerBftTime
          + " trusted_header_bft_time="
          + trustedHeaderBftTime;
    }
  }

  record NotWithinTrustPeriod(Instant expiresAt, Instant now) implements VerificationError {
    @Override
    public String message() {
      return "not within trusting period: expires_at=" + expiresAt + " now=" + now;
    }
  }

  record NoSignatureForCommit() implements VerificationError {
    @Override
    public String message() {
      return "no signatures for commit";
    }
  }

  record MismatchPreCommitLength(int preCommitLength, int validatorLength)
      implements VerificationError {
    @Override
    public String message() {
      return "pre-commit length: "
          + preCommitLength
          + " doesn't match validator length: "
          + validatorLength;
    }
  }

  record FaultySigner(Bytes signer) implements VerificationError {
    @Override
    public String message() {
      return "Found a faulty signer (" + hex(signer) + ") not present in the validator set";
    }
  }

  /** A time computation left the representable range (tendermint-rs' "tendermint error"). */
  record TimeOutOfRange(String detail) implements VerificationError {
    @Override
    public String message() {
      return "time out of range: " + detail;
    }
  }

  private static String hex(Bytes bytes) {
    return bytes.toHex().toUpperCase(java.util.Locale.ROOT);
  }
}
