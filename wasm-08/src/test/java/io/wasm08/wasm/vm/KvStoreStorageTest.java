package io.wasm08.wasm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.OutOfGasException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The KvStore adapter reproduces wasmvm's GoStorage: gas = meter increase × multiplier, iterator
 * ids from 0, nothing charged past the end, panics as ForeignPanic and out of gas as OutOfGas.
 */
class KvStoreStorageTest {
  /** A meter with an SDK-style limit (consumption past it throws). */
  static final class FakeMeter implements GasMeter {
    long consumed;
    final long limit;

    FakeMeter(long limit) {
      this.limit = limit;
    }

    @Override
    public long gasConsumed() {
      return consumed;
    }

    @Override
    public long gasConsumedToLimit() {
      return Math.min(consumed, limit);
    }

    @Override
    public long limit() {
      return limit;
    }

    @Override
    public long gasRemaining() {
      return Math.max(0, limit - consumed);
    }

    @Override
    public void consumeGas(long amount, String descriptor) {
      consumed += amount;
      if (consumed > limit) {
        throw new OutOfGasException(descriptor);
      }
    }

    @Override
    public void refundGas(long amount, String descriptor) {
      consumed -= amount;
    }

    @Override
    public boolean isPastLimit() {
      return consumed > limit;
    }

    @Override
    public boolean isOutOfGas() {
      return consumed >= limit;
    }
  }

  /** A gas-charging store: get 10, set 20, delete 5, iterator 7, each next 3 (SDK-like). */
  static final class FakeStore implements KvStore {
    final NavigableMap<Bytes, Bytes> data = new TreeMap<>();
    final FakeMeter meter;
    int closed;

    FakeStore(FakeMeter meter) {
      this.meter = meter;
    }

    static void requireKey(Bytes key) {
      if (key.isEmpty()) {
        throw new IllegalArgumentException("key is empty");
      }
    }

    @Override
    public Bytes get(Bytes key) {
      requireKey(key);
      meter.consumeGas(10, "ReadFlat");
      return data.get(key);
    }

    @Override
    public boolean has(Bytes key) {
      return data.containsKey(key);
    }

    @Override
    public void set(Bytes key, Bytes value) {
      requireKey(key);
      meter.consumeGas(20, "WriteFlat");
      data.put(key, value);
    }

    @Override
    public void delete(Bytes key) {
      meter.consumeGas(5, "Delete");
      data.remove(key);
    }

    @Override
    public KvIterator iterator(Bytes start, Bytes end) {
      return open(start, end, false);
    }

    @Override
    public KvIterator reverseIterator(Bytes start, Bytes end) {
      return open(start, end, true);
    }

    private KvIterator open(Bytes start, Bytes end, boolean reverse) {
      meter.consumeGas(7, "Iterator");
      NavigableMap<Bytes, Bytes> range = data;
      if (start != null) {
        range = range.tailMap(start, true);
      }
      if (end != null) {
        range = range.headMap(end, false);
      }
      List<Map.Entry<Bytes, Bytes>> entries =
          new ArrayList<>((reverse ? range.descendingMap() : range).entrySet());
      Iterator<Map.Entry<Bytes, Bytes>> it = entries.iterator();
      return new KvIterator() {
        Map.Entry<Bytes, Bytes> current = it.hasNext() ? it.next() : null;

        @Override
        public boolean valid() {
          return current != null;
        }

        @Override
        public Bytes key() {
          return current.getKey();
        }

        @Override
        public Bytes value() {
          return current.getValue();
        }

        @Override
        public void next() {
          meter.consumeGas(3, "IterNextFlat");
          current = it.hasNext() ? it.next() : null;
        }

        @Override
        public void close() {
          closed++;
        }
      };
    }
  }

  static final long MULTIPLIER = 140_000;

  @Test
  void gasIsTheMeterIncreaseTimesTheMultiplier() {
    FakeStore store = new FakeStore(new FakeMeter(1_000));
    KvStoreStorage storage = new KvStoreStorage(store, store.meter, MULTIPLIER);
    assertThat(storage.set(Bytes.ofUtf8("a"), Bytes.ofUtf8("1")))
        .isEqualTo(BackendResult.ok(null, GasInfo.withExternallyUsed(20 * MULTIPLIER)));
    assertThat(storage.get(Bytes.ofUtf8("a")))
        .isEqualTo(
            BackendResult.ok(
                Optional.of(Bytes.ofUtf8("1")), GasInfo.withExternallyUsed(10 * MULTIPLIER)));
    assertThat(storage.get(Bytes.ofUtf8("b")))
        .isEqualTo(BackendResult.ok(Optional.empty(), GasInfo.withExternallyUsed(10 * MULTIPLIER)));
    assertThat(storage.remove(Bytes.ofUtf8("a")).gas())
        .isEqualTo(GasInfo.withExternallyUsed(5 * MULTIPLIER));
  }

  @Test
  void iteratorsStartAtZeroAndEndWithoutCharge() {
    FakeStore store = new FakeStore(new FakeMeter(1_000));
    store.data.put(Bytes.ofUtf8("a"), Bytes.ofUtf8("1"));
    store.data.put(Bytes.ofUtf8("b"), Bytes.ofUtf8("2"));
    KvStoreStorage storage = new KvStoreStorage(store, store.meter, MULTIPLIER);
    assertThat(storage.scan(null, null, Order.DESCENDING))
        .isEqualTo(BackendResult.ok(0, GasInfo.withExternallyUsed(7 * MULTIPLIER)));
    assertThat(storage.scan(Bytes.ofUtf8("a"), Bytes.ofUtf8("b"), Order.ASCENDING))
        .isEqualTo(BackendResult.ok(1, GasInfo.withExternallyUsed(7 * MULTIPLIER)));
    assertThat(storage.next(0))
        .isEqualTo(
            BackendResult.ok(
                Optional.of(new KvRecord(Bytes.ofUtf8("b"), Bytes.ofUtf8("2"))),
                GasInfo.withExternallyUsed(3 * MULTIPLIER)));
    assertThat(storage.nextValue(0))
        .isEqualTo(
            BackendResult.ok(
                Optional.of(Bytes.ofUtf8("1")), GasInfo.withExternallyUsed(3 * MULTIPLIER)));
    assertThat(storage.next(0)).isEqualTo(BackendResult.ok(Optional.empty(), GasInfo.FREE));
    assertThat(storage.nextKey(1))
        .isEqualTo(
            BackendResult.ok(
                Optional.of(Bytes.ofUtf8("a")), GasInfo.withExternallyUsed(3 * MULTIPLIER)));
    assertThat(storage.next(2))
        .isEqualTo(BackendResult.err(new BackendError.IteratorDoesNotExist(2), GasInfo.FREE));
    storage.endCall();
    assertThat(store.closed).isEqualTo(2);
    assertThat(storage.scan(null, null, Order.ASCENDING))
        .as("ids restart after the call ended")
        .isEqualTo(BackendResult.ok(0, GasInfo.withExternallyUsed(7 * MULTIPLIER)));
  }

  @Test
  void storePanicsAndOutOfGasMapToBackendErrors() {
    FakeStore store = new FakeStore(new FakeMeter(25));
    KvStoreStorage storage = new KvStoreStorage(store, store.meter, MULTIPLIER);
    assertThat(storage.get(Bytes.EMPTY))
        .isEqualTo(BackendResult.err(new BackendError.ForeignPanic(), GasInfo.FREE));
    storage.set(Bytes.ofUtf8("a"), Bytes.ofUtf8("1"));
    // 20 consumed; a get needs 10 more than the limit of 25 allows
    assertThat(storage.get(Bytes.ofUtf8("a")))
        .isEqualTo(BackendResult.err(new BackendError.OutOfGas(), GasInfo.FREE));
    assertThat(new BackendError.OutOfGas().toVmException())
        .hasMessage("Ran out of gas during contract execution");
    assertThat(new BackendError.ForeignPanic().toVmException())
        .hasMessage("Error calling into the VM's backend: Panic in FFI call");
  }
}
