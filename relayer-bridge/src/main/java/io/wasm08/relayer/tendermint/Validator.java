package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * A validator: its address must be the one derived from its key (CometBFT {@code
 * Validator.ValidateBasic}, tendermint-rs' "invalid validator address"), its power non-negative.
 */
public record Validator(Bytes address, PublicKey pubKey, long votingPower, long proposerPriority) {

  public Validator {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(pubKey, "pubKey");
    if (votingPower < 0) {
      throw new IllegalArgumentException("validator has negative voting power " + votingPower);
    }
    if (!address.equals(pubKey.address())) {
      throw new IllegalArgumentException(
          "validator address "
              + address.toHex().toUpperCase()
              + " is incorrectly derived from its public key (expected "
              + pubKey.address().toHex().toUpperCase()
              + ")");
    }
  }

  /** A validator whose address is derived from its key. */
  public static Validator of(PublicKey pubKey, long votingPower) {
    return new Validator(pubKey.address(), pubKey, votingPower, 0);
  }

  /** The leaf bytes of the validator-set hash: proto {@code SimpleValidator{pub_key, power}}. */
  public Bytes hashBytes() {
    return Bytes.wrapOwned(
        tendermint.types.ValidatorOuterClass.SimpleValidator.newBuilder()
            .setPubKey(TendermintProtos.toProto(pubKey))
            .setVotingPower(votingPower)
            .build()
            .toByteArray());
  }

  public Validator withProposerPriority(long priority) {
    return new Validator(address, pubKey, votingPower, priority);
  }
}
