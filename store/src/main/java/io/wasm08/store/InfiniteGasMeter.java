package io.wasm08.store;

/**
 * The SDK's {@code infiniteGasMeter} ({@code NewInfiniteGasMeter()}): counts gas, never runs out.
 * {@link #limit()} and {@link #gasRemaining()} report {@link Long#MAX_VALUE} (the SDK reports
 * {@code MaxUint64}; {@code Long.MAX_VALUE} keeps signed callers safe). As in the SDK, an addition
 * overflowing {@code uint64} throws {@link GasOverflowException} and leaves the consumed gas at 0
 * (Go's {@code addUint64Overflow} returns 0 with the overflow flag). Not thread-safe.
 */
public final class InfiniteGasMeter extends AbstractGasMeter {
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
    add(amount, descriptor, 0);
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
