package io.wasm08.core.errors;

/** ibc-go's core errors ({@code modules/core/errors}), codespace {@code "ibc"}. */
public enum IbcErrorCode implements IbcError {
  /** {@code ErrInvalidSequence}. */
  INVALID_SEQUENCE("ibc", 1, "invalid sequence"),
  /** {@code ErrUnauthorized}. */
  UNAUTHORIZED("ibc", 2, "unauthorized"),
  /** {@code ErrInsufficientFunds}. */
  INSUFFICIENT_FUNDS("ibc", 3, "insufficient funds"),
  /** {@code ErrUnknownRequest}. */
  UNKNOWN_REQUEST("ibc", 4, "unknown request"),
  /** {@code ErrInvalidAddress}. */
  INVALID_ADDRESS("ibc", 5, "invalid address"),
  /** {@code ErrInvalidCoins}. */
  INVALID_COINS("ibc", 6, "invalid coins"),
  /** {@code ErrOutOfGas}. */
  OUT_OF_GAS("ibc", 7, "out of gas"),
  /** {@code ErrInvalidRequest}. */
  INVALID_REQUEST("ibc", 8, "invalid request"),
  /** {@code ErrInvalidHeight}. */
  INVALID_HEIGHT("ibc", 9, "invalid height"),
  /** {@code ErrInvalidVersion}. */
  INVALID_VERSION("ibc", 10, "invalid version"),
  /** {@code ErrInvalidChainID}. */
  INVALID_CHAIN_ID("ibc", 11, "invalid chain-id"),
  /** {@code ErrInvalidType}. */
  INVALID_TYPE("ibc", 12, "invalid type"),
  /** {@code ErrPackAny}. */
  PACK_ANY("ibc", 13, "failed packing protobuf message to Any"),
  /** {@code ErrUnpackAny}. */
  UNPACK_ANY("ibc", 14, "failed unpacking protobuf message from Any"),
  /** {@code ErrLogic}. */
  LOGIC("ibc", 15, "internal logic error"),
  /** {@code ErrNotFound}. */
  NOT_FOUND("ibc", 16, "not found"),
  /** {@code ErrTooLarge}. */
  TOO_LARGE("ibc", 17, "entity too large");

  public static final String CODESPACE = "ibc";

  private final String codespace;
  private final int code;
  private final String message;

  IbcErrorCode(String codespace, int code, String message) {
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
