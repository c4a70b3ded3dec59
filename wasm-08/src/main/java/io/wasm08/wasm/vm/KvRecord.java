package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;
import java.util.Objects;

/** One key-value pair yielded by a storage iterator (cosmwasm-std {@code Record}). */
public record KvRecord(Bytes key, Bytes value) {
  public KvRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
