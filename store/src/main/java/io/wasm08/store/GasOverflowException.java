package io.wasm08.store;

import io.wasm08.common.Wasm08Exception;

/** The SDK's {@code ErrorGasOverflow{Descriptor}}: a gas counter would overflow. */
public final class GasOverflowException extends Wasm08Exception {
  private final String descriptor;

  public GasOverflowException(String descriptor) {
    super(StoreErrorCode.GAS_OVERFLOW, "gas overflow in location: " + descriptor);
    this.descriptor = descriptor;
  }

  public String descriptor() {
    return descriptor;
  }
}
