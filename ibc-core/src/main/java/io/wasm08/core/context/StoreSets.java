package io.wasm08.core.context;

import io.wasm08.store.CacheKvStore;
import io.wasm08.store.KvStore;
import io.wasm08.store.rootmulti.CacheMultiStore;
import java.util.Map;
import java.util.TreeMap;

/** {@link StoreSet} implementations over the store module's stores. */
public final class StoreSets {
  private StoreSets() {}

  /**
   * Named stores (committed stores, or in-memory ones in tests); branches cache each store lazily
   * in a {@link CacheKvStore} and write them in name order.
   */
  public static StoreSet of(Map<String, ? extends KvStore> stores) {
    Map<String, KvStore> copy = new TreeMap<>(stores);
    return new StoreSet() {
      @Override
      public KvStore kvStore(String storeKey) {
        KvStore store = copy.get(storeKey);
        if (store == null) {
          throw new IllegalArgumentException("store does not exist: " + storeKey);
        }
        return store;
      }

      @Override
      public StoreBranch branch() {
        return new CachedBranch(this);
      }
    };
  }

  /** The store module's multistore branch as a {@link StoreBranch}. */
  public static StoreBranch of(CacheMultiStore cms) {
    return new StoreBranch() {
      @Override
      public KvStore kvStore(String storeKey) {
        return cms.kvStore(storeKey);
      }

      @Override
      public StoreBranch branch() {
        return of(cms.cacheMultiStore());
      }

      @Override
      public void write() {
        cms.write();
      }
    };
  }

  /** A lazily populated cache branch over a parent set. */
  private static final class CachedBranch implements StoreBranch {
    private final StoreSet parent;
    private final Map<String, CacheKvStore> caches = new TreeMap<>();

    CachedBranch(StoreSet parent) {
      this.parent = parent;
    }

    @Override
    public KvStore kvStore(String storeKey) {
      return caches.computeIfAbsent(storeKey, k -> new CacheKvStore(parent.kvStore(k)));
    }

    @Override
    public StoreBranch branch() {
      return new CachedBranch(this);
    }

    @Override
    public void write() {
      caches.values().forEach(CacheKvStore::write);
    }
  }
}
