package io.wasm08.relayer.quorum;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * One write an execution made to the IBC store, in order: a set, or a delete ({@code value} empty
 * and {@code delete}).
 */
public record StoreWrite(Bytes key, Bytes value, boolean delete) {
  public StoreWrite {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (delete && !value.isEmpty()) {
      throw new IllegalArgumentException("a delete carries no value");
    }
  }

  public static StoreWrite set(Bytes key, Bytes value) {
    return new StoreWrite(key, value, false);
  }

  public static StoreWrite delete(Bytes key) {
    return new StoreWrite(key, Bytes.EMPTY, true);
  }
}
