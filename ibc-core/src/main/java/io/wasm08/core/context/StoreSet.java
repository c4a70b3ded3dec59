package io.wasm08.core.context;

import io.wasm08.store.KvStore;

/**
 * The named KV stores of one view of application state — the SDK's {@code MultiStore} as modules
 * see it (store keys such as {@code "ibc"} or {@code "08-wasm"}). Stores are handed out raw; {@link
 * BlockContext#kvStore} adds gas metering.
 */
public interface StoreSet {
  /** The store named {@code storeKey}; {@link IllegalArgumentException} if there is none. */
  KvStore kvStore(String storeKey);

  /** A transactional branch over these stores (the SDK's {@code CacheMultiStore}). */
  StoreBranch branch();
}
