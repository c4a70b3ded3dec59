package io.wasm08.store;

import io.wasm08.common.Bytes;

/**
 * A key-value store as the Cosmos SDK defines {@code types.KVStore}: keys ordered as unsigned
 * bytes, iteration over {@code [start, end)} with {@code null} meaning unbounded on that side.
 *
 * <p>Empty keys and {@code null} values are rejected with {@link IllegalArgumentException}, as the
 * SDK's {@code AssertValidKey}/{@code AssertValidValue} panic on them ({@link KvStores}); an empty
 * <em>value</em> is a value. ({@link PrefixStore} follows the SDK's prefix store: reading or
 * deleting its empty key addresses the parent key equal to the prefix.)
 *
 * <p>Bounds: an empty {@code start} is the same as {@code null}; an empty {@code end} gives an
 * empty range; {@code start >= end} gives an empty range.
 *
 * <p><b>Iteration while writing.</b> The SDK's contract is that no writes happen inside the domain
 * of an open iterator, except on a {@code cachekv} store, whose iterators see the cache as it was
 * when they were created. Every store in this module gives that {@code cachekv} guarantee: an
 * iterator sees a consistent snapshot taken when it was created, writes made while it is open are
 * allowed and invisible to it, and it is never invalidated by them. Code written to the SDK's
 * contract behaves identically.
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
