package io.wasm08.store;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * Charges a {@link GasMeter} for every access to a parent store, exactly as the SDK's {@code
 * gaskv.Store} ({@code cosmossdk.io/store/gaskv}) does with a {@link GasConfig}:
 *
 * <ul>
 *   <li>{@code get}: {@code ReadFlat} before the read, then {@code readCostPerByte × len(key)} and
 *       {@code readCostPerByte × len(value)} ({@code ReadPerByte}, a missing value counts 0 bytes).
 *   <li>{@code set}: key and value validated first, then {@code WriteFlat}, {@code writeCostPerByte
 *       × len(key)} and {@code writeCostPerByte × len(value)} ({@code WritePerByte}), then the
 *       write.
 *   <li>{@code has}: {@code Has} ({@code hasCost}); {@code delete}: {@code Delete} ({@code
 *       deleteCost}); neither depends on sizes.
 *   <li>iterators: on creation and on every {@code next()}, for the entry the cursor is on (if
 *       valid) {@code readCostPerByte × len(key)} and {@code readCostPerByte × len(value)} ({@code
 *       ValuePerByte}), then {@code IterNextFlat} ({@code iterNextCostFlat}) — even when the cursor
 *       is exhausted. {@code key()}, {@code value()} and {@code valid()} are free.
 * </ul>
 *
 * Each charge is its own {@code consumeGas} call, so the out-of-gas descriptor and the consumed
 * amount after a failure match the SDK. Iteration-while-writing semantics are the parent's.
 */
public final class GasKvStore implements KvStore {
  private final KvStore parent;
  private final GasMeter gasMeter;
  private final GasConfig gasConfig;

  public GasKvStore(KvStore parent, GasMeter gasMeter, GasConfig gasConfig) {
    this.parent = Objects.requireNonNull(parent, "parent");
    this.gasMeter = Objects.requireNonNull(gasMeter, "gasMeter");
    this.gasConfig = Objects.requireNonNull(gasConfig, "gasConfig");
  }

  public GasMeter gasMeter() {
    return gasMeter;
  }

  @Override
  public Bytes get(Bytes key) {
    gasMeter.consumeGas(gasConfig.readCostFlat(), GasDescriptors.READ_COST_FLAT);
    Bytes value = parent.get(key);
    gasMeter.consumeGas(gasConfig.readCostPerByte() * key.size(), GasDescriptors.READ_PER_BYTE);
    gasMeter.consumeGas(
        gasConfig.readCostPerByte() * (value == null ? 0 : value.size()),
        GasDescriptors.READ_PER_BYTE);
    return value;
  }

  @Override
  public boolean has(Bytes key) {
    gasMeter.consumeGas(gasConfig.hasCost(), GasDescriptors.HAS);
    return parent.has(key);
  }

  @Override
  public void set(Bytes key, Bytes value) {
    KvStores.assertValidKey(key);
    KvStores.assertValidValue(value);
    gasMeter.consumeGas(gasConfig.writeCostFlat(), GasDescriptors.WRITE_COST_FLAT);
    gasMeter.consumeGas(gasConfig.writeCostPerByte() * key.size(), GasDescriptors.WRITE_PER_BYTE);
    gasMeter.consumeGas(gasConfig.writeCostPerByte() * value.size(), GasDescriptors.WRITE_PER_BYTE);
    parent.set(key, value);
  }

  @Override
  public void delete(Bytes key) {
    gasMeter.consumeGas(gasConfig.deleteCost(), GasDescriptors.DELETE);
    parent.delete(key);
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return new GasIterator(parent.iterator(start, end));
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return new GasIterator(parent.reverseIterator(start, end));
  }

  private final class GasIterator implements KvIterator {
    private final KvIterator inner;

    GasIterator(KvIterator inner) {
      this.inner = inner;
      try {
        consumeSeekGas();
      } catch (RuntimeException e) {
        inner.close();
        throw e;
      }
    }

    @Override
    public boolean valid() {
      return inner.valid();
    }

    @Override
    public Bytes key() {
      return inner.key();
    }

    @Override
    public Bytes value() {
      return inner.value();
    }

    @Override
    public void next() {
      consumeSeekGas();
      inner.next();
    }

    @Override
    public void close() {
      inner.close();
    }

    private void consumeSeekGas() {
      if (inner.valid()) {
        Bytes key = inner.key();
        Bytes value = inner.value();
        gasMeter.consumeGas(
            gasConfig.readCostPerByte() * key.size(), GasDescriptors.VALUE_PER_BYTE);
        gasMeter.consumeGas(
            gasConfig.readCostPerByte() * value.size(), GasDescriptors.VALUE_PER_BYTE);
      }
      gasMeter.consumeGas(gasConfig.iterNextCostFlat(), GasDescriptors.ITER_NEXT_COST_FLAT);
    }
  }
}
