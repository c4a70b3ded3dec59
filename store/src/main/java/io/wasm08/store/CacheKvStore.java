package io.wasm08.store;

import io.wasm08.common.Bytes;
import io.wasm08.store.internal.PersistentSortedMap;
import java.util.Objects;

/**
 * A write buffer over a parent store (the SDK's {@code cachekv.Store}): reads fall through to the
 * parent for keys the buffer has not touched, writes and deletes stay in the buffer until {@link
 * #write()} applies them to the parent in ascending key order (the SDK sorts them too, which keeps
 * IAVL roots independent of the order writes were made in). Dropping the object discards the
 * buffer; so does {@link #discard()}. Caches nest: a {@code CacheKvStore} over a {@code
 * CacheKvStore} writes into its parent's buffer.
 *
 * <p><b>Iteration while writing.</b> Iterators merge the parent's iterator with a snapshot of the
 * buffer taken when the iterator is created (deleted keys hidden, buffered keys override the
 * parent, order kept). Writing to this store while an iterator is open is allowed, as in the SDK,
 * and never affects the open iterator. {@link #write()} while an iterator is open changes the
 * parent; what the open iterator then sees is whatever the parent's iterator guarantees (a snapshot
 * for every store in this module).
 *
 * <p>Not thread-safe: one cache belongs to one execution context.
 */
public final class CacheKvStore implements KvStore {
  private final KvStore parent;
  private PersistentSortedMap<Dirty> buffer = PersistentSortedMap.empty();

  public CacheKvStore(KvStore parent) {
    this.parent = Objects.requireNonNull(parent, "parent");
  }

  public KvStore parent() {
    return parent;
  }

  @Override
  public Bytes get(Bytes key) {
    KvStores.assertValidKey(key);
    Dirty dirty = buffer.get(key);
    return dirty != null ? dirty.value() : parent.get(key);
  }

  @Override
  public boolean has(Bytes key) {
    return get(key) != null;
  }

  @Override
  public void set(Bytes key, Bytes value) {
    KvStores.assertValidKey(key);
    KvStores.assertValidValue(value);
    buffer = buffer.put(key, new Dirty(value));
  }

  @Override
  public void delete(Bytes key) {
    KvStores.assertValidKey(key);
    buffer = buffer.put(key, Dirty.DELETED);
  }

  /** Applies the buffered writes and deletes to the parent in ascending key order, then clears. */
  public void write() {
    PersistentSortedMap<Dirty> pending = buffer;
    buffer = PersistentSortedMap.empty();
    pending.forEach(
        (key, dirty) -> {
          if (dirty.value() == null) {
            parent.delete(key);
          } else {
            parent.set(key, dirty.value());
          }
        });
  }

  /** Drops every buffered change. */
  public void discard() {
    buffer = PersistentSortedMap.empty();
  }

  /** The number of buffered writes and deletes. */
  public int bufferedCount() {
    return buffer.size();
  }

  /** A nested cache over this one. */
  public CacheKvStore cacheWrap() {
    return new CacheKvStore(this);
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return new MergeIterator(parent.iterator(start, end), buffer.cursor(start, end, true), true);
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return new MergeIterator(
        parent.reverseIterator(start, end), buffer.cursor(start, end, false), false);
  }

  /** A buffered change; a {@code null} value marks a delete. */
  private record Dirty(Bytes value) {
    static final Dirty DELETED = new Dirty(null);
  }

  /**
   * The SDK's {@code cacheMergeIterator}: walks the parent and the buffer snapshot together,
   * preferring the buffer on equal keys and skipping buffered deletes.
   */
  private static final class MergeIterator implements KvIterator {
    private final KvIterator parent;
    private final PersistentSortedMap.Cursor<Dirty> cache;
    private final boolean ascending;
    private boolean closed;

    MergeIterator(KvIterator parent, PersistentSortedMap.Cursor<Dirty> cache, boolean ascending) {
      this.parent = parent;
      this.cache = cache;
      this.ascending = ascending;
      skipUntilExistsOrInvalid();
    }

    @Override
    public boolean valid() {
      return !closed && (parent.valid() || cache.valid());
    }

    @Override
    public Bytes key() {
      requireValid();
      return useCache() ? cache.key() : parent.key();
    }

    @Override
    public Bytes value() {
      requireValid();
      return useCache() ? cache.value().value() : parent.value();
    }

    @Override
    public void next() {
      requireValid();
      if (!parent.valid()) {
        cache.next();
      } else if (!cache.valid()) {
        parent.next();
      } else {
        int cmp = compare(parent.key(), cache.key());
        if (cmp < 0) {
          parent.next();
        } else if (cmp == 0) {
          parent.next();
          cache.next();
        } else {
          cache.next();
        }
      }
      skipUntilExistsOrInvalid();
    }

    @Override
    public void close() {
      closed = true;
      parent.close();
    }

    // The cache wins when the parent is exhausted or the cache's key comes first or ties.
    private boolean useCache() {
      return !parent.valid() || (cache.valid() && compare(parent.key(), cache.key()) >= 0);
    }

    private int compare(Bytes parentKey, Bytes cacheKey) {
      int cmp = parentKey.compareTo(cacheKey);
      return ascending ? cmp : -cmp;
    }

    // Skips buffered deletes and the parent entries they shadow.
    private void skipUntilExistsOrInvalid() {
      while (cache.valid() && cache.value().value() == null) {
        if (parent.valid()) {
          int cmp = compare(parent.key(), cache.key());
          if (cmp < 0) {
            return;
          }
          if (cmp == 0) {
            parent.next();
          }
        }
        cache.next();
      }
    }

    private void requireValid() {
      if (!valid()) {
        throw new IllegalStateException("iterator is not valid");
      }
    }
  }
}
