package io.wasm08.store;

import io.wasm08.common.Wasm08Exception;

/**
 * The SDK's {@code ErrorNegativeGasConsumed{Descriptor}}: a refund larger than the gas consumed.
 */
public final class NegativeGasConsumedException extends Wasm08Exception {
  private final String descriptor;

  public NegativeGasConsumedException(String descriptor) {
    super(StoreErrorCode.NEGATIVE_GAS_CONSUMED, "negative gas consumed in location: " + descriptor);
    this.descriptor = descriptor;
  }

  public String descriptor() {
    return descriptor;
  }
}
