package io.wasm08.gov.testing;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.events.EventManager;
import io.wasm08.gov.keeper.GovContext;
import io.wasm08.store.CacheKvStore;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link GovContext} over named stores; a branch wraps every store in the store module's {@link
 * CacheKvStore} and writes them all, in name order, on {@link Branch#write}.
 */
public final class TestContext implements GovContext {
  private final BlockInfo block;
  private final Map<String, ? extends KvStore> stores;
  private final GasMeter gasMeter;
  private final EventManager events;
  private final String consensusAuthority;

  public TestContext(
      BlockInfo block,
      Map<String, ? extends KvStore> stores,
      GasMeter gasMeter,
      EventManager events,
      String consensusAuthority) {
    this.block = block;
    this.stores = stores;
    this.gasMeter = gasMeter;
    this.events = events;
    this.consensusAuthority = consensusAuthority;
  }

  @Override
  public BlockInfo block() {
    return block;
  }

  @Override
  public KvStore kvStore(String storeKey) {
    KvStore s = stores.get(storeKey);
    if (s == null) {
      throw new IllegalArgumentException("store does not exist: " + storeKey);
    }
    return s;
  }

  @Override
  public GasMeter gasMeter() {
    return gasMeter;
  }

  @Override
  public EventManager eventManager() {
    return events;
  }

  @Override
  public Optional<String> consensusAuthority() {
    return Optional.ofNullable(consensusAuthority);
  }

  @Override
  public Branch cacheContext() {
    Map<String, CacheKvStore> caches = new TreeMap<>();
    stores.forEach((name, store) -> caches.put(name, new CacheKvStore(store)));
    TestContext child =
        new TestContext(block, caches, gasMeter, new EventManager(), consensusAuthority);
    return new Branch() {
      @Override
      public GovContext context() {
        return child;
      }

      @Override
      public void write(GovContext parent) {
        caches.values().forEach(CacheKvStore::write);
        ((TestContext) parent).events.emitAll(child.events.events());
      }
    };
  }

  /** Every store's content, for before/after comparisons. */
  public Map<String, TreeMap<Bytes, Bytes>> snapshot() {
    Map<String, TreeMap<Bytes, Bytes>> out = new TreeMap<>();
    stores.forEach((name, s) -> out.put(name, contents(s)));
    return out;
  }

  public static TreeMap<Bytes, Bytes> contents(KvStore store) {
    TreeMap<Bytes, Bytes> out = new TreeMap<>();
    try (KvIterator it = store.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        out.put(it.key(), it.value());
      }
    }
    return out;
  }
}
