package io.wasm08.store.rootmulti;

import io.wasm08.store.CacheKvStore;
import io.wasm08.store.KvStore;
import java.util.Map;
import java.util.TreeMap;

/**
 * A transactional branch of a multistore (the SDK's {@code cachemulti.Store}): one {@link
 * CacheKvStore} per store. {@link #write()} commits every store's buffer to its parent (stores in
 * name order, keys in key order); dropping the branch discards it — how a failing transaction or
 * contract call writes nothing. Branches nest. Not thread-safe.
 */
public final class CacheMultiStore {
  private final Map<String, CacheKvStore> stores = new TreeMap<>();

  CacheMultiStore(Map<String, ? extends KvStore> parents) {
    parents.forEach((name, parent) -> stores.put(name, new CacheKvStore(parent)));
  }

  /** The branch of the named store; {@link IllegalArgumentException} if no such store. */
  public CacheKvStore kvStore(String name) {
    CacheKvStore store = stores.get(name);
    if (store == null) {
      throw new IllegalArgumentException("store does not exist: " + name);
    }
    return store;
  }

  /** The names of the stores, sorted. */
  public Iterable<String> storeNames() {
    return stores.keySet();
  }

  /** Writes every store's buffered changes to its parent. */
  public void write() {
    stores.values().forEach(CacheKvStore::write);
  }

  /** A nested branch over this one. */
  public CacheMultiStore cacheMultiStore() {
    return new CacheMultiStore(stores);
  }
}
