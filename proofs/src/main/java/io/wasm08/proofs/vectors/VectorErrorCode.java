package io.wasm08.proofs.vectors;

import io.wasm08.common.ErrorCode;

/**
 * Why a vector file could not be used or did not hold. Our own codespace: upstream harnesses fail a
 * Go test instead of returning an error.
 */
public enum VectorErrorCode implements ErrorCode {
  /** Unreadable, not JSON, a missing or malformed field, an undecodable proof: nothing to check. */
  BAD_VECTOR_FILE(1, "unusable vector file"),
  /** The file was usable and the verification result differs from what the file states. */
  VECTOR_MISMATCH(2, "vector expectation not met");

  private final int code;
  private final String message;

  VectorErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return "ics23-vectors";
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String message() {
    return message;
  }
}
