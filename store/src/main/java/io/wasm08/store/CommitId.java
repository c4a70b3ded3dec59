package io.wasm08.store;

import io.wasm08.common.Bytes;

/** The SDK's {@code CommitID}: a committed version and its root hash. */
public record CommitId(long version, Bytes hash) {}
