package io.wasm08.store.iavl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.store.KvIterator;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.db.MemDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sets, removes, reads and range scans on a versioned tree checked against TreeMap models of
 * every saved version, with saves, working-tree rollback, reopening from the database, pruning (no
 * orphan left behind, no live node lost) and rollback to an earlier version.
 */
class IavlTreeModelTest {
  static final int OPS = 10_000;

  static LongStream seeds() {
    return LongStream.of(7, 8, 9);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void behavesLikeVersionedTreeMap(long seed) {
    Random random = new Random(seed);
    MemDatabase db = new MemDatabase();
    Bytes prefix = Bytes.ofUtf8("s/k:test/");
    MutableTree tree = MutableTree.open(db, prefix, 1000);
    TreeMap<Bytes, Bytes> model = new TreeMap<>();
    Map<Long, TreeMap<Bytes, Bytes>> saved = new HashMap<>();
    Map<Long, Bytes> hashes = new HashMap<>();

    for (int op = 0; op < OPS; op++) {
      int r = random.nextInt(1000);
      Bytes key = key(random);
      if (r < 450) {
        Bytes value = value(random);
        boolean updated = tree.set(key, value);
        assertThat(updated).isEqualTo(model.put(key, value) != null);
      } else if (r < 650) {
        assertThat(tree.remove(key)).isEqualTo(model.remove(key));
      } else if (r < 800) {
        assertThat(tree.get(key)).isEqualTo(model.get(key));
      } else if (r < 900) {
        Bytes start = bound(random);
        Bytes end = bound(random);
        boolean asc = random.nextBoolean();
        ImmutableTree working = tree.workingTree();
        assertThat(scan(working, start, end, asc)).isEqualTo(expected(model, start, end, asc));
      } else if (r < 960) {
        var commit = tree.saveVersion();
        saved.put(commit.version(), new TreeMap<>(model));
        hashes.put(commit.version(), commit.hash());
        TreeInvariants.check(tree.lastSaved());
        assertThat(tree.lastSaved().size()).isEqualTo(model.size());
      } else if (r < 970) {
        tree.rollback();
        model = new TreeMap<>(saved.getOrDefault(tree.version(), new TreeMap<>()));
      } else if (r < 978 && tree.version() > 0) {
        // Reopen from the database: the latest version with its hash, working changes gone.
        tree = MutableTree.open(db, prefix, 1000);
        model = new TreeMap<>(saved.get(tree.version()));
        assertThat(tree.hash()).isEqualTo(hashes.get(tree.version()));
      } else if (r < 988 && tree.version() > tree.firstVersion()) {
        long to =
            tree.firstVersion() + random.nextInt((int) (tree.version() - tree.firstVersion()));
        tree.deleteVersionsTo(to);
        MutableTree pruning = tree;
        for (long v = 1; v <= to; v++) {
          long pruned = v;
          assertThat(pruning.versionExists(pruned)).isFalse();
          assertThatThrownBy(() -> pruning.getImmutable(pruned))
              .isInstanceOfSatisfying(
                  Wasm08Exception.class, e -> assertThat(e.is(StoreErrorCode.NOT_FOUND)).isTrue());
        }
        assertThat(TreeInvariants.stored(db, prefix))
            .as("exactly the nodes of retained versions are stored")
            .isEqualTo(TreeInvariants.reachable(tree, tree.availableVersions()));
      } else if (r < 993 && tree.version() > 1) {
        List<Long> versions = tree.availableVersions();
        long target = versions.get(random.nextInt(versions.size()));
        tree.loadVersionForOverwriting(target);
        for (long v = target + 1; saved.containsKey(v); v++) {
          saved.remove(v);
          hashes.remove(v);
        }
        model = new TreeMap<>(saved.get(target));
        assertThat(tree.versionExists(target + 1)).isFalse();
        assertThat(TreeInvariants.stored(db, prefix))
            .isEqualTo(TreeInvariants.reachable(tree, tree.availableVersions()));
      } else if (tree.version() > 0) {
        // Any retained version still reads exactly as it was saved.
        List<Long> versions = tree.availableVersions();
        long v = versions.get(random.nextInt(versions.size()));
        ImmutableTree old = tree.getImmutable(v);
        assertThat(old.hash()).isEqualTo(hashes.get(v));
        assertThat(scan(old, null, null, random.nextBoolean())).hasSize(saved.get(v).size());
        assertThat(scan(old, null, null, true)).isEqualTo(expected(saved.get(v), null, null, true));
      }
    }
    assertThat(hashes).isNotEmpty();
  }

  static Bytes key(Random random) {
    byte[] k = new byte[1 + random.nextInt(2)];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) random.nextInt(24);
    }
    if (random.nextInt(10) == 0) {
      k[0] = (byte) 0xFF;
    }
    return Bytes.of(k);
  }

  static Bytes value(Random random) {
    byte[] v = new byte[random.nextInt(5)];
    random.nextBytes(v);
    return Bytes.of(v);
  }

  static Bytes bound(Random random) {
    return random.nextInt(4) == 0 ? null : key(random);
  }

  static List<List<Bytes>> scan(ImmutableTree tree, Bytes start, Bytes end, boolean asc) {
    List<List<Bytes>> out = new ArrayList<>();
    try (KvIterator it = asc ? tree.iterator(start, end) : tree.reverseIterator(start, end)) {
      while (it.valid()) {
        out.add(List.of(it.key(), it.value()));
        it.next();
      }
    }
    return out;
  }

  static List<List<Bytes>> expected(
      NavigableMap<Bytes, Bytes> model, Bytes start, Bytes end, boolean asc) {
    List<List<Bytes>> out = new ArrayList<>();
    NavigableMap<Bytes, Bytes> view = model;
    if (start != null && end != null && start.compareTo(end) >= 0) {
      return out;
    }
    if (start != null) {
      view = view.tailMap(start, true);
    }
    if (end != null) {
      view = view.headMap(end, false);
    }
    (asc ? view : view.descendingMap()).forEach((k, v) -> out.add(List.of(k, v)));
    return out;
  }
}
