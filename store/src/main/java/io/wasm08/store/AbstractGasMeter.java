package io.wasm08.store;

/** The consumed counter shared by the SDK's two meters: uint64 sums and refunds. */
abstract sealed class AbstractGasMeter implements GasMeter permits BasicGasMeter, InfiniteGasMeter {
  protected long consumed;

  @Override
  public final long gasConsumed() {
    return consumed;
  }

  /**
   * Go's {@code addUint64Overflow}: adds {@code amount} to the consumed gas, or throws {@link
   * GasOverflowException} after setting the consumed gas to {@code onOverflow}.
   */
  protected final void add(long amount, String descriptor, long onOverflow) {
    long sum = consumed + amount;
    if (Long.compareUnsigned(sum, consumed) < 0) {
      consumed = onOverflow;
      throw new GasOverflowException(descriptor);
    }
    consumed = sum;
  }

  @Override
  public final void refundGas(long amount, String descriptor) {
    if (Long.compareUnsigned(consumed, amount) < 0) {
      throw new NegativeGasConsumedException(descriptor);
    }
    consumed -= amount;
  }
}
