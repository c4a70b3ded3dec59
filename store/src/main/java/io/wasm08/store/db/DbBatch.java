package io.wasm08.store.db;

/**
 * Writes applied to a {@link Database} all at once: after a crash either every operation of a
 * written batch is visible or none is.
 */
public interface DbBatch extends AutoCloseable {
  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /** Deletes every key in {@code [start, end)}. */
  void deleteRange(byte[] start, byte[] end);

  /** Applies the batch atomically (and durably, where the database is configured to sync). */
  void write();

  /** Releases the batch; a batch that was not written is discarded. */
  @Override
  void close();
}
