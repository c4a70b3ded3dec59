package io.wasm08.relayer.quorum;

import io.wasm08.common.Bytes;
import java.util.Objects;

/** A key and its value in a client store snapshot. */
public record KvPair(Bytes key, Bytes value) {
  public KvPair {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
