package io.wasm08.relayer.tendermint;

import java.time.Instant;
import java.util.Objects;

/**
 * What a light client verifies: a signed header, the validators of its height and of the next
 * height, and the provider (peer) it came from.
 */
public record LightBlock(
    SignedHeader signedHeader,
    ValidatorSet validators,
    ValidatorSet nextValidators,
    String provider) {

  public LightBlock {
    Objects.requireNonNull(signedHeader, "signedHeader");
    Objects.requireNonNull(validators, "validators");
    Objects.requireNonNull(nextValidators, "nextValidators");
    Objects.requireNonNull(provider, "provider");
  }

  public long height() {
    return signedHeader.height();
  }

  public Instant time() {
    return signedHeader.header().time();
  }

  public String chainId() {
    return signedHeader.chainId();
  }

  public Header header() {
    return signedHeader.header();
  }

  public Commit commit() {
    return signedHeader.commit();
  }

  public LightBlock withProvider(String newProvider) {
    return new LightBlock(signedHeader, validators, nextValidators, newProvider);
  }
}
