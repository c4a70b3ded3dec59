package io.wasm08.wasm.solomachine;

import io.wasm08.common.ErrorCode;

/**
 * The registered errors ibc-go's 06-solomachine raises (codespace {@code 06-solomachine}, {@code
 * modules/light-clients/06-solomachine/errors.go}) and the two 02-client errors it wraps for
 * invalid client and consensus states ({@code modules/core/02-client/types/errors.go}).
 */
public enum SoloMachineErrorCode implements ErrorCode {
  INVALID_HEADER("06-solomachine", 2, "invalid header"),
  INVALID_SEQUENCE("06-solomachine", 3, "invalid sequence"),
  INVALID_SIGNATURE_AND_DATA("06-solomachine", 4, "invalid signature and data"),
  SIGNATURE_VERIFICATION_FAILED("06-solomachine", 5, "signature verification failed"),
  INVALID_PROOF("06-solomachine", 6, "invalid solo machine proof"),
  INVALID_CLIENT("client", 3, "light client is invalid"),
  INVALID_CONSENSUS("client", 8, "invalid consensus state"),
  INVALID_MISBEHAVIOUR("client", 13, "invalid light client misbehaviour");

  private final String codespace;
  private final int code;
  private final String message;

  SoloMachineErrorCode(String codespace, int code, String message) {
    this.codespace = codespace;
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return codespace;
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
