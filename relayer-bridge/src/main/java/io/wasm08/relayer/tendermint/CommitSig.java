package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.time.Instant;
import java.util.Objects;

/**
 * One validator's entry in a commit. An absent entry carries no address or signature; a commit or
 * nil vote carries both (tendermint-rs' {@code CommitSig} rules). The timestamp of an absent entry
 * is kept as received (CometBFT writes Go's zero time) so the proto round trip is faithful.
 */
public record CommitSig(
    BlockIdFlag flag, Bytes validatorAddress, Instant timestamp, Bytes signature) {

  public CommitSig {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(validatorAddress, "validatorAddress");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(signature, "signature");
    if (flag == BlockIdFlag.ABSENT) {
      if (!signature.isEmpty()) {
        throw new IllegalArgumentException("expected empty signature for absent commitsig");
      }
    } else {
      if (signature.isEmpty()) {
        throw new IllegalArgumentException(
            "expected non-empty signature for " + flag.name().toLowerCase() + " commitsig");
      }
      if (validatorAddress.size() != PublicKey.ADDRESS_SIZE) {
        throw new IllegalArgumentException(
            "validator address must be "
                + PublicKey.ADDRESS_SIZE
                + " bytes, got "
                + validatorAddress.size());
      }
    }
  }

  public static CommitSig absent() {
    return new CommitSig(BlockIdFlag.ABSENT, Bytes.EMPTY, Timestamps.GO_ZERO_TIME, Bytes.EMPTY);
  }

  public static CommitSig forBlock(Bytes validatorAddress, Instant timestamp, Bytes signature) {
    return new CommitSig(BlockIdFlag.COMMIT, validatorAddress, timestamp, signature);
  }

  public static CommitSig forNil(Bytes validatorAddress, Instant timestamp, Bytes signature) {
    return new CommitSig(BlockIdFlag.NIL, validatorAddress, timestamp, signature);
  }

  public boolean isAbsent() {
    return flag == BlockIdFlag.ABSENT;
  }

  public boolean isCommit() {
    return flag == BlockIdFlag.COMMIT;
  }
}
