package io.wasm08.store;

import java.util.ArrayList;
import java.util.List;

/** A fake meter wrapping a real one and recording every charge, to check the SDK's call order. */
final class RecordingGasMeter implements GasMeter {
  record Charge(long amount, String descriptor) {}

  private final GasMeter inner;
  final List<Charge> charges = new ArrayList<>();

  RecordingGasMeter(GasMeter inner) {
    this.inner = inner;
  }

  @Override
  public long gasConsumed() {
    return inner.gasConsumed();
  }

  @Override
  public long gasConsumedToLimit() {
    return inner.gasConsumedToLimit();
  }

  @Override
  public long limit() {
    return inner.limit();
  }

  @Override
  public long gasRemaining() {
    return inner.gasRemaining();
  }

  @Override
  public void consumeGas(long amount, String descriptor) {
    charges.add(new Charge(amount, descriptor));
    inner.consumeGas(amount, descriptor);
  }

  @Override
  public void refundGas(long amount, String descriptor) {
    inner.refundGas(amount, descriptor);
  }

  @Override
  public boolean isPastLimit() {
    return inner.isPastLimit();
  }

  @Override
  public boolean isOutOfGas() {
    return inner.isOutOfGas();
  }
}
