package io.wasm08.wasm.types;

import io.wasm08.core.errors.IbcError;

/**
 * The 08-wasm errors ({@code modules/light-clients/08-wasm/types/errors.go}), codespace {@code
 * "08-wasm"}: consensus-visible in tx results, so codes and messages are ibc-go's.
 */
public enum WasmErrorCode implements IbcError {
  /** {@code ErrInvalid}. */
  INVALID(2, "invalid"),
  /** {@code ErrInvalidData}. */
  INVALID_DATA(3, "invalid data"),
  /** {@code ErrInvalidChecksum}. */
  INVALID_CHECKSUM(4, "invalid checksum"),
  /** {@code ErrInvalidClientMessage}. */
  INVALID_CLIENT_MESSAGE(5, "invalid client message"),
  /** {@code ErrRetrieveClientID}. */
  RETRIEVE_CLIENT_ID(6, "failed to retrieve client id"),
  /** {@code ErrWasmEmptyCode}. */
  WASM_EMPTY_CODE(7, "empty wasm code"),
  /** {@code ErrWasmCodeTooLarge}. */
  WASM_CODE_TOO_LARGE(8, "wasm code too large"),
  /** {@code ErrWasmCodeExists}. */
  WASM_CODE_EXISTS(9, "wasm code already exists"),
  /** {@code ErrWasmChecksumNotFound}. */
  WASM_CHECKSUM_NOT_FOUND(10, "wasm checksum not found"),
  /** {@code ErrWasmSubMessagesNotAllowed}. */
  WASM_SUB_MESSAGES_NOT_ALLOWED(11, "execution of sub messages is not allowed"),
  /** {@code ErrWasmEventsNotAllowed}. */
  WASM_EVENTS_NOT_ALLOWED(12, "returning events from a contract is not allowed"),
  /** {@code ErrWasmAttributesNotAllowed}. */
  WASM_ATTRIBUTES_NOT_ALLOWED(13, "returning attributes from a contract is not allowed"),
  /** {@code ErrWasmContractCallFailed}. */
  WASM_CONTRACT_CALL_FAILED(14, "wasm contract call failed"),
  /** {@code ErrWasmInvalidResponseData}. */
  WASM_INVALID_RESPONSE_DATA(15, "wasm contract returned invalid response data"),
  /** {@code ErrWasmInvalidContractModification}. */
  WASM_INVALID_CONTRACT_MODIFICATION(16, "wasm contract made invalid state modifications"),
  /** {@code ErrVMError}. */
  VM_ERROR(17, "wasm VM error");

  public static final String CODESPACE = "08-wasm";

  private final int code;
  private final String message;

  WasmErrorCode(int code, String message) {
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
