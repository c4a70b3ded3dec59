package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.OutOfGasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Storage} over a host {@link KvStore}, as wasmvm's {@code GoStorage} does it: the store
 * charges its own gas meter (e.g. the SDK gas KV store), and each call reports the meter's increase
 * × {@code gasMultiplier} as {@code externally_used} (wasmvm's {@code MultipliedGasMeter}, 140 000
 * in 08-wasm). Iterator ids start at 0 and at most {@value #ITERATOR_LIMIT} iterators can be open
 * per call.
 *
 * <p>A store failure that is not out of gas (the SDK panics on empty keys, for example) is a {@link
 * BackendError.ForeignPanic}, wasmvm's answer to a panic in a Go callback; out of gas is {@link
 * BackendError.OutOfGas} with no gas reported, as the panic skips wasmvm's gas report.
 */
public final class KvStoreStorage implements Storage {
  /** wasmvm's {@code frameLenLimit}. */
  public static final int ITERATOR_LIMIT = 32768;

  private final KvStore store;
  private final GasMeter gasMeter;
  private final long gasMultiplier;
  private final List<KvIterator> iterators = new ArrayList<>();

  public KvStoreStorage(KvStore store, GasMeter gasMeter, long gasMultiplier) {
    if (gasMultiplier <= 0) {
      throw new IllegalArgumentException("gas multiplier must be positive: " + gasMultiplier);
    }
    this.store = store;
    this.gasMeter = gasMeter;
    this.gasMultiplier = gasMultiplier;
  }

  @Override
  public BackendResult<Optional<Bytes>> get(Bytes key) {
    return metered(() -> Optional.ofNullable(store.get(key)));
  }

  @Override
  public BackendResult<Integer> scan(Bytes start, Bytes end, Order order) {
    long before = gasMeter.gasConsumed();
    KvIterator iterator;
    try {
      iterator =
          order == Order.ASCENDING ? store.iterator(start, end) : store.reverseIterator(start, end);
    } catch (OutOfGasException e) {
      return BackendResult.err(new BackendError.OutOfGas(), GasInfo.FREE);
    } catch (RuntimeException e) {
      return BackendResult.err(new BackendError.ForeignPanic(), GasInfo.FREE);
    }
    GasInfo gas = used(before);
    if (iterators.size() >= ITERATOR_LIMIT) {
      iterator.close();
      return BackendResult.err(
          new BackendError.UserErr("reached iterator limit (" + ITERATOR_LIMIT + ")"), gas);
    }
    iterators.add(iterator);
    return BackendResult.ok(iterators.size() - 1, gas);
  }

  @Override
  public BackendResult<Optional<KvRecord>> next(int iteratorId) {
    KvIterator iterator = iterator(iteratorId);
    if (iterator == null) {
      return BackendResult.err(new BackendError.IteratorDoesNotExist(iteratorId), GasInfo.FREE);
    }
    return step(iterator, () -> new KvRecord(iterator.key(), iterator.value()));
  }

  @Override
  public BackendResult<Optional<Bytes>> nextKey(int iteratorId) {
    KvIterator iterator = iterator(iteratorId);
    if (iterator == null) {
      return BackendResult.err(new BackendError.IteratorDoesNotExist(iteratorId), GasInfo.FREE);
    }
    return step(iterator, iterator::key);
  }

  @Override
  public BackendResult<Optional<Bytes>> nextValue(int iteratorId) {
    KvIterator iterator = iterator(iteratorId);
    if (iterator == null) {
      return BackendResult.err(new BackendError.IteratorDoesNotExist(iteratorId), GasInfo.FREE);
    }
    return step(iterator, iterator::value);
  }

  @Override
  public BackendResult<Void> set(Bytes key, Bytes value) {
    return metered(
        () -> {
          store.set(key, value);
          return null;
        });
  }

  @Override
  public BackendResult<Void> remove(Bytes key) {
    return metered(
        () -> {
          store.delete(key);
          return null;
        });
  }

  @Override
  public void endCall() {
    for (KvIterator iterator : iterators) {
      iterator.close();
    }
    iterators.clear();
  }

  private KvIterator iterator(int id) {
    return id >= 0 && id < iterators.size() ? iterators.get(id) : null;
  }

  /** wasmvm's {@code cNext}: nothing (and no gas) at the end; else read, advance, measure. */
  private <T> BackendResult<Optional<T>> step(KvIterator iterator, Supplier<T> read) {
    try {
      if (!iterator.valid()) {
        return BackendResult.ok(Optional.empty(), GasInfo.FREE);
      }
    } catch (RuntimeException e) {
      return BackendResult.err(new BackendError.ForeignPanic(), GasInfo.FREE);
    }
    return metered(
        () -> {
          T item = read.get();
          iterator.next();
          return Optional.of(item);
        });
  }

  private <T> BackendResult<T> metered(Supplier<T> operation) {
    long before = gasMeter.gasConsumed();
    T value;
    try {
      value = operation.get();
    } catch (OutOfGasException e) {
      return BackendResult.err(new BackendError.OutOfGas(), GasInfo.FREE);
    } catch (RuntimeException e) {
      return BackendResult.err(new BackendError.ForeignPanic(), GasInfo.FREE);
    }
    return BackendResult.ok(value, used(before));
  }

  private GasInfo used(long before) {
    long diff = gasMeter.gasConsumed() - before;
    long scaled;
    try {
      scaled = Math.multiplyExact(Math.max(0, diff), gasMultiplier);
    } catch (ArithmeticException e) {
      scaled = Long.MAX_VALUE;
    }
    return GasInfo.withExternallyUsed(scaled);
  }
}
