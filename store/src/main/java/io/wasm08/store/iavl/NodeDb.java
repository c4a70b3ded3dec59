package io.wasm08.store.iavl;

import io.wasm08.common.Bytes;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.DbBatch;
import io.wasm08.store.db.DbIterator;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Saved nodes and per-version roots of one tree inside a {@link Database}, under a key prefix:
 *
 * <ul>
 *   <li>{@code prefix ‖ 'n' ‖ NodeKey} → encoded node;
 *   <li>{@code prefix ‖ 'r' ‖ be64(version)} → the root's {@code NodeKey}, or empty for an empty
 *       tree. A version exists exactly when its root entry does.
 * </ul>
 *
 * Node reads go through a bounded LRU cache. Thread-safe.
 */
final class NodeDb {
  private final Database db;
  private final byte[] nodePrefix;
  private final byte[] rootPrefix;
  private final Map<NodeKey, Node> cache;

  NodeDb(Database db, Bytes prefix, int cacheSize) {
    this.db = db;
    this.nodePrefix = prefix.concat(Bytes.of((byte) 'n')).toByteArray();
    this.rootPrefix = prefix.concat(Bytes.of((byte) 'r')).toByteArray();
    this.cache =
        new LinkedHashMap<>(Math.min(cacheSize, 1 << 16), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<NodeKey, Node> eldest) {
            return size() > cacheSize;
          }
        };
  }

  Database database() {
    return db;
  }

  Node getNode(NodeKey key) {
    synchronized (cache) {
      Node cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    byte[] data = db.get(nodeKey(key));
    if (data == null) {
      throw StoreErrorCode.NOT_FOUND.wrap("IAVL node " + key + " (version pruned or corrupt?)");
    }
    Node node = Node.decode(key, data);
    cache(node);
    return node;
  }

  void cache(Node node) {
    synchronized (cache) {
      cache.put(node.nodeKey, node);
    }
  }

  void saveNode(DbBatch batch, Node node) {
    batch.put(nodeKey(node.nodeKey), node.encode());
  }

  void saveRoot(DbBatch batch, long version, NodeKey root) {
    batch.put(rootKey(version), root == null ? new byte[0] : root.toBytes());
  }

  boolean versionExists(long version) {
    return version > 0 && db.get(rootKey(version)) != null;
  }

  /** The root of a saved version ({@code null} for an empty tree); NOT_FOUND if not retained. */
  Node root(long version) {
    byte[] ref = version > 0 ? db.get(rootKey(version)) : null;
    if (ref == null) {
      throw StoreErrorCode.NOT_FOUND.wrap("version " + version + " does not exist");
    }
    return ref.length == 0 ? null : getNode(NodeKey.fromBytes(ref, 0));
  }

  /** The latest saved version, 0 when none. */
  long latestVersion() {
    try (DbIterator it = db.reverseIterator(rootPrefix, rootEnd())) {
      return it.valid() ? versionOf(it.key()) : 0;
    }
  }

  /** The earliest retained version, 0 when none. */
  long firstVersion() {
    try (DbIterator it = db.iterator(rootPrefix, rootEnd())) {
      return it.valid() ? versionOf(it.key()) : 0;
    }
  }

  /** Deletes every version {@code >= from} and the nodes they created (iavl DeleteVersionsFrom). */
  void deleteVersionsFrom(DbBatch batch, long from) {
    batch.deleteRange(rootKey(from), rootEnd());
    batch.deleteRange(nodeKey(new NodeKey(from, 0)), nodeEnd());
  }

  /**
   * Deletes {@code version}, the oldest retained one, with the nodes no later version shares (its
   * orphans, iavl's {@code traverseOrphans}). A node of {@code next} created at or before {@code
   * version} is shared with it (nodes are never revived once replaced), so the walk of {@code next}
   * stops at such nodes; the walk of {@code version} then deletes what it reaches before a shared
   * node.
   */
  void deleteVersion(DbBatch batch, long version, long next) {
    Set<NodeKey> shared = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    Node nextRoot = root(next);
    if (nextRoot != null) {
      todo.push(nextRoot);
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n.nodeKey.version() <= version) {
        shared.add(n.nodeKey);
      } else if (!n.isLeaf()) {
        todo.push(n.left(this));
        todo.push(n.right(this));
      }
    }
    Node oldRoot = root(version);
    if (oldRoot != null) {
      todo.push(oldRoot);
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (shared.contains(n.nodeKey)) {
        continue;
      }
      batch.delete(nodeKey(n.nodeKey));
      if (!n.isLeaf()) {
        todo.push(n.left(this));
        todo.push(n.right(this));
      }
    }
    batch.delete(rootKey(version));
  }

  void evict(long fromVersion) {
    synchronized (cache) {
      cache.keySet().removeIf(k -> k.version() >= fromVersion);
    }
  }

  private byte[] nodeKey(NodeKey key) {
    return ByteBuffer.allocate(nodePrefix.length + NodeKey.SIZE)
        .put(nodePrefix)
        .putLong(key.version())
        .putInt(key.nonce())
        .array();
  }

  private byte[] nodeEnd() {
    return successor(nodePrefix);
  }

  private byte[] rootKey(long version) {
    return ByteBuffer.allocate(rootPrefix.length + 8).put(rootPrefix).putLong(version).array();
  }

  private byte[] rootEnd() {
    return successor(rootPrefix);
  }

  private long versionOf(byte[] rootKey) {
    return ByteBuffer.wrap(rootKey, rootPrefix.length, 8).getLong();
  }

  // The prefix with its last byte ('n' or 'r') incremented: the end of that key family.
  private static byte[] successor(byte[] prefix) {
    byte[] end = prefix.clone();
    end[end.length - 1]++;
    return end;
  }
}
