package io.wasm08.wasm.types;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.host.ClientIdentifiers;

/** ibc-go's {@code types/validation.go}: code size, checksum length and 08-wasm client ids. */
public final class WasmValidation {
  private WasmValidation() {}

  /** {@code MaxWasmSize}: 3 MiB, for the code as sent (raw or gzip) and uncompressed. */
  public static final int MAX_WASM_SIZE = 3 * 1024 * 1024;

  /** The length of a sha256 checksum. */
  public static final int CHECKSUM_LENGTH = 32;

  /** {@code ValidateWasmCode}: empty → {@code ErrWasmEmptyCode}; over 3 MiB → too large. */
  public static void validateWasmCode(Bytes code) {
    validateWasmCodeLength(code.size());
  }

  static void validateWasmCodeLength(long length) {
    if (length == 0) {
      throw WasmErrorCode.WASM_EMPTY_CODE.error();
    }
    if (length > MAX_WASM_SIZE) {
      throw WasmErrorCode.WASM_CODE_TOO_LARGE.error();
    }
  }

  /** {@code ValidateWasmChecksum}: non-empty, exactly 32 bytes. */
  public static void validateWasmChecksum(Bytes checksum) {
    if (checksum == null || checksum.isEmpty()) {
      throw WasmErrorCode.INVALID_CHECKSUM.wrap("checksum cannot be empty");
    }
    if (checksum.size() != CHECKSUM_LENGTH) {
      throw WasmErrorCode.INVALID_CHECKSUM.wrapf(
          "expected length of 32 bytes, got %d", checksum.size());
    }
  }

  /** {@code ValidateClientID}: a valid client id that starts with {@code "08-wasm"}. */
  public static void validateClientId(String clientId) {
    if (!ClientIdentifiers.isValidClientId(clientId)) {
      throw HostErrorCode.INVALID_ID.wrapf("invalid client identifier %s", clientId);
    }
    if (!clientId.startsWith(ClientTypes.WASM)) {
      throw HostErrorCode.INVALID_ID.wrapf(
          "client identifier %s does not contain %s prefix", clientId, ClientTypes.WASM);
    }
  }
}
