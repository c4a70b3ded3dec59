package io.wasm08.core.tx;

import java.util.Objects;

/**
 * What a SIGN_MODE_DIRECT signature binds besides the tx bytes: the chain id and the signer's
 * account number (replay protection across chains and account re-creation), plus the sequence
 * written into the signer's {@code SignerInfo}.
 */
public record SignerData(String chainId, long accountNumber, long sequence) {
  public SignerData {
    Objects.requireNonNull(chainId, "chainId");
  }
}
