package io.wasm08.node.tx;

import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.events.EventManager;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;
import java.util.function.Function;

/**
 * What the ante handler runs in: the block, the mode, the tx's gas meter, its event manager, and
 * the stores of a branch of the state (metered with the tx's gas meter, as every module store is).
 */
public record AnteContext(
    BlockInfo block,
    ExecMode mode,
    GasMeter gasMeter,
    EventManager events,
    Function<String, KvStore> stores) {
  public KvStore store(String key) {
    return stores.apply(key);
  }

  public boolean simulate() {
    return mode.simulate();
  }
}
