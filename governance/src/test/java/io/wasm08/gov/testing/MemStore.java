package io.wasm08.gov.testing;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A tiny in-memory KvStore for these tests until the store module's MemKvStore lands on main;
 * iterators walk a snapshot, as the SDK's cache iterators do.
 */
public final class MemStore implements KvStore {
  private final TreeMap<Bytes, Bytes> data = new TreeMap<>();

  @Override
  public Bytes get(Bytes key) {
    check(key);
    return data.get(key);
  }

  @Override
  public boolean has(Bytes key) {
    check(key);
    return data.containsKey(key);
  }

  @Override
  public void set(Bytes key, Bytes value) {
    check(key);
    if (value == null) {
      throw new IllegalArgumentException("value is nil");
    }
    data.put(key, value);
  }

  @Override
  public void delete(Bytes key) {
    check(key);
    data.remove(key);
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return new ListIterator(new ArrayList<>(range(start, end).entrySet()));
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return new ListIterator(new ArrayList<>(range(start, end).descendingMap().entrySet()));
  }

  private NavigableMap<Bytes, Bytes> range(Bytes start, Bytes end) {
    if (start != null && end != null && start.compareTo(end) > 0) {
      return new TreeMap<>();
    }
    NavigableMap<Bytes, Bytes> m = data;
    if (start != null) {
      m = m.tailMap(start, true);
    }
    if (end != null) {
      m = m.headMap(end, false);
    }
    return m;
  }

  /** A copy of the content (for branches and before/after comparisons). */
  public TreeMap<Bytes, Bytes> snapshot() {
    return new TreeMap<>(data);
  }

  public void replaceWith(Map<Bytes, Bytes> content) {
    data.clear();
    data.putAll(content);
  }

  private static void check(Bytes key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key is nil or empty");
    }
  }

  private static final class ListIterator implements KvIterator {
    private final List<Map.Entry<Bytes, Bytes>> entries;
    private int i;

    ListIterator(List<Map.Entry<Bytes, Bytes>> entries) {
      this.entries = entries;
    }

    @Override
    public boolean valid() {
      return i < entries.size();
    }

    @Override
    public Bytes key() {
      requireValid();
      return entries.get(i).getKey();
    }

    @Override
    public Bytes value() {
      requireValid();
      return entries.get(i).getValue();
    }

    @Override
    public void next() {
      requireValid();
      i++;
    }

    @Override
    public void close() {}

    private void requireValid() {
      if (!valid()) {
        throw new IllegalStateException("iterator is not valid");
      }
    }
  }
}
