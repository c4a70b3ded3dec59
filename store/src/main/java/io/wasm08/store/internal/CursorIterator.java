package io.wasm08.store.internal;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;

/** A {@link KvIterator} over a snapshot cursor of a {@link PersistentSortedMap} of values. */
public final class CursorIterator implements KvIterator {
  private final PersistentSortedMap.Cursor<Bytes> cursor;
  private boolean closed;

  public CursorIterator(PersistentSortedMap.Cursor<Bytes> cursor) {
    this.cursor = cursor;
  }

  @Override
  public boolean valid() {
    return !closed && cursor.valid();
  }

  @Override
  public Bytes key() {
    requireValid();
    return cursor.key();
  }

  @Override
  public Bytes value() {
    requireValid();
    return cursor.value();
  }

  @Override
  public void next() {
    requireValid();
    cursor.next();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void requireValid() {
    if (!valid()) {
      throw new IllegalStateException("iterator is not valid");
    }
  }
}
