package io.wasm08.wasm.vm;

import java.util.Objects;

/** wasmvm {@code StoreCode}'s answer: the checksum and the compile gas charged. */
public record StoreCodeResult(Checksum checksum, long gasUsed) {
  public StoreCodeResult {
    Objects.requireNonNull(checksum, "checksum");
  }
}
