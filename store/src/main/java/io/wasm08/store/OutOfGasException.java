package io.wasm08.store;

import io.wasm08.common.Wasm08Exception;

/** The SDK's {@code ErrorOutOfGas{Descriptor}}: a meter ran past its limit. */
public final class OutOfGasException extends Wasm08Exception {
  private final String descriptor;

  public OutOfGasException(String descriptor) {
    super(StoreErrorCode.OUT_OF_GAS, "out of gas in location: " + descriptor);
    this.descriptor = descriptor;
  }

  /** Where the gas ran out, e.g. {@code "ReadFlat"} or {@code "WriteFlat"}. */
  public String descriptor() {
    return descriptor;
  }
}
