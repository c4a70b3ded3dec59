package io.wasm08.wasm.vm.crypto;

import io.wasm08.common.Wasm08Exception;

/** A cosmwasm-crypto error; the VM turns its code into the import's return value. */
public final class CryptoException extends Wasm08Exception {
  public CryptoException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  public CryptoException(CryptoErrorCode code) {
    super(code);
  }

  public CryptoErrorCode cryptoCode() {
    return (CryptoErrorCode) errorCode();
  }
}
