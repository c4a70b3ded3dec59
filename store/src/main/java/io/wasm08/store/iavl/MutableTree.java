package io.wasm08.store.iavl;

import io.wasm08.common.Bytes;
import io.wasm08.store.CommitId;
import io.wasm08.store.KvStores;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.DbBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A versioned IAVL+ tree (cosmos/iavl v1 {@code MutableTree}): a working tree of changes on top of
 * the last saved version. {@link #saveVersion()} saves the working tree as version {@code last + 1}
 * (or the initial version) and returns its root hash; every retained version can be read through
 * {@link #getImmutable(long)}.
 *
 * <p>Node hashing and the tree's shape follow iavl v1 exactly (the same operation sequence gives
 * the same root hash): insertion, removal, AVL rebalancing by rotations, and a node's version being
 * the version it was (re)created in. Storage layout is our own ({@link NodeDb}).
 *
 * <p>One writer thread; {@link ImmutableTree}s may be read concurrently.
 */
public final class MutableTree {
  /** Default number of decoded nodes kept in memory. */
  public static final int DEFAULT_CACHE_SIZE = 200_000;

  private final NodeDb ndb;
  private Node root;
  private long version;
  private Node lastSavedRoot;
  private long initialVersion;

  private MutableTree(NodeDb ndb) {
    this.ndb = ndb;
  }

  /**
   * Opens the tree stored in {@code db} under {@code prefix} at its latest saved version (an empty
   * tree at version 0 when nothing is saved yet).
   */
  public static MutableTree open(Database db, Bytes prefix) {
    return open(db, prefix, DEFAULT_CACHE_SIZE);
  }

  public static MutableTree open(Database db, Bytes prefix, int cacheSize) {
    MutableTree tree = new MutableTree(new NodeDb(db, prefix, cacheSize));
    long latest = tree.ndb.latestVersion();
    if (latest > 0) {
      tree.loadVersion(latest);
    }
    return tree;
  }

  /** The last saved (or loaded) version; 0 before the first save. */
  public long version() {
    return version;
  }

  /** The version the next {@link #saveVersion()} creates. */
  public long workingVersion() {
    return version == 0 && initialVersion > 0 ? initialVersion : version + 1;
  }

  /**
   * {@code SetInitialVersion}: the version of the first save of a tree with no versions (the SDK
   * uses it for a chain's initial height and for stores added in an upgrade).
   */
  public void setInitialVersion(long initialVersion) {
    if (initialVersion < 1) {
      throw new IllegalArgumentException("initial version must be positive");
    }
    this.initialVersion = initialVersion;
  }

  public Bytes get(Bytes key) {
    return workingTree().get(key);
  }

  public boolean has(Bytes key) {
    return get(key) != null;
  }

  /**
   * Sets {@code key} in the working tree; returns true when it replaced an existing value (iavl's
   * {@code updated}). The value must not be {@code null}; empty is allowed.
   */
  public boolean set(Bytes key, Bytes value) {
    KvStores.assertValidKey(key);
    KvStores.assertValidValue(value);
    if (root == null) {
      root = Node.leaf(key, value);
      return false;
    }
    SetResult result = recursiveSet(root, key, value);
    root = result.node();
    return result.updated();
  }

  /** Removes {@code key}; returns the removed value, or {@code null} when it was absent. */
  public Bytes remove(Bytes key) {
    KvStores.assertValidKey(key);
    if (root == null) {
      return null;
    }
    RemoveResult result = recursiveRemove(root, key);
    if (!result.removed()) {
      return null;
    }
    root = result.node();
    return result.value();
  }

  /** The hash of the working tree, as it would be saved now ({@code WorkingHash}). */
  public Bytes workingHash() {
    return workingTree().hash();
  }

  /** The hash of the last saved version; {@code sha256("")} when empty or nothing saved. */
  public Bytes hash() {
    return lastSaved().hash();
  }

  /** A consistent read-only snapshot of the working tree. */
  public ImmutableTree workingTree() {
    return new ImmutableTree(ndb, root, version, workingVersion());
  }

  /** The last saved version, read-only. */
  public ImmutableTree lastSaved() {
    return new ImmutableTree(ndb, lastSavedRoot, version, version + 1);
  }

  /** A retained version, read-only; {@code NOT_FOUND} if it was never saved or was pruned. */
  public ImmutableTree getImmutable(long version) {
    return new ImmutableTree(ndb, ndb.root(version), version, version + 1);
  }

  public boolean versionExists(long version) {
    return ndb.versionExists(version);
  }

  /** The earliest retained version (0 when none). */
  public long firstVersion() {
    return ndb.firstVersion();
  }

  /** The retained versions, ascending (they are contiguous). */
  public List<Long> availableVersions() {
    long first = ndb.firstVersion();
    List<Long> versions = new ArrayList<>();
    for (long v = first; v > 0 && v <= version; v++) {
      versions.add(v);
    }
    return versions;
  }

  /** Discards the working changes ({@code Rollback}): back to the last saved version. */
  public void rollback() {
    root = lastSavedRoot;
  }

  /** Saves the working tree as a new version in its own atomic batch ({@code SaveVersion}). */
  public CommitId saveVersion() {
    try (DbBatch batch = ndb.database().newBatch()) {
      StagedVersion staged = stageVersion(batch);
      batch.write();
      return staged.apply();
    }
  }

  /**
   * Writes the working tree's new nodes and root for {@link #workingVersion()} into {@code batch}
   * without changing this tree. Once the batch is written, {@link StagedVersion#apply()} makes the
   * version current; if it is never written, the tree stays as it was. This is how a multistore
   * commits many trees in one atomic batch.
   */
  public StagedVersion stageVersion(DbBatch batch) {
    long newVersion = workingVersion();
    if (ndb.versionExists(newVersion)) {
      // iavl: saving an existing version is a no-op when the hash matches, an error otherwise.
      Node existing = ndb.root(newVersion);
      Bytes existingHash = existing == null ? Encoding.EMPTY_HASH : existing.hash(ndb, newVersion);
      Bytes newHash = workingHash();
      if (!existingHash.equals(newHash)) {
        throw StoreErrorCode.LOGIC.wrap(
            "version " + newVersion + " was already saved to a different hash " + existingHash);
      }
      return new StagedVersion(this, newVersion, existing, List.of(), newHash);
    }
    if (root == null) {
      ndb.saveRoot(batch, newVersion, null);
      return new StagedVersion(this, newVersion, null, List.of(), Encoding.EMPTY_HASH);
    }
    if (root.isSaved()) {
      ndb.saveRoot(batch, newVersion, root.nodeKey);
      return new StagedVersion(this, newVersion, root, List.of(), root.hash(ndb, newVersion));
    }
    List<Node> saved = new ArrayList<>();
    Node savedRoot = persist(root, newVersion, new int[] {0}, saved);
    for (Node node : saved) {
      ndb.saveNode(batch, node);
    }
    ndb.saveRoot(batch, newVersion, savedRoot.nodeKey);
    return new StagedVersion(this, newVersion, savedRoot, saved, savedRoot.hash(ndb, newVersion));
  }

  /** A version written into a batch, waiting for the batch to land. */
  public static final class StagedVersion {
    private final MutableTree tree;
    private final long version;
    private final Node root;
    private final List<Node> nodes;
    private final Bytes hash;
    private boolean applied;

    private StagedVersion(MutableTree tree, long version, Node root, List<Node> nodes, Bytes hash) {
      this.tree = tree;
      this.version = version;
      this.root = root;
      this.nodes = nodes;
      this.hash = hash;
    }

    public long version() {
      return version;
    }

    public Bytes hash() {
      return hash;
    }

    /** Makes the staged version the tree's last saved version; call after the batch is written. */
    public CommitId apply() {
      if (applied) {
        throw new IllegalStateException("staged version already applied");
      }
      applied = true;
      for (Node node : nodes) {
        tree.ndb.cache(node);
      }
      tree.version = version;
      tree.root = root;
      tree.lastSavedRoot = root;
      tree.initialVersion = 0;
      return new CommitId(version, hash);
    }
  }

  /**
   * {@code LoadVersion}: the working tree becomes the saved {@code targetVersion}, discarding
   * working changes; later versions stay (saving again over them must reproduce their hashes).
   */
  public void loadVersion(long targetVersion) {
    Node loaded = ndb.root(targetVersion);
    version = targetVersion;
    root = loaded;
    lastSavedRoot = loaded;
  }

  /**
   * {@code LoadVersionForOverwriting}: loads {@code targetVersion} and deletes every later version
   * atomically, so the next save recreates {@code targetVersion + 1}.
   */
  public void loadVersionForOverwriting(long targetVersion) {
    Node loaded = ndb.root(targetVersion);
    try (DbBatch batch = ndb.database().newBatch()) {
      stageDeleteVersionsFrom(batch, targetVersion + 1);
      batch.write();
    }
    ndb.evict(targetVersion + 1);
    version = targetVersion;
    root = loaded;
    lastSavedRoot = loaded;
  }

  /**
   * Resets to an empty tree with no saved version, whose first save will be {@code initialVersion};
   * only valid once every version was deleted (a multistore rolling back past the version that
   * added this store).
   */
  public void resetEmpty(long initialVersion) {
    if (ndb.latestVersion() != 0) {
      throw StoreErrorCode.LOGIC.wrap("tree still has saved versions");
    }
    version = 0;
    root = null;
    lastSavedRoot = null;
    setInitialVersion(initialVersion);
  }

  /** Adds the deletion of versions {@code >= from} to {@code batch} (see {@link NodeDb}). */
  public void stageDeleteVersionsFrom(DbBatch batch, long from) {
    ndb.deleteVersionsFrom(batch, from);
  }

  /** Forgets cached nodes of versions {@code >= from} after they were deleted. */
  public void evictFrom(long from) {
    ndb.evict(from);
  }

  /**
   * {@code DeleteVersionsTo}: prunes every retained version {@code <= toVersion}, oldest first,
   * each in its own atomic batch; the latest version can never be pruned.
   */
  public void deleteVersionsTo(long toVersion) {
    for (long v = ndb.firstVersion(); v > 0 && v <= toVersion; v++) {
      try (DbBatch batch = ndb.database().newBatch()) {
        stageDeleteVersion(batch, v);
        batch.write();
      }
    }
  }

  /**
   * Adds the deletion of {@code version} — the oldest retained version, older than the latest — and
   * of the nodes only it uses to {@code batch}.
   */
  public void stageDeleteVersion(DbBatch batch, long version) {
    if (version >= this.version) {
      throw StoreErrorCode.INVALID_REQUEST.wrap(
          "cannot delete version " + version + ": latest saved version is " + this.version);
    }
    long first = ndb.firstVersion();
    if (version != first) {
      throw StoreErrorCode.INVALID_REQUEST.wrap(
          "can only delete the oldest retained version " + first + ", not " + version);
    }
    ndb.deleteVersion(batch, version, version + 1);
  }

  // Saves unsaved nodes bottom-up; nonces are assigned in pre-order as iavl's saveNewNodes does.
  private Node persist(Node node, long newVersion, int[] nonce, List<Node> out) {
    if (node.isSaved()) {
      return node;
    }
    NodeKey key = new NodeKey(newVersion, ++nonce[0]);
    Bytes hash = node.hash(ndb, newVersion);
    Node left = null;
    Node right = null;
    if (!node.isLeaf()) {
      left = persist(node.left(ndb), newVersion, nonce, out);
      right = persist(node.right(ndb), newVersion, nonce, out);
    }
    Node saved = node.saved(key, left, right, hash);
    out.add(saved);
    return saved;
  }

  private record SetResult(Node node, boolean updated) {}

  private SetResult recursiveSet(Node node, Bytes key, Bytes value) {
    if (node.isLeaf()) {
      int cmp = key.compareTo(node.key);
      if (cmp < 0) {
        return new SetResult(Node.inner(node.key, Node.leaf(key, value), node), false);
      }
      if (cmp > 0) {
        return new SetResult(Node.inner(key, node, Node.leaf(key, value)), false);
      }
      return new SetResult(Node.leaf(key, value), true);
    }
    Node left = node.left(ndb);
    Node right = node.right(ndb);
    SetResult child;
    if (key.compareTo(node.key) < 0) {
      child = recursiveSet(left, key, value);
      left = child.node();
    } else {
      child = recursiveSet(right, key, value);
      right = child.node();
    }
    Node updated = Node.inner(node.key, left, right);
    return new SetResult(child.updated() ? updated : balance(updated), child.updated());
  }

  private record RemoveResult(Node node, Bytes newKey, Bytes value, boolean removed) {}

  private RemoveResult recursiveRemove(Node node, Bytes key) {
    if (node.isLeaf()) {
      return node.key.equals(key)
          ? new RemoveResult(null, null, node.value, true)
          : new RemoveResult(node, null, null, false);
    }
    Node left = node.left(ndb);
    Node right = node.right(ndb);
    if (key.compareTo(node.key) < 0) {
      RemoveResult r = recursiveRemove(left, key);
      if (!r.removed()) {
        return r;
      }
      if (r.node() == null) {
        // The left leaf went away: the right child replaces this node, whose key becomes the
        // leftmost key of the subtree for the ancestor where the path turned right.
        return new RemoveResult(right, node.key, r.value(), true);
      }
      return new RemoveResult(
          balance(Node.inner(node.key, r.node(), right)), r.newKey(), r.value(), true);
    }
    RemoveResult r = recursiveRemove(right, key);
    if (!r.removed()) {
      return r;
    }
    if (r.node() == null) {
      return new RemoveResult(left, null, r.value(), true);
    }
    Bytes newKey = r.newKey() != null ? r.newKey() : node.key;
    return new RemoveResult(balance(Node.inner(newKey, left, r.node())), null, r.value(), true);
  }

  private static int balanceOf(Node node, NodeDb ndb) {
    return node.left(ndb).height - node.right(ndb).height;
  }

  // iavl balance(): single or double rotation when the heights differ by more than one.
  private Node balance(Node node) {
    int balance = balanceOf(node, ndb);
    if (balance > 1) {
      Node left = node.left(ndb);
      if (balanceOf(left, ndb) >= 0) {
        return rotateRight(node);
      }
      return rotateRight(Node.inner(node.key, rotateLeft(left), node.right(ndb)));
    }
    if (balance < -1) {
      Node right = node.right(ndb);
      if (balanceOf(right, ndb) <= 0) {
        return rotateLeft(node);
      }
      return rotateLeft(Node.inner(node.key, node.left(ndb), rotateRight(right)));
    }
    return node;
  }

  private Node rotateRight(Node node) {
    Node pivot = node.left(ndb);
    Node demoted = Node.inner(node.key, pivot.right(ndb), node.right(ndb));
    return Node.inner(pivot.key, pivot.left(ndb), demoted);
  }

  private Node rotateLeft(Node node) {
    Node pivot = node.right(ndb);
    Node demoted = Node.inner(node.key, node.left(ndb), pivot.left(ndb));
    return Node.inner(pivot.key, demoted, pivot.right(ndb));
  }

  @Override
  public String toString() {
    return "MutableTree{version=" + version + ", size=" + workingTree().size() + "}";
  }
}
