package io.wasm08.relayer.light;

import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.Objects;

/**
 * The block under verification (tendermint-rs {@code UntrustedBlockState}); {@code nextValidators}
 * may be null, in which case the header's next-validators hash goes unchecked.
 */
public record UntrustedBlockState(
    SignedHeader signedHeader, ValidatorSet validators, ValidatorSet nextValidators) {

  public UntrustedBlockState {
    Objects.requireNonNull(signedHeader, "signedHeader");
    Objects.requireNonNull(validators, "validators");
  }

  public static UntrustedBlockState of(LightBlock block) {
    return new UntrustedBlockState(
        block.signedHeader(), block.validators(), block.nextValidators());
  }

  public long height() {
    return signedHeader.height();
  }
}
