package io.wasm08.wasm.vm.testing;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.KvRecord;
import io.wasm08.wasm.vm.Order;
import io.wasm08.wasm.vm.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * cosmwasm-vm's {@code testing::MockStorage} with its gas rules, all reported as {@code
 * externally_used} except iteration: get = len(key); set = len(key) + len(value); remove =
 * len(key); scan = 11; next = len(key) + len(value) as internal cost per record and 37 external at
 * the end. Iterator ids start at 1 and iterators snapshot the range when opened.
 */
public final class MockStorage implements Storage {
  static final long GAS_COST_LAST_ITERATION = 37;
  static final long GAS_COST_RANGE = 11;

  private final NavigableMap<Bytes, Bytes> data = new TreeMap<>();
  private final Map<Integer, Iter> iterators = new HashMap<>();

  private static final class Iter {
    private final List<KvRecord> records;
    private int position;

    Iter(List<KvRecord> records) {
      this.records = records;
    }
  }

  public MockStorage() {}

  /** A storage holding {@code entries}. */
  public MockStorage(Map<Bytes, Bytes> entries) {
    data.putAll(entries);
  }

  /** The stored entries in key order (a copy). */
  public SortedMap<Bytes, Bytes> entries() {
    return new TreeMap<>(data);
  }

  @Override
  public BackendResult<Optional<Bytes>> get(Bytes key) {
    return BackendResult.ok(
        Optional.ofNullable(data.get(key)), GasInfo.withExternallyUsed(key.size()));
  }

  @Override
  public BackendResult<Integer> scan(Bytes start, Bytes end, Order order) {
    List<KvRecord> records = new ArrayList<>();
    boolean empty = start != null && end != null && start.compareTo(end) >= 0;
    if (!empty) {
      NavigableMap<Bytes, Bytes> range = data;
      if (start != null) {
        range = range.tailMap(start, true);
      }
      if (end != null) {
        range = range.headMap(end, false);
      }
      var view = order == Order.ASCENDING ? range : range.descendingMap();
      view.forEach((k, v) -> records.add(new KvRecord(k, v)));
    }
    int id = iterators.size() + 1;
    iterators.put(id, new Iter(records));
    return BackendResult.ok(id, GasInfo.withExternallyUsed(GAS_COST_RANGE));
  }

  @Override
  public BackendResult<Optional<KvRecord>> next(int iteratorId) {
    Iter iter = iterators.get(iteratorId);
    if (iter == null) {
      return BackendResult.err(new BackendError.IteratorDoesNotExist(iteratorId), GasInfo.FREE);
    }
    if (iter.position < iter.records.size()) {
      KvRecord record = iter.records.get(iter.position++);
      return BackendResult.ok(
          Optional.of(record), GasInfo.withCost(record.key().size() + record.value().size()));
    }
    return BackendResult.ok(Optional.empty(), GasInfo.withExternallyUsed(GAS_COST_LAST_ITERATION));
  }

  @Override
  public BackendResult<Void> set(Bytes key, Bytes value) {
    data.put(key, value);
    return BackendResult.ok(null, GasInfo.withExternallyUsed(key.size() + (long) value.size()));
  }

  @Override
  public BackendResult<Void> remove(Bytes key) {
    data.remove(key);
    return BackendResult.ok(null, GasInfo.withExternallyUsed(key.size()));
  }
}
