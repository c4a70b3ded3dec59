package io.wasm08.node.app;

import io.wasm08.common.Bytes;
import io.wasm08.store.CacheKvStore;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.iavl.ImmutableTree;
import io.wasm08.store.rootmulti.CacheMultiStore;
import io.wasm08.store.rootmulti.RootMultiStore;
import java.util.Map;
import java.util.TreeMap;

/**
 * A view of the application's named stores that can be branched: a block's working state, a
 * transaction's branch of it, or a committed version read by queries. {@link #write()} applies a
 * branch to its parent; a branch that is never written leaves nothing behind.
 */
public interface StateView {
  /** The raw store named {@code key} (unmetered). */
  KvStore kvStore(String key);

  /** A transactional branch of this view. */
  StateView branch();

  /** Applies this branch's writes to its parent (no-op for roots). */
  void write();

  /** A branch of the multistore's working state (what blocks run on). */
  static StateView of(CacheMultiStore cms) {
    return new StateView() {
      @Override
      public KvStore kvStore(String key) {
        return cms.kvStore(key);
      }

      @Override
      public StateView branch() {
        return of(cms.cacheMultiStore());
      }

      @Override
      public void write() {
        cms.write();
      }
    };
  }

  /**
   * The committed {@code version} of every store, read-only underneath: writes go to a cache that
   * is dropped (queries and simulations may write scratch state, as the SDK's do).
   */
  static StateView committed(RootMultiStore rms, long version) {
    Map<String, KvStore> stores = new TreeMap<>();
    for (String name : rms.storeNames()) {
      stores.put(name, new ReadOnlyTree(rms.tree(name, version)));
    }
    return new CachedView(stores);
  }

  /** Lazily caches each store of a parent set. */
  final class CachedView implements StateView {
    private final Map<String, KvStore> parent;
    private final boolean root;
    private final Map<String, CacheKvStore> caches = new TreeMap<>();

    CachedView(Map<String, KvStore> parent) {
      this(parent, true);
    }

    private CachedView(Map<String, KvStore> parent, boolean root) {
      this.parent = parent;
      this.root = root;
    }

    @Override
    public KvStore kvStore(String key) {
      return caches.computeIfAbsent(
          key,
          k -> {
            KvStore store = parent.get(k);
            if (store == null) {
              throw new IllegalArgumentException("store does not exist: " + k);
            }
            return new CacheKvStore(store);
          });
    }

    @Override
    public StateView branch() {
      Map<String, KvStore> layer = new TreeMap<>();
      for (String name : parent.keySet()) {
        layer.put(name, kvStore(name));
      }
      return new CachedView(layer, false);
    }

    /**
     * A branch writes into its parent's caches; the root (a committed version) is never written.
     */
    @Override
    public void write() {
      if (!root) {
        caches.values().forEach(CacheKvStore::write);
      }
    }
  }

  /** A committed IAVL version as a read-only {@link KvStore}. */
  record ReadOnlyTree(ImmutableTree tree) implements KvStore {
    @Override
    public Bytes get(Bytes key) {
      return tree.get(key);
    }

    @Override
    public boolean has(Bytes key) {
      return tree.has(key);
    }

    @Override
    public void set(Bytes key, Bytes value) {
      throw new UnsupportedOperationException("committed state is read-only");
    }

    @Override
    public void delete(Bytes key) {
      throw new UnsupportedOperationException("committed state is read-only");
    }

    @Override
    public KvIterator iterator(Bytes start, Bytes end) {
      return tree.iterator(start, end);
    }

    @Override
    public KvIterator reverseIterator(Bytes start, Bytes end) {
      return tree.reverseIterator(start, end);
    }
  }
}
