package io.wasm08.wasm.vm.crypto;

import io.wasm08.common.ErrorCode;

/**
 * cosmwasm-crypto's {@code CryptoError} variants with the numeric codes the VM's crypto imports
 * return to contracts ({@code packages/crypto/src/errors.rs::code}).
 */
public enum CryptoErrorCode implements ErrorCode {
  INVALID_HASH_FORMAT(3, "Invalid hash format"),
  INVALID_SIGNATURE_FORMAT(4, "Invalid signature format"),
  INVALID_PUBKEY_FORMAT(5, "Invalid public key format"),
  INVALID_RECOVERY_PARAM(6, "Invalid recovery parameter. Supported values: 0 and 1."),
  BATCH_ERR(7, "Batch verify error"),
  INVALID_POINT(8, "Invalid point"),
  UNKNOWN_HASH_FUNCTION(9, "Unknown hash function"),
  GENERIC_ERR(10, "Crypto error"),
  PAIRING_NOT_MULTIPLE_G1(11, "Not a multiple of 48 bytes"),
  PAIRING_NOT_MULTIPLE_G2(12, "Not a multiple of 96 bytes"),
  PAIRING_UNEQUAL_POINT_AMOUNT(13, "Unequal amount of points"),
  AGGREGATION_EMPTY(14, "Empty point list"),
  AGGREGATION_NOT_MULTIPLE(15, "Not a multiple of the point size");

  private final int code;
  private final String message;

  CryptoErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
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

  @Override
  public String message() {
    return message;
  }
}
