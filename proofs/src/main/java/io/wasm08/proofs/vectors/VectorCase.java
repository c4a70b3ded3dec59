package io.wasm08.proofs.vectors;

import io.wasm08.common.Wasm08Exception;

/**
 * One named check from a vector file: {@link #check} returns normally when the vector holds and
 * throws a {@link Wasm08Exception} (the verifier's own error, or {@link
 * VectorErrorCode#VECTOR_MISMATCH}) when it does not.
 */
public record VectorCase(String name, Check check) {
  /** The verification of one case. */
  @FunctionalInterface
  public interface Check {
    void run();
  }

  /** Null when the case holds, else why not: the error's message and {@code [codespace/code]}. */
  public String failure() {
    try {
      check.run();
      return null;
    } catch (Wasm08Exception e) {
      return e.getMessage() + " [" + e.codespace() + "/" + e.code() + "]";
    }
  }
}
