package io.wasm08.store.iavl;

import cosmos.ics23.v1.Proofs.CommitmentProof;
import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStores;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of an IAVL tree, read-only (cosmos/iavl {@code ImmutableTree}): a saved version, or a
 * snapshot of the working tree taken by {@link MutableTree#workingTree()}. Safe to read from any
 * thread as long as the version is not pruned meanwhile.
 */
public final class ImmutableTree {
  private final NodeDb ndb;
  private final Node root;
  private final long version;
  private final long hashVersion;

  ImmutableTree(NodeDb ndb, Node root, long version, long hashVersion) {
    this.ndb = ndb;
    this.root = root;
    this.version = version;
    this.hashVersion = hashVersion;
  }

  /** The version this tree is (for a working snapshot: the last saved version). */
  public long version() {
    return version;
  }

  /** The root hash; {@code sha256("")} for an empty tree. */
  public Bytes hash() {
    return root == null ? Encoding.EMPTY_HASH : root.hash(ndb, hashVersion);
  }

  /** The number of keys. */
  public long size() {
    return root == null ? 0 : root.size;
  }

  public boolean isEmpty() {
    return root == null;
  }

  public Bytes get(Bytes key) {
    Node node = root;
    while (node != null) {
      if (node.isLeaf()) {
        return node.key.equals(key) ? node.value : null;
      }
      node = key.compareTo(node.key) < 0 ? node.left(ndb) : node.right(ndb);
    }
    return null;
  }

  public boolean has(Bytes key) {
    return get(key) != null;
  }

  /** Ascending over {@code [start, end)}; a consistent view of this version. */
  public KvIterator iterator(Bytes start, Bytes end) {
    return new TreeIterator(start, end, true);
  }

  /** Descending over {@code [start, end)}; a consistent view of this version. */
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return new TreeIterator(start, end, false);
  }

  /**
   * {@code GetMembershipProof}: an ICS-23 existence proof of {@code key} under {@link #hash()}
   * (verifies with {@code IavlSpec}); INVALID_REQUEST when the key is absent or the tree empty.
   */
  public CommitmentProof getMembershipProof(Bytes key) {
    return IavlProofs.membership(this, key);
  }

  /**
   * {@code GetNonMembershipProof}: the existence proofs of the neighbours enclosing the absent
   * {@code key}; INVALID_REQUEST when the key is present or the tree empty.
   */
  public CommitmentProof getNonMembershipProof(Bytes key) {
    return IavlProofs.nonMembership(this, key);
  }

  /** {@code GetProof}: a membership proof if {@code key} is present, else a non-membership one. */
  public CommitmentProof getProof(Bytes key) {
    return has(key) ? getMembershipProof(key) : getNonMembershipProof(key);
  }

  NodeDb nodeDb() {
    return ndb;
  }

  Node root() {
    return root;
  }

  long hashVersion() {
    return hashVersion;
  }

  /**
   * The inner nodes from the root down to the leaf holding {@code key} and that leaf, or {@code
   * null} when the key is absent (iavl {@code PathToLeaf}).
   */
  List<Node> pathToLeaf(Bytes key) {
    List<Node> path = new ArrayList<>();
    Node node = root;
    while (node != null) {
      path.add(node);
      if (node.isLeaf()) {
        return node.key.equals(key) ? path : null;
      }
      node = key.compareTo(node.key) < 0 ? node.left(ndb) : node.right(ndb);
    }
    return null;
  }

  /** Walks the leaves in key order; inner nodes are only descended where the range reaches. */
  private final class TreeIterator implements KvIterator {
    private final ArrayDeque<Node> stack = new ArrayDeque<>();
    private final Bytes start;
    private final Bytes end;
    private final boolean ascending;
    private Node current;
    private boolean closed;

    TreeIterator(Bytes start, Bytes end, boolean ascending) {
      this.start = start;
      this.end = end;
      this.ascending = ascending;
      if (root != null && (start == null || end == null || start.compareTo(end) < 0)) {
        descend(root);
        advance();
      }
    }

    // Pushes the subtrees still to visit; inner keys are the smallest key of the right subtree.
    private void descend(Node node) {
      while (!node.isLeaf()) {
        if (ascending) {
          if (start != null && start.compareTo(node.key) >= 0) {
            node = node.right(ndb);
          } else {
            stack.push(node.right(ndb));
            node = node.left(ndb);
          }
        } else {
          if (end != null && end.compareTo(node.key) <= 0) {
            node = node.left(ndb);
          } else {
            stack.push(node.left(ndb));
            node = node.right(ndb);
          }
        }
      }
      stack.push(node);
    }

    private void advance() {
      current = null;
      while (!stack.isEmpty()) {
        Node node = stack.pop();
        if (!node.isLeaf()) {
          descend(node);
          continue;
        }
        if (KvStores.inRange(node.key, start, end)) {
          current = node;
          return;
        }
        boolean pastFarEnd =
            ascending
                ? end != null && node.key.compareTo(end) >= 0
                : start != null && node.key.compareTo(start) < 0;
        if (pastFarEnd) {
          stack.clear();
          return;
        }
      }
    }

    @Override
    public boolean valid() {
      return !closed && current != null;
    }

    @Override
    public Bytes key() {
      requireValid();
      return current.key;
    }

    @Override
    public Bytes value() {
      requireValid();
      return current.value;
    }

    @Override
    public void next() {
      requireValid();
      advance();
    }

    @Override
    public void close() {
      closed = true;
      stack.clear();
      current = null;
    }

    private void requireValid() {
      if (!valid()) {
        throw new IllegalStateException("iterator is not valid");
      }
    }
  }
}
