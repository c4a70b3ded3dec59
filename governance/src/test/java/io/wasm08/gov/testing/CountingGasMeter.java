package io.wasm08.gov.testing;

import io.wasm08.store.GasMeter;

/** An infinite gas meter that records what was consumed, for these tests. */
public final class CountingGasMeter implements GasMeter {
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
    consumed = Math.addExact(consumed, amount);
  }

  @Override
  public void refundGas(long amount, String descriptor) {
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
}
