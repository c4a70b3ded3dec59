package io.wasm08.store.internal;

import io.wasm08.common.Bytes;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;

/**
 * An immutable sorted map from {@link Bytes} (unsigned order) to values: an AVL tree with path
 * copying, so every update returns a new map in O(log n) and every map is a free snapshot. Stores
 * use it to give iterators a consistent view while writes continue.
 */
public final class PersistentSortedMap<V> {
  private static final PersistentSortedMap<?> EMPTY = new PersistentSortedMap<>(null);

  private final Node<V> root;

  private PersistentSortedMap(Node<V> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  public static <V> PersistentSortedMap<V> empty() {
    return (PersistentSortedMap<V>) EMPTY;
  }

  public boolean isEmpty() {
    return root == null;
  }

  public int size() {
    return root == null ? 0 : root.size;
  }

  /** The value under {@code key}, or {@code null}. */
  public V get(Bytes key) {
    Node<V> node = root;
    while (node != null) {
      int cmp = key.compareTo(node.key);
      if (cmp == 0) {
        return node.value;
      }
      node = cmp < 0 ? node.left : node.right;
    }
    return null;
  }

  /** A map with {@code key} bound to {@code value} (which must not be {@code null}). */
  public PersistentSortedMap<V> put(Bytes key, V value) {
    return new PersistentSortedMap<>(insert(root, key, value));
  }

  /** A map without {@code key}; this map itself when the key is absent. */
  public PersistentSortedMap<V> remove(Bytes key) {
    Node<V> newRoot = delete(root, key);
    return newRoot == root ? this : new PersistentSortedMap<>(newRoot);
  }

  /** Visits every entry in ascending key order. */
  public void forEach(BiConsumer<Bytes, V> visitor) {
    Cursor<V> cursor = cursor(null, null, true);
    while (cursor.valid()) {
      visitor.accept(cursor.key(), cursor.value());
      cursor.next();
    }
  }

  /** A cursor over the keys in {@code [start, end)} of this (immutable) map. */
  public Cursor<V> cursor(Bytes start, Bytes end, boolean ascending) {
    return new Cursor<>(root, start, end, ascending);
  }

  private static <V> Node<V> insert(Node<V> node, Bytes key, V value) {
    if (node == null) {
      return new Node<>(key, value, null, null);
    }
    int cmp = key.compareTo(node.key);
    if (cmp == 0) {
      return new Node<>(node.key, value, node.left, node.right);
    }
    return cmp < 0
        ? balance(node.key, node.value, insert(node.left, key, value), node.right)
        : balance(node.key, node.value, node.left, insert(node.right, key, value));
  }

  private static <V> Node<V> delete(Node<V> node, Bytes key) {
    if (node == null) {
      return null;
    }
    int cmp = key.compareTo(node.key);
    if (cmp < 0) {
      Node<V> left = delete(node.left, key);
      return left == node.left ? node : balance(node.key, node.value, left, node.right);
    }
    if (cmp > 0) {
      Node<V> right = delete(node.right, key);
      return right == node.right ? node : balance(node.key, node.value, node.left, right);
    }
    if (node.left == null) {
      return node.right;
    }
    if (node.right == null) {
      return node.left;
    }
    Node<V> successor = node.right;
    while (successor.left != null) {
      successor = successor.left;
    }
    return balance(successor.key, successor.value, node.left, delete(node.right, successor.key));
  }

  private static int height(Node<?> node) {
    return node == null ? 0 : node.height;
  }

  private static <V> Node<V> balance(Bytes key, V value, Node<V> left, Node<V> right) {
    int diff = height(left) - height(right);
    if (diff > 1) {
      if (height(left.left) >= height(left.right)) {
        return new Node<>(
            left.key, left.value, left.left, new Node<>(key, value, left.right, right));
      }
      Node<V> pivot = left.right;
      return new Node<>(
          pivot.key,
          pivot.value,
          new Node<>(left.key, left.value, left.left, pivot.left),
          new Node<>(key, value, pivot.right, right));
    }
    if (diff < -1) {
      if (height(right.right) >= height(right.left)) {
        return new Node<>(
            right.key, right.value, new Node<>(key, value, left, right.left), right.right);
      }
      Node<V> pivot = right.left;
      return new Node<>(
          pivot.key,
          pivot.value,
          new Node<>(key, value, left, pivot.left),
          new Node<>(right.key, right.value, pivot.right, right.right));
    }
    return new Node<>(key, value, left, right);
  }

  private static final class Node<V> {
    final Bytes key;
    final V value;
    final Node<V> left;
    final Node<V> right;
    final int height;
    final int size;

    Node(Bytes key, V value, Node<V> left, Node<V> right) {
      this.key = key;
      this.value = value;
      this.left = left;
      this.right = right;
      this.height = Math.max(height(left), height(right)) + 1;
      this.size = (left == null ? 0 : left.size) + (right == null ? 0 : right.size) + 1;
    }
  }

  /** An in-order walk over a bounded key range of an immutable tree. */
  public static final class Cursor<V> {
    private final ArrayDeque<Node<V>> stack = new ArrayDeque<>();
    private final Bytes start;
    private final Bytes end;
    private final boolean ascending;
    private Node<V> current;

    private Cursor(Node<V> root, Bytes start, Bytes end, boolean ascending) {
      this.start = start;
      this.end = end;
      this.ascending = ascending;
      if (start == null || end == null || start.compareTo(end) < 0) {
        if (ascending) {
          descendFrom(root, start);
        } else {
          descendBefore(root, end);
        }
        advance();
      }
    }

    // Pushes the path to the first key >= bound (ascending walk).
    private void descendFrom(Node<V> node, Bytes bound) {
      while (node != null) {
        if (bound == null || node.key.compareTo(bound) >= 0) {
          stack.push(node);
          node = node.left;
        } else {
          node = node.right;
        }
      }
    }

    // Pushes the path to the last key < bound (descending walk).
    private void descendBefore(Node<V> node, Bytes bound) {
      while (node != null) {
        if (bound == null || node.key.compareTo(bound) < 0) {
          stack.push(node);
          node = node.right;
        } else {
          node = node.left;
        }
      }
    }

    private void advance() {
      Node<V> next = stack.poll();
      if (next == null) {
        current = null;
        return;
      }
      if (ascending) {
        descendFrom(next.right, null);
        current = end == null || next.key.compareTo(end) < 0 ? next : null;
      } else {
        descendBefore(next.left, null);
        current = start == null || next.key.compareTo(start) >= 0 ? next : null;
      }
      if (current == null) {
        stack.clear();
      }
    }

    public boolean valid() {
      return current != null;
    }

    public Bytes key() {
      requireValid();
      return current.key;
    }

    public V value() {
      requireValid();
      return current.value;
    }

    public void next() {
      requireValid();
      advance();
    }

    private void requireValid() {
      if (current == null) {
        throw new IllegalStateException("iterator is not valid");
      }
    }
  }
}
