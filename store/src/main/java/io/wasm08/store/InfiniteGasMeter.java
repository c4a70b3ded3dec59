package io.wasm08.store;

/**
 * The SDK's {@code infiniteGasMeter} ({@code NewInfiniteGasMeter()}): counts gas, never runs out.
 * {@link #limit()} and {@link #gasRemaining()} report {@link Long#MAX_VALUE} (the SDK reports
 * {@code MaxUint64}; {@code Long.MAX_VALUE} keeps signed callers safe). As in the SDK, an addition
 * overflowing {@code uint64} throws {@link GasOverflowException} and leaves the consumed gas at 0
 * (Go's {@code addUint64Overflow} returns 0 with the overflow flag). Not thread-safe.
 */
public final class InfiniteGasMeter implements GasMeter {
  private long consumed;

  @Override
  public long gasConsumed() {
    return consumed;
  }

  @Override
  public long gasConsumedToLimit() {
    return consumed;
  }

  @Override
  public long limit() {
    return Long.MAX_VALUE;
  }

  @Override
  public long gasRemaining() {
    return Long.MAX_VALUE;
  }

  @Override
  public void consumeGas(long amount, String descriptor) {
    long sum = consumed + amount;
    if (Long.compareUnsigned(sum, consumed) < 0) {
      consumed = 0;
      throw new GasOverflowException(descriptor);
    }
    consumed = sum;
  }

  @Override
  public void refundGas(long amount, String descriptor) {
    if (Long.compareUnsigned(consumed, amount) < 0) {
      throw new NegativeGasConsumedException(descriptor);
    }
    consumed -= amount;
  }

  @Override
  public boolean isPastLimit() {
    return false;
  }

  @Override
  public boolean isOutOfGas() {
    return false;
  }

  @Override
  public String toString() {
    return "InfiniteGasMeter:\n  consumed: " + Long.toUnsignedString(consumed);
  }
}
