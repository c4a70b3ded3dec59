package io.wasm08.store.iavl;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.store.CacheKvStore;
import io.wasm08.store.CommitId;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.MemDatabase;
import io.wasm08.store.db.RocksDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IavlPersistenceTest {
  @TempDir Path dir;

  /** A deterministic batch of operations for version {@code v}. */
  static void apply(MutableTree tree, int v) {
    Random random = new Random(v);
    for (int i = 0; i < 300; i++) {
      Bytes key = Bytes.ofUtf8("key-" + random.nextInt(400));
      if (random.nextInt(4) == 0) {
        tree.remove(key);
      } else {
        tree.set(key, Bytes.ofUtf8("v" + v + "-" + i));
      }
    }
  }

  @Test
  void rocksDbTreeReopensAtLatestVersionWithSameRoots() {
    List<CommitId> memCommits = new ArrayList<>();
    MutableTree mem = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    for (int v = 1; v <= 12; v++) {
      apply(mem, v);
      memCommits.add(mem.saveVersion());
    }

    List<CommitId> rocksCommits = new ArrayList<>();
    Path path = dir.resolve("db");
    try (Database db = RocksDatabase.open(path)) {
      MutableTree tree = MutableTree.open(db, Bytes.ofUtf8("s/k:ibc/"), 64);
      for (int v = 1; v <= 12; v++) {
        apply(tree, v);
        rocksCommits.add(tree.saveVersion());
      }
      tree.set(Bytes.ofUtf8("uncommitted"), Bytes.ofUtf8("lost"));
    }
    assertThat(rocksCommits).as("same operations, same roots, any storage").isEqualTo(memCommits);

    try (Database db = RocksDatabase.open(path)) {
      MutableTree tree = MutableTree.open(db, Bytes.ofUtf8("s/k:ibc/"), 64);
      assertThat(tree.version()).isEqualTo(12);
      assertThat(tree.hash()).isEqualTo(memCommits.get(11).hash());
      assertThat(tree.get(Bytes.ofUtf8("uncommitted"))).isNull();
      assertThat(tree.getImmutable(5).hash()).isEqualTo(memCommits.get(4).hash());
      TreeInvariants.check(tree.getImmutable(7));

      tree.deleteVersionsTo(9);
      assertThat(tree.availableVersions()).containsExactly(10L, 11L, 12L);
      assertThat(TreeInvariants.stored(db, Bytes.ofUtf8("s/k:ibc/")))
          .isEqualTo(TreeInvariants.reachable(tree, tree.availableVersions()));

      tree.loadVersionForOverwriting(10);
      apply(tree, 11);
      assertThat(tree.saveVersion()).isEqualTo(memCommits.get(10));
    }
  }

  @Test
  void cachedWritesGiveTheSameRootWhateverTheOrder() {
    List<Bytes> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      keys.add(Bytes.ofUtf8("k" + i));
    }
    Bytes reference = null;
    for (long shuffle = 0; shuffle < 5; shuffle++) {
      List<Bytes> order = new ArrayList<>(keys);
      Collections.shuffle(order, new Random(shuffle));
      MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
      CacheKvStore cache = new CacheKvStore(new IavlStore(tree));
      for (Bytes key : order) {
        cache.set(key, key);
      }
      cache.delete(Bytes.ofUtf8("k7"));
      cache.write();
      Bytes root = tree.saveVersion().hash();
      if (reference == null) {
        reference = root;
      }
      assertThat(root).isEqualTo(reference);
    }
  }

  @Test
  void directInsertionOrderShapesTheTree() {
    // IAVL roots depend on the order of direct writes: a, b, c gives root(b) = [a, inner(c) = [b,
    // c]] while c, b, a gives root(c) = [inner(b) = [a, b], c] — why CacheKvStore.write() sorts.
    MutableTree abc = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    MutableTree cba = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    for (String k : List.of("a", "b", "c")) {
      abc.set(Bytes.ofUtf8(k), Bytes.ofUtf8(k));
    }
    for (String k : List.of("c", "b", "a")) {
      cba.set(Bytes.ofUtf8(k), Bytes.ofUtf8(k));
    }
    assertThat(abc.saveVersion().hash()).isNotEqualTo(cba.saveVersion().hash());
  }
}
