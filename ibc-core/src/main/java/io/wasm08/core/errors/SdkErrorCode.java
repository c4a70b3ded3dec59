package io.wasm08.core.errors;

/**
 * The Cosmos SDK root errors ({@code types/errors/errors.go}, v0.50–v0.53): codespace {@code
 * "sdk"}, plus {@code undefined}/1 (unregistered errors) and {@code undefined}/111222 (recovered
 * panics).
 */
public enum SdkErrorCode implements IbcError {
  /** {@code errInternal}. */
  INTERNAL("undefined", 1, "internal"),
  /** {@code ErrTxDecode}. */
  TX_DECODE("sdk", 2, "tx parse error"),
  /** {@code ErrInvalidSequence}. */
  INVALID_SEQUENCE("sdk", 3, "invalid sequence"),
  /** {@code ErrUnauthorized}. */
  UNAUTHORIZED("sdk", 4, "unauthorized"),
  /** {@code ErrInsufficientFunds}. */
  INSUFFICIENT_FUNDS("sdk", 5, "insufficient funds"),
  /** {@code ErrUnknownRequest}. */
  UNKNOWN_REQUEST("sdk", 6, "unknown request"),
  /** {@code ErrInvalidAddress}. */
  INVALID_ADDRESS("sdk", 7, "invalid address"),
  /** {@code ErrInvalidPubKey}. */
  INVALID_PUB_KEY("sdk", 8, "invalid pubkey"),
  /** {@code ErrUnknownAddress}. */
  UNKNOWN_ADDRESS("sdk", 9, "unknown address"),
  /** {@code ErrInvalidCoins}. */
  INVALID_COINS("sdk", 10, "invalid coins"),
  /** {@code ErrOutOfGas}. */
  OUT_OF_GAS("sdk", 11, "out of gas"),
  /** {@code ErrMemoTooLarge}. */
  MEMO_TOO_LARGE("sdk", 12, "memo too large"),
  /** {@code ErrInsufficientFee}. */
  INSUFFICIENT_FEE("sdk", 13, "insufficient fee"),
  /** {@code ErrTooManySignatures}. */
  TOO_MANY_SIGNATURES("sdk", 14, "maximum number of signatures exceeded"),
  /** {@code ErrNoSignatures}. */
  NO_SIGNATURES("sdk", 15, "no signatures supplied"),
  /** {@code ErrJSONMarshal}. */
  JSON_MARSHAL("sdk", 16, "failed to marshal JSON bytes"),
  /** {@code ErrJSONUnmarshal}. */
  JSON_UNMARSHAL("sdk", 17, "failed to unmarshal JSON bytes"),
  /** {@code ErrInvalidRequest}. */
  INVALID_REQUEST("sdk", 18, "invalid request"),
  /** {@code ErrTxInMempoolCache}. */
  TX_IN_MEMPOOL_CACHE("sdk", 19, "tx already in mempool"),
  /** {@code ErrMempoolIsFull}. */
  MEMPOOL_IS_FULL("sdk", 20, "mempool is full"),
  /** {@code ErrTxTooLarge}. */
  TX_TOO_LARGE("sdk", 21, "tx too large"),
  /** {@code ErrKeyNotFound}. */
  KEY_NOT_FOUND("sdk", 22, "key not found"),
  /** {@code ErrWrongPassword}. */
  WRONG_PASSWORD("sdk", 23, "invalid account password"),
  /** {@code ErrorInvalidSigner}. */
  INVALID_SIGNER("sdk", 24, "tx intended signer does not match the given signer"),
  /** {@code ErrorInvalidGasAdjustment}. */
  INVALID_GAS_ADJUSTMENT("sdk", 25, "invalid gas adjustment"),
  /** {@code ErrInvalidHeight}. */
  INVALID_HEIGHT("sdk", 26, "invalid height"),
  /** {@code ErrInvalidVersion}. */
  INVALID_VERSION("sdk", 27, "invalid version"),
  /** {@code ErrInvalidChainID}. */
  INVALID_CHAIN_ID("sdk", 28, "invalid chain-id"),
  /** {@code ErrInvalidType}. */
  INVALID_TYPE("sdk", 29, "invalid type"),
  /** {@code ErrTxTimeoutHeight}. */
  TX_TIMEOUT_HEIGHT("sdk", 30, "tx timeout height"),
  /** {@code ErrUnknownExtensionOptions}. */
  UNKNOWN_EXTENSION_OPTIONS("sdk", 31, "unknown extension options"),
  /** {@code ErrWrongSequence}. */
  WRONG_SEQUENCE("sdk", 32, "incorrect account sequence"),
  /** {@code ErrPackAny}. */
  PACK_ANY("sdk", 33, "failed packing protobuf message to Any"),
  /** {@code ErrUnpackAny}. */
  UNPACK_ANY("sdk", 34, "failed unpacking protobuf message from Any"),
  /** {@code ErrLogic}. */
  LOGIC("sdk", 35, "internal logic error"),
  /** {@code ErrConflict}. */
  CONFLICT("sdk", 36, "conflict"),
  /** {@code ErrNotSupported}. */
  NOT_SUPPORTED("sdk", 37, "feature not supported"),
  /** {@code ErrNotFound}. */
  NOT_FOUND("sdk", 38, "not found"),
  /** {@code ErrIO}. */
  IO("sdk", 39, "Internal IO error"),
  /** {@code ErrAppConfig}. */
  APP_CONFIG("sdk", 40, "error in app.toml"),
  /** {@code ErrInvalidGasLimit}. */
  INVALID_GAS_LIMIT("sdk", 41, "invalid gas limit"),
  /** {@code ErrTxTimeout}. */
  TX_TIMEOUT("sdk", 42, "tx timeout"),
  /** {@code ErrPanic}. */
  PANIC("undefined", 111222, "panic");

  public static final String ROOT = "sdk";
  public static final String UNDEFINED = "undefined";

  private final String codespace;
  private final int code;
  private final String message;

  SdkErrorCode(String codespace, int code, String message) {
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
