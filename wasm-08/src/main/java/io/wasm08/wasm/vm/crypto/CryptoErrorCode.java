package io.wasm08.wasm.vm.crypto;

import io.wasm08.common.ErrorCode;

/**
 * cosmwasm-crypto's {@code CryptoError} variants with the numeric codes the VM's crypto imports
 * return to contracts ({@code packages/crypto/src/errors.rs::code}) and their Display texts.
 *
 * <p>Variants that carry a message or a source render as {@code "<prefix>: <detail>"} (e.g. {@code
 * "Crypto error: signature error"}, {@code "Point aggregation error: List of points is empty"});
 * the others have a fixed text and keep any detail only for diagnostics.
 */
public enum CryptoErrorCode implements ErrorCode {
  INVALID_HASH_FORMAT(3, "Invalid hash format", false),
  INVALID_SIGNATURE_FORMAT(4, "Invalid signature format", false),
  INVALID_PUBKEY_FORMAT(5, "Invalid public key format", false),
  INVALID_RECOVERY_PARAM(6, "Invalid recovery parameter. Supported values: 0 and 1.", false),
  /** {@code BatchErr { msg }}: "Batch verify error: {msg}". */
  BATCH_ERR(7, "Batch verify error", true),
  /** {@code InvalidPoint { source }}: "Invalid point: {source}". */
  INVALID_POINT(8, "Invalid point", true),
  UNKNOWN_HASH_FUNCTION(9, "Unknown hash function", false),
  /** {@code GenericErr { msg }}: "Crypto error: {msg}". */
  GENERIC_ERR(10, "Crypto error", true),
  /**
   * {@code PairingEquality { NotMultipleG1 }}: "... List is not a multiple of 48. Remainder: r".
   */
  PAIRING_NOT_MULTIPLE_G1(11, "Pairing equality error", true),
  /**
   * {@code PairingEquality { NotMultipleG2 }}: "... List is not a multiple of 96. Remainder: r".
   */
  PAIRING_NOT_MULTIPLE_G2(12, "Pairing equality error", true),
  /** {@code PairingEquality { UnequalPointAmount }}: "... Not the same amount of points ...". */
  PAIRING_UNEQUAL_POINT_AMOUNT(13, "Pairing equality error", true),
  /** {@code Aggregation { Empty }}: "Point aggregation error: List of points is empty". */
  AGGREGATION_EMPTY(14, "Point aggregation error", true),
  /** {@code Aggregation { NotMultiple }}: "... List is not a multiple of n. Remainder: r". */
  AGGREGATION_NOT_MULTIPLE(15, "Point aggregation error", true);

  private final int code;
  private final String text;
  private final boolean takesDetail;

  CryptoErrorCode(int code, String text, boolean takesDetail) {
    this.code = code;
    this.text = text;
    this.takesDetail = takesDetail;
  }

  @Override
  public String codespace() {
    return "cosmwasm-crypto";
  }

  /** The value a crypto import returns to the contract for this error. */
  @Override
  public int code() {
    return code;
  }

  /** The Display text without detail: the fixed text, or the prefix before {@code ": "}. */
  @Override
  public String message() {
    return text;
  }

  /** cosmwasm-crypto's Display text for this variant with {@code detail}. */
  public String display(String detail) {
    return takesDetail && detail != null && !detail.isEmpty() ? text + ": " + detail : text;
  }
}
