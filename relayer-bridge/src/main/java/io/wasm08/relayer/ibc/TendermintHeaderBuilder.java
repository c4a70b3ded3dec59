package io.wasm08.relayer.ibc;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightBlockProvider;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds 07-tendermint headers for client updates (as Hermes does): the verified light block's
 * signed header and validator set (with the header's proposer), the trusted height the client
 * already has, and the trusted validators = the validator set at trusted height + 1, which must
 * hash to the trusted consensus state's {@code next_validators_hash}. Every condition ibc-go's
 * {@code Header.ValidateBasic} and {@code checkTrustedHeader} impose is checked here first, so a
 * relayer mistake never reaches the chain; violations are {@link
 * RelayerErrorCode#INVALID_HEADER_INPUT} with ibc-go's wording.
 */
public final class TendermintHeaderBuilder {
  private final LightBlockProvider provider;

  /** {@code provider} supplies the trusted validators (the light block at trusted height + 1). */
  public TendermintHeaderBuilder(LightBlockProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * A header updating a client from {@code trustedHeight} (whose consensus state has {@code
   * trustedNextValidatorsHash}) to the already verified {@code target}.
   */
  public TendermintClientHeader build(
      LightBlock target, Height trustedHeight, Bytes trustedNextValidatorsHash) {
    LightBlock afterTrusted = provider.lightBlock(trustedHeight.revisionHeight() + 1);
    return build(target, trustedHeight, afterTrusted.validators(), trustedNextValidatorsHash);
  }

  /** The pure part of {@link #build(LightBlock, Height, Bytes)}: no fetching. */
  public static TendermintClientHeader build(
      LightBlock target,
      Height trustedHeight,
      ValidatorSet trustedValidators,
      Bytes trustedNextValidatorsHash) {
    ValidatorSet validators = target.validators();
    if (validators.size() == 0) {
      throw invalid("validator set is nil or empty");
    }
    if (validators.proposer() == null) {
      validators = withProposer(validators, target.header().proposerAddress(), "validator set");
    }
    if (!validators.hash().equals(target.header().validatorsHash())) {
      throw invalid("validator set does not match hash");
    }
    if (trustedValidators.size() == 0) {
      throw invalid("trusted validator set is nil or empty");
    }
    if (trustedValidators.proposer() == null) {
      throw invalid("trusted validator set has no proposer");
    }
    TendermintClientHeader header =
        new TendermintClientHeader(
            target.signedHeader(), validators, trustedHeight, trustedValidators);
    Height height = header.height();
    if (trustedHeight.revisionNumber() != height.revisionNumber()) {
      throw invalid(
          "trusted height "
              + trustedHeight
              + " is not in the chain's revision "
              + Long.toUnsignedString(height.revisionNumber()));
    }
    if (trustedHeight.gte(height)) {
      throw invalid(
          "TrustedHeight " + trustedHeight + " must be less than header height " + height);
    }
    Bytes trustedHash = trustedValidators.hash();
    if (!trustedHash.equals(trustedNextValidatorsHash)) {
      throw invalid(
          "trusted validators do not hash to latest trusted validators. Expected: "
              + hex(trustedNextValidatorsHash)
              + ", got: "
              + hex(trustedHash));
    }
    return header;
  }

  private static ValidatorSet withProposer(ValidatorSet set, Bytes proposer, String what) {
    try {
      return set.withProposer(proposer);
    } catch (IllegalArgumentException e) {
      throw invalid(what + ": " + e.getMessage());
    }
  }

  private static RuntimeException invalid(String detail) {
    return RelayerErrorCode.INVALID_HEADER_INPUT.wrap(detail);
  }

  private static String hex(Bytes b) {
    return b.toHex().toUpperCase(Locale.ROOT);
  }
}
