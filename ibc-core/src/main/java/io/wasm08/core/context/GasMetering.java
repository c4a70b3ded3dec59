package io.wasm08.core.context;

import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;

/**
 * How a context meters its stores: the SDK wraps every module store it hands out in a {@code gaskv}
 * store charging the context's gas meter.
 */
@FunctionalInterface
public interface GasMetering {
  KvStore meter(KvStore store, GasMeter gasMeter);

  /** No charges (for code paths the SDK runs without a gas-wrapped store). */
  GasMetering NONE = (store, gasMeter) -> store;

  /** The SDK's module stores: {@code gaskv} with {@code KVGasConfig()}. */
  GasMetering KV =
      (store, gasMeter) ->
          new io.wasm08.store.GasKvStore(store, gasMeter, io.wasm08.store.GasConfig.KV);
}
