package io.wasm08.store;

import io.wasm08.common.Bytes;
import io.wasm08.store.internal.CursorIterator;
import io.wasm08.store.internal.PersistentSortedMap;

/**
 * An in-memory {@link KvStore} (the SDK's {@code dbadapter} over a {@code MemDB}), backed by an
 * immutable sorted map.
 *
 * <p><b>Iteration while writing.</b> An iterator sees the store exactly as it was when the iterator
 * was created: writes made while it is open (through this store or any other path) are not visible
 * to it and never invalidate it. The SDK forbids writes inside the domain of an open iterator on
 * its plain stores; code that respects that contract sees identical behaviour here, and code that
 * does not gets a well-defined snapshot instead of undefined behaviour.
 *
 * <p>Single writer; readers on other threads see a consistent snapshot.
 */
public final class MemKvStore implements KvStore {
  private volatile PersistentSortedMap<Bytes> entries = PersistentSortedMap.empty();

  @Override
  public Bytes get(Bytes key) {
    KvStores.assertValidKey(key);
    return entries.get(key);
  }

  @Override
  public boolean has(Bytes key) {
    return get(key) != null;
  }

  @Override
  public void set(Bytes key, Bytes value) {
    KvStores.assertValidKey(key);
    KvStores.assertValidValue(value);
    entries = entries.put(key, value);
  }

  @Override
  public void delete(Bytes key) {
    KvStores.assertValidKey(key);
    entries = entries.remove(key);
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return new CursorIterator(entries.cursor(start, end, true));
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return new CursorIterator(entries.cursor(start, end, false));
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }
}
