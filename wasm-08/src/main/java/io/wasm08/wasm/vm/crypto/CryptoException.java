package io.wasm08.wasm.vm.crypto;

import io.wasm08.common.Wasm08Exception;

/**
 * A cosmwasm-crypto error; the VM turns its code into the import's return value. The message is
 * upstream's Display text ({@link CryptoErrorCode#display(String)}).
 */
public final class CryptoException extends Wasm08Exception {
  public CryptoException(CryptoErrorCode code, String detail) {
    super(code, detail, code.display(detail), null);
  }

  public CryptoException(CryptoErrorCode code) {
    this(code, null);
  }

  public CryptoErrorCode cryptoCode() {
    return (CryptoErrorCode) errorCode();
  }

  static CryptoException genericErr(String msg) {
    return new CryptoException(CryptoErrorCode.GENERIC_ERR, msg);
  }

  static CryptoException invalidPoint() {
    return new CryptoException(CryptoErrorCode.INVALID_POINT, "Invalid point");
  }

  static CryptoException invalidPointLength(int expected, int actual) {
    return new CryptoException(
        CryptoErrorCode.INVALID_POINT,
        "Invalid input length for point (must be in compressed format): Expected "
            + expected
            + ", actual: "
            + actual);
  }
}
