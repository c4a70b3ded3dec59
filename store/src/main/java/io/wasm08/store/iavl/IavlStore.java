package io.wasm08.store.iavl;

import io.wasm08.common.Bytes;
import io.wasm08.store.CommitId;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.KvStores;
import java.util.Objects;

/**
 * The working state of a {@link MutableTree} as a {@link KvStore} (the SDK's {@code iavl.Store}):
 * reads and writes go to the working tree, {@link #commit()} saves a version.
 *
 * <p><b>Iteration while writing.</b> An iterator walks the working tree as it was when the iterator
 * was created (nodes are immutable); writes while it is open are allowed and invisible to it. The
 * SDK forbids such writes on an IAVL store and does them through a {@code cachekv} layer instead,
 * with the same outcome as here.
 */
public final class IavlStore implements KvStore {
  private final MutableTree tree;

  public IavlStore(MutableTree tree) {
    this.tree = Objects.requireNonNull(tree, "tree");
  }

  public MutableTree tree() {
    return tree;
  }

  @Override
  public Bytes get(Bytes key) {
    KvStores.assertValidKey(key);
    return tree.get(key);
  }

  @Override
  public boolean has(Bytes key) {
    return get(key) != null;
  }

  @Override
  public void set(Bytes key, Bytes value) {
    tree.set(key, value);
  }

  @Override
  public void delete(Bytes key) {
    tree.remove(key);
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return tree.workingTree().iterator(start, end);
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return tree.workingTree().reverseIterator(start, end);
  }

  /** Saves the working tree as a new version. */
  public CommitId commit() {
    return tree.saveVersion();
  }

  /** The last saved version and its hash. */
  public CommitId lastCommitId() {
    return new CommitId(tree.version(), tree.hash());
  }
}
