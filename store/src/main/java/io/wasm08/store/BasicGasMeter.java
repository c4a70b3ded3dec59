package io.wasm08.store;

/**
 * The SDK's {@code basicGasMeter} ({@code NewGasMeter(limit)}). All amounts are {@code uint64}
 * values held in {@code long}s and compared unsigned, exactly as Go's {@code Gas} is.
 *
 * <p>Consuming past the limit records the attempt ({@link #gasConsumed()} exceeds the limit) and
 * throws {@link OutOfGasException}; an addition overflowing {@code uint64} sets the consumed gas to
 * {@code MaxUint64} ({@code -1L}) and throws {@link GasOverflowException}. Not thread-safe.
 */
public final class BasicGasMeter extends AbstractGasMeter {
  private final long limit;

  public BasicGasMeter(long limit) {
    this.limit = limit;
  }

  @Override
  public long gasConsumedToLimit() {
    return isPastLimit() ? limit : consumed;
  }

  @Override
  public long limit() {
    return limit;
  }

  @Override
  public long gasRemaining() {
    return isPastLimit() ? 0 : limit - consumed;
  }

  @Override
  public void consumeGas(long amount, String descriptor) {
    add(amount, descriptor, -1L); // MaxUint64, as the SDK pins it
    if (Long.compareUnsigned(consumed, limit) > 0) {
      throw new OutOfGasException(descriptor);
    }
  }

  @Override
  public boolean isPastLimit() {
    return Long.compareUnsigned(consumed, limit) > 0;
  }

  @Override
  public boolean isOutOfGas() {
    return Long.compareUnsigned(consumed, limit) >= 0;
  }

  @Override
  public String toString() {
    return "BasicGasMeter:\n  limit: "
        + Long.toUnsignedString(limit)
        + "\n  consumed: "
        + Long.toUnsignedString(consumed);
  }
}
