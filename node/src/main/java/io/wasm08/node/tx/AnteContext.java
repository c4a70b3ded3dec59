package io.wasm08.node.tx;

import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSet;
import io.wasm08.core.events.EventManager;
import io.wasm08.store.GasConfig;
import io.wasm08.store.GasKvStore;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;

/**
 * What the ante handler runs in: the block, the mode, the tx's gas meter, its event manager, and a
 * branch of the state whose stores are metered with the tx's gas meter, as every module store is.
 */
public record AnteContext(
    BlockInfo block, ExecMode mode, GasMeter gasMeter, EventManager events, StoreSet stores) {
  /** The metered store named {@code key}. */
  public KvStore store(String key) {
    return new GasKvStore(stores.kvStore(key), gasMeter, GasConfig.KV);
  }

  /** The same branch, meter and events as a module context (for the bank's fee transfer). */
  public BlockContext blockContext() {
    return BlockContext.builder()
        .block(block)
        .stores(stores)
        .gasMeter(gasMeter)
        .eventManager(events)
        .build();
  }

  public boolean simulate() {
    return mode.simulate();
  }
}
