package io.wasm08.store;

import io.wasm08.common.ErrorCode;

/**
 * Store and gas errors, with the Cosmos SDK root codespace numbers where the SDK registers them.
 */
public enum StoreErrorCode implements ErrorCode {
  /** {@code sdkerrors.ErrOutOfGas}. */
  OUT_OF_GAS("sdk", 11, "out of gas"),
  /**
   * The SDK panics with {@code ErrorGasOverflow}; baseapp's default recovery middleware reports any
   * such panic as {@code sdkerrors.ErrPanic}.
   */
  GAS_OVERFLOW("undefined", 111222, "panic"),
  /** The SDK panics with {@code ErrorNegativeGasConsumed}; reported as {@code ErrPanic} too. */
  NEGATIVE_GAS_CONSUMED("undefined", 111222, "panic"),
  /** {@code storetypes.ErrInvalidProof}. */
  INVALID_PROOF("store", 2, "invalid proof"),
  /** {@code storetypes.ErrLogic}: an invariant of the store was violated. */
  LOGIC("store", 5, "internal logic error"),
  /** {@code storetypes.ErrInvalidRequest}, e.g. a query for a version that is not retained. */
  INVALID_REQUEST("store", 7, "invalid request"),
  /**
   * A version or node the store does not hold (iavl's plain {@code ErrVersionDoesNotExist}; not an
   * SDK-registered error, hence our own codespace).
   */
  NOT_FOUND("wasm08-store", 1, "not found"),
  /** Storage I/O failed or the persisted data is inconsistent (no SDK equivalent). */
  STORAGE_FAILURE("wasm08-store", 2, "storage failure");

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
