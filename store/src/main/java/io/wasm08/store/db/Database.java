package io.wasm08.store.db;

/**
 * An ordered byte-key database with atomic write batches: the storage the versioned stores persist
 * into (cometbft-db's {@code DB}). Keys order as unsigned bytes. Implementations: {@link
 * MemDatabase} (tests, in-memory nodes) and {@link RocksDatabase} (the node's default).
 *
 * <p>Arrays passed in are not retained; arrays returned are the caller's. Iterators see a
 * consistent snapshot taken at creation and must be closed. Implementations are thread-safe.
 */
public interface Database extends AutoCloseable {
  /** The value under {@code key}, or {@code null}. */
  byte[] get(byte[] key);

  /** Ascending over {@code [start, end)}; {@code null} bounds are open. */
  DbIterator iterator(byte[] start, byte[] end);

  /** Descending over {@code [start, end)}; {@code null} bounds are open. */
  DbIterator reverseIterator(byte[] start, byte[] end);

  /** A new batch; nothing it holds is visible until {@link DbBatch#write()}. */
  DbBatch newBatch();

  /** Releases the database; open iterators must be closed first. */
  @Override
  void close();
}
