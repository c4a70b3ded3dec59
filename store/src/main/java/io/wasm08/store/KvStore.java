package io.wasm08.store;

import io.wasm08.common.Bytes;

/**
 * A key-value store as the Cosmos SDK defines {@code types.KVStore}: keys ordered as unsigned
 * bytes, iteration over {@code [start, end)} with {@code null} meaning unbounded on that side.
 *
 * <p>Empty keys and {@code null} values are rejected with {@link IllegalArgumentException}, as the
 * SDK's {@code AssertValidKey}/{@code AssertValidValue} panic on them.
 */
public interface KvStore {
  /** The value stored under {@code key}, or {@code null} when absent. */
  Bytes get(Bytes key);

  boolean has(Bytes key);

  void set(Bytes key, Bytes value);

  void delete(Bytes key);

  /** Ascending iteration over {@code [start, end)}; {@code null} bounds are open. */
  KvIterator iterator(Bytes start, Bytes end);

  /** Descending iteration over {@code [start, end)}; {@code null} bounds are open. */
  KvIterator reverseIterator(Bytes start, Bytes end);
}
