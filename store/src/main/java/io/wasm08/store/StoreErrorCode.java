package io.wasm08.store;

import io.wasm08.common.ErrorCode;

/**
 * Store and gas errors, with the Cosmos SDK root codespace numbers where the SDK registers them.
 */
public enum StoreErrorCode implements ErrorCode {
  /** {@code sdkerrors.ErrOutOfGas}. */
  OUT_OF_GAS("sdk", 11, "out of gas"),
  /** The SDK panics with {@code ErrorGasOverflow}; baseapp reports it as an internal error. */
  GAS_OVERFLOW("sdk", 1, "internal"),
  /** A version or key the store does not hold. */
  NOT_FOUND("store", 2, "not found"),
  /** Storage I/O failed or the persisted data is inconsistent. */
  STORAGE_FAILURE("store", 3, "storage failure");

  private final String codespace;
  private final int code;
  private final String message;

  StoreErrorCode(String codespace, int code, String message) {
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
