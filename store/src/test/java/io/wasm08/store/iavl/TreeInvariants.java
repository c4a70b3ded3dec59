package io.wasm08.store.iavl;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.DbIterator;
import java.util.HashSet;
import java.util.Set;

/** Structural checks of an IAVL tree, recomputing every hash from the iavl rules. */
final class TreeInvariants {
  private TreeInvariants() {}

  /** AVL balance, heights, sizes, key order, inner key = min of right subtree, hashes. */
  static void check(ImmutableTree tree) {
    if (tree.root() != null) {
      walk(tree, tree.root(), null, null);
    }
  }

  private record Summary(Bytes min, Bytes max, Bytes hash) {}

  private static Summary walk(ImmutableTree tree, Node node, Bytes lower, Bytes upper) {
    NodeDb ndb = tree.nodeDb();
    long version = node.version(tree.hashVersion());
    assertThat(lower == null || node.key.compareTo(lower) >= 0).isTrue();
    assertThat(upper == null || node.key.compareTo(upper) < 0).isTrue();
    if (node.isLeaf()) {
      assertThat(node.size).isEqualTo(1);
      Bytes hash = Encoding.leafHash(node.key, node.value, version);
      assertThat(node.hash(ndb, tree.hashVersion())).isEqualTo(hash);
      return new Summary(node.key, node.key, hash);
    }
    Node left = node.left(ndb);
    Node right = node.right(ndb);
    assertThat(node.height).isEqualTo(Math.max(left.height, right.height) + 1);
    assertThat(Math.abs(left.height - right.height)).as("AVL balance").isLessThanOrEqualTo(1);
    assertThat(node.size).isEqualTo(left.size + right.size);
    if (node.isSaved()) {
      assertThat(left.version(0)).isLessThanOrEqualTo(version);
      assertThat(right.version(0)).isLessThanOrEqualTo(version);
    }
    Summary l = walk(tree, left, lower, node.key);
    Summary r = walk(tree, right, node.key, upper);
    assertThat(r.min())
        .as("inner key is the smallest key of the right subtree")
        .isEqualTo(node.key);
    Bytes hash = Encoding.innerHash(node.height, node.size, version, l.hash(), r.hash());
    assertThat(node.hash(ndb, tree.hashVersion())).isEqualTo(hash);
    return new Summary(l.min(), r.max(), hash);
  }

  /** Every node key reachable from the given versions. */
  static Set<NodeKey> reachable(MutableTree tree, Iterable<Long> versions) {
    Set<NodeKey> keys = new HashSet<>();
    for (long v : versions) {
      ImmutableTree t = tree.getImmutable(v);
      if (t.root() != null) {
        collect(t.nodeDb(), t.root(), keys);
      }
    }
    return keys;
  }

  private static void collect(NodeDb ndb, Node node, Set<NodeKey> keys) {
    if (!keys.add(node.nodeKey) || node.isLeaf()) {
      return;
    }
    collect(ndb, node.left(ndb), keys);
    collect(ndb, node.right(ndb), keys);
  }

  /** Every node key stored in {@code db} for the tree under {@code prefix}. */
  static Set<NodeKey> stored(Database db, Bytes prefix) {
    byte[] start = prefix.concat(Bytes.ofUtf8("n")).toByteArray();
    byte[] end = prefix.concat(Bytes.ofUtf8("o")).toByteArray();
    Set<NodeKey> keys = new HashSet<>();
    try (DbIterator it = db.iterator(start, end)) {
      while (it.valid()) {
        keys.add(NodeKey.fromBytes(it.key(), start.length));
        it.next();
      }
    }
    return keys;
  }
}
