package io.wasm08.wasm.solomachine;

import io.wasm08.core.errors.IbcError;

/**
 * The registered errors of ibc-go's 06-solomachine ({@code
 * modules/light-clients/06-solomachine/errors.go}), codespace {@code 06-solomachine}. Invalid
 * client states, consensus states and misbehaviour use 02-client's codes ({@link
 * io.wasm08.core.errors.ClientErrorCode}), as 06-solomachine does.
 */
public enum SoloMachineErrorCode implements IbcError {
  /** {@code ErrInvalidHeader}. */
  INVALID_HEADER(2, "invalid header"),
  /** {@code ErrInvalidSequence}. */
  INVALID_SEQUENCE(3, "invalid sequence"),
  /** {@code ErrInvalidSignatureAndData}. */
  INVALID_SIGNATURE_AND_DATA(4, "invalid signature and data"),
  /** {@code ErrSignatureVerificationFailed}. */
  SIGNATURE_VERIFICATION_FAILED(5, "signature verification failed"),
  /** {@code ErrInvalidProof}. */
  INVALID_PROOF(6, "invalid solo machine proof");

  public static final String CODESPACE = "06-solomachine";

  private final int code;
  private final String message;

  SoloMachineErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return CODESPACE;
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
