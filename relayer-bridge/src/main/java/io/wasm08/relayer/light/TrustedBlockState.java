package io.wasm08.relayer.light;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.time.Instant;
import java.util.Objects;

/**
 * What the verifier needs of the trusted side (tendermint-rs {@code TrustedBlockState}; in ibc-go
 * the trusted consensus state plus the header's trusted validators). The caller must make sure
 * {@code nextValidators} hashes to {@code nextValidatorsHash}.
 */
public record TrustedBlockState(
    String chainId,
    Instant headerTime,
    long height,
    ValidatorSet nextValidators,
    Bytes nextValidatorsHash) {

  public TrustedBlockState {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(headerTime, "headerTime");
    Objects.requireNonNull(nextValidators, "nextValidators");
    Objects.requireNonNull(nextValidatorsHash, "nextValidatorsHash");
  }

  public static TrustedBlockState of(LightBlock block) {
    return new TrustedBlockState(
        block.chainId(),
        block.time(),
        block.height(),
        block.nextValidators(),
        block.header().nextValidatorsHash());
  }
}
