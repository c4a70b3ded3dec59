package io.wasm08.store;

import io.wasm08.common.Bytes;

/**
 * A cursor over a key range, shaped like the SDK's {@code types.Iterator}: check {@link #valid()},
 * read {@link #key()}/{@link #value()}, advance with {@link #next()}, and always {@link #close()}.
 */
public interface KvIterator extends AutoCloseable {
  /** True while the cursor points at an entry. */
  boolean valid();

  /** The current key; throws {@link IllegalStateException} when not {@link #valid()}. */
  Bytes key();

  /** The current value; throws {@link IllegalStateException} when not {@link #valid()}. */
  Bytes value();

  /** Moves to the next entry; throws {@link IllegalStateException} when not {@link #valid()}. */
  void next();

  /** Releases the iterator; never throws a checked exception. */
  @Override
  void close();
}
