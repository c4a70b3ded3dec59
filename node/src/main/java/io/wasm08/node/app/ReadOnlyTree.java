package io.wasm08.node.app;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.iavl.ImmutableTree;

/**
 * A committed IAVL version as a read-only {@link KvStore} (queries branch it for scratch writes).
 */
record ReadOnlyTree(ImmutableTree tree) implements KvStore {
  @Override
  public Bytes get(Bytes key) {
    return tree.get(key);
  }

  @Override
  public boolean has(Bytes key) {
    return tree.has(key);
  }

  @Override
  public void set(Bytes key, Bytes value) {
    throw new UnsupportedOperationException("committed state is read-only");
  }

  @Override
  public void delete(Bytes key) {
    throw new UnsupportedOperationException("committed state is read-only");
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return tree.iterator(start, end);
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return tree.reverseIterator(start, end);
  }
}
