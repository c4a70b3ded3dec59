package io.wasm08.store.db;

/** A cursor over a key range of a {@link Database}. */
public interface DbIterator extends AutoCloseable {
  boolean valid();

  byte[] key();

  byte[] value();

  void next();

  @Override
  void close();
}
