package io.wasm08.wasm.testing;

import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.GasMeter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link BasicGasMeter} that also sums what was consumed per descriptor ({@code ReadFlat}, {@code
 * wasm contract}, {@code Loading CosmWasm module: sudo}…), so a test can split a tx's SDK gas into
 * store gas and 08-wasm's charges. Refunds are not expected and are subtracted from the descriptor
 * they name.
 */
public final class DescriptorGasMeter implements GasMeter {
  private final BasicGasMeter meter;
  private final Map<String, Long> byDescriptor = new TreeMap<>();

  public DescriptorGasMeter(long limit) {
    this.meter = new BasicGasMeter(limit);
  }

  /** Gas per descriptor, in descriptor order. */
  public Map<String, Long> byDescriptor() {
    return Map.copyOf(byDescriptor);
  }

  @Override
  public long gasConsumed() {
    return meter.gasConsumed();
  }

  @Override
  public long gasConsumedToLimit() {
    return meter.gasConsumedToLimit();
  }

  @Override
  public long limit() {
    return meter.limit();
  }

  @Override
  public long gasRemaining() {
    return meter.gasRemaining();
  }

  @Override
  public void consumeGas(long amount, String descriptor) {
    byDescriptor.merge(descriptor, amount, Long::sum);
    meter.consumeGas(amount, descriptor);
  }

  @Override
  public void refundGas(long amount, String descriptor) {
    meter.refundGas(amount, descriptor);
    byDescriptor.merge(descriptor, -amount, Long::sum);
  }

  @Override
  public boolean isPastLimit() {
    return meter.isPastLimit();
  }

  @Override
  public boolean isOutOfGas() {
    return meter.isOutOfGas();
  }
}
