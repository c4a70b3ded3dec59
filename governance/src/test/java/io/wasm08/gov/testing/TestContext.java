package io.wasm08.gov.testing;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.events.EventManager;
import io.wasm08.gov.keeper.GovContext;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link GovContext} over named in-memory stores; a branch copies every store and writes them
 * back whole, which is all-or-nothing by construction.
 */
public final class TestContext implements GovContext {
  private final BlockInfo block;
  private final Map<String, MemStore> stores;
  private final GasMeter gasMeter;
  private final EventManager events;
  private final String consensusAuthority;

  public TestContext(
      BlockInfo block,
      Map<String, MemStore> stores,
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
    MemStore s = stores.get(storeKey);
    if (s == null) {
      throw new IllegalArgumentException("store does not exist: " + storeKey);
    }
    return s;
  }

  public Map<String, MemStore> stores() {
    return stores;
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
    Map<String, MemStore> copies = new TreeMap<>();
    stores.forEach(
        (name, store) -> {
          MemStore copy = new MemStore();
          copy.replaceWith(store.snapshot());
          copies.put(name, copy);
        });
    TestContext child =
        new TestContext(block, copies, gasMeter, new EventManager(), consensusAuthority);
    return new Branch() {
      @Override
      public GovContext context() {
        return child;
      }

      @Override
      public void write(GovContext parent) {
        TestContext p = (TestContext) parent;
        copies.forEach((name, copy) -> p.stores.get(name).replaceWith(copy.snapshot()));
        p.events.emitAll(child.events.events());
      }
    };
  }

  /** Every store's content, for before/after comparisons. */
  public Map<String, TreeMap<Bytes, Bytes>> snapshot() {
    Map<String, TreeMap<Bytes, Bytes>> out = new TreeMap<>();
    stores.forEach((name, s) -> out.put(name, s.snapshot()));
    return out;
  }
}
