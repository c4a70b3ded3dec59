package io.wasm08.store.rootmulti;

import io.wasm08.store.CommitId;

/** The SDK's {@code StoreInfo}: a store's name and its commit at some version. */
public record StoreInfo(String name, CommitId commitId) {}
