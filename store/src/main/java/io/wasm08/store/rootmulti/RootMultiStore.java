package io.wasm08.store.rootmulti;

import cosmos.ics23.v1.Proofs.CommitmentProof;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.store.CommitId;
import io.wasm08.store.KvStores;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.DbBatch;
import io.wasm08.store.db.MemDatabase;
import io.wasm08.store.iavl.IavlStore;
import io.wasm08.store.iavl.ImmutableTree;
import io.wasm08.store.iavl.MutableTree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Named IAVL stores committed together into one app hash (the SDK's {@code rootmulti.Store}).
 *
 * <p>{@link #commit()} saves every store at the next version and writes the new nodes of all
 * stores, the version's {@link CommitInfo} and the latest-version marker in <em>one</em> atomic
 * database batch: after a crash the database holds either the whole version or none of it, and
 * {@link #open} resumes at the last version that was fully committed. Layout inside the database:
 * {@code s/latest} → the latest version, {@code s/ci/‖be64(version)} → the commit info, and each
 * store's tree under {@code s/k:<name>/} (as the SDK prefixes it).
 *
 * <p>One writer thread; historical reads ({@link #commitInfo}, {@link #tree}) may run concurrently.
 */
public final class RootMultiStore implements AutoCloseable {
  private static final byte[] LATEST_KEY = Bytes.ofUtf8("s/latest").toByteArray();
  private static final byte[] COMMIT_INFO_PREFIX = Bytes.ofUtf8("s/ci/").toByteArray();

  private final Database db;
  private final Map<String, IavlStore> stores;
  private final PruningOptions pruning;
  private volatile CommitInfo lastCommitInfo;
  private long initialVersion;

  private RootMultiStore(Database db, Map<String, IavlStore> stores, PruningOptions pruning) {
    this.db = db;
    this.stores = stores;
    this.pruning = pruning;
  }

  /** Options: node-cache size per store and pruning. */
  public record Options(int nodeCacheSize, PruningOptions pruning) {
    public static final Options DEFAULT =
        new Options(MutableTree.DEFAULT_CACHE_SIZE, PruningOptions.NOTHING);
  }

  /** An in-memory multistore (tests, tooling). */
  public static RootMultiStore inMemory(Collection<String> storeNames) {
    return open(new MemDatabase(), storeNames, Options.DEFAULT);
  }

  public static RootMultiStore open(Database db, Collection<String> storeNames) {
    return open(db, storeNames, Options.DEFAULT);
  }

  /**
   * Mounts {@code storeNames} (the SDK's {@code MountStoreWithDB} + {@code LoadLatestVersion}) and
   * loads the latest committed version. A store that the latest commit does not know yet is new: it
   * starts empty and first commits at the next version. A store in the commit that is not mounted
   * is an error (the SDK requires an explicit store upgrade).
   */
  public static RootMultiStore open(Database db, Collection<String> storeNames, Options options) {
    Objects.requireNonNull(db, "db");
    Map<String, IavlStore> stores = new TreeMap<>();
    for (String name : storeNames) {
      if (name == null || name.isEmpty() || name.contains("/")) {
        // "/" would let one store's key prefix contain another's.
        throw new IllegalArgumentException("invalid store name: " + name);
      }
      MutableTree tree = MutableTree.open(db, storePrefix(name), options.nodeCacheSize());
      if (stores.put(name, new IavlStore(tree)) != null) {
        throw new IllegalArgumentException("store mounted twice: " + name);
      }
    }
    RootMultiStore rms = new RootMultiStore(db, stores, options.pruning());
    rms.loadLatest();
    return rms;
  }

  private void loadLatest() {
    long latest = readLatestVersion();
    if (latest == 0) {
      lastCommitInfo = new CommitInfo(0, List.of());
      for (IavlStore store : stores.values()) {
        if (store.tree().version() != 0) {
          throw StoreErrorCode.STORAGE_FAILURE.wrap(
              "store has versions but the multistore has none");
        }
      }
      return;
    }
    CommitInfo info = commitInfo(latest);
    for (StoreInfo si : info.storeInfos()) {
      if (!stores.containsKey(si.name())) {
        throw StoreErrorCode.INVALID_REQUEST.wrap(
            "store " + si.name() + " of committed version " + latest + " is not mounted");
      }
    }
    for (Map.Entry<String, IavlStore> e : stores.entrySet()) {
      MutableTree tree = e.getValue().tree();
      if (info.storeInfo(e.getKey()) == null) {
        if (tree.version() != 0) {
          throw StoreErrorCode.STORAGE_FAILURE.wrap(
              "store " + e.getKey() + " has versions but is not in commit " + latest);
        }
        tree.setInitialVersion(latest + 1);
      } else if (tree.version() != latest) {
        // Only a commit outside this multistore could do this; realign with the app hash.
        tree.loadVersionForOverwriting(latest);
      }
    }
    lastCommitInfo = info;
  }

  /** The working state of the named store; {@link IllegalArgumentException} if not mounted. */
  public IavlStore kvStore(String name) {
    IavlStore store = stores.get(name);
    if (store == null) {
      throw new IllegalArgumentException("store does not exist: " + name);
    }
    return store;
  }

  /** The mounted store names, sorted. */
  public List<String> storeNames() {
    return List.copyOf(stores.keySet());
  }

  /** A transactional branch over every store's working state. */
  public CacheMultiStore cacheMultiStore() {
    return new CacheMultiStore(stores);
  }

  /** {@code SetInitialVersion}: the version of the first commit (a chain's initial height). */
  public void setInitialVersion(long version) {
    if (lastCommitInfo.version() != 0) {
      throw StoreErrorCode.INVALID_REQUEST.wrap("initial version set after the first commit");
    }
    initialVersion = version;
    stores.values().forEach(s -> s.tree().setInitialVersion(version));
  }

  /** The last committed version and app hash ({@code LastCommitID}); version 0 before any. */
  public CommitId lastCommitId() {
    return lastCommitInfo.commitId();
  }

  public long latestVersion() {
    return lastCommitInfo.version();
  }

  /** The app hash the working state would commit to now ({@code WorkingHash}). */
  public Bytes workingHash() {
    long version = nextVersion();
    List<StoreInfo> infos = new ArrayList<>();
    stores.forEach(
        (name, store) ->
            infos.add(new StoreInfo(name, new CommitId(version, store.tree().workingHash()))));
    return new CommitInfo(version, infos).hash();
  }

  private long nextVersion() {
    long latest = lastCommitInfo.version();
    return latest == 0 && initialVersion > 0 ? initialVersion : latest + 1;
  }

  /** Commits every store at the next version in one atomic batch; returns version and app hash. */
  public CommitId commit() {
    long version = nextVersion();
    Map<String, MutableTree.StagedVersion> staged = new LinkedHashMap<>();
    CommitInfo info;
    try (DbBatch batch = db.newBatch()) {
      List<StoreInfo> infos = new ArrayList<>();
      for (Map.Entry<String, IavlStore> e : stores.entrySet()) {
        MutableTree.StagedVersion sv = e.getValue().tree().stageVersion(batch);
        if (sv.version() != version) {
          throw StoreErrorCode.LOGIC.wrap(
              "store " + e.getKey() + " would save version " + sv.version() + ", not " + version);
        }
        staged.put(e.getKey(), sv);
        infos.add(new StoreInfo(e.getKey(), new CommitId(version, sv.hash())));
      }
      info = new CommitInfo(version, infos);
      batch.put(commitInfoKey(version), info.encode());
      batch.put(LATEST_KEY, be64(version));
      batch.write();
    }
    staged.values().forEach(MutableTree.StagedVersion::apply);
    lastCommitInfo = info;
    initialVersion = 0;
    long pruneTo = pruning.pruningHeight(version);
    if (pruneTo > 0) {
      pruneVersionsTo(pruneTo);
    }
    return info.commitId();
  }

  /** The commit info of a retained version; {@code NOT_FOUND} otherwise. */
  public CommitInfo commitInfo(long version) {
    byte[] data = version > 0 ? db.get(commitInfoKey(version)) : null;
    if (data == null) {
      throw StoreErrorCode.NOT_FOUND.wrap("no commit info for version " + version);
    }
    return CommitInfo.decode(data);
  }

  /** The named store at a retained version, read-only. */
  public ImmutableTree tree(String storeName, long version) {
    return kvStore(storeName).tree().getImmutable(version);
  }

  /**
   * {@code abci_query} with {@code prove=true}: the value of {@code key} in the named store at a
   * retained {@code version} ({@code null} when absent) with the two-layer {@link MerkleProof}
   * ibc-go verifies under the key path {@code [storeName, key]} against that version's app hash —
   * an IAVL existence (or non-existence) proof, then the store's proof in the commit info.
   */
  public ProvenQuery queryWithProof(String storeName, Bytes key, long version) {
    KvStores.assertValidKey(key);
    CommitInfo info = commitInfo(version);
    ImmutableTree tree = tree(storeName, version);
    Bytes value = tree.get(key);
    CommitmentProof storeProof =
        value != null ? tree.getMembershipProof(key) : tree.getNonMembershipProof(key);
    MerkleProof proof =
        MerkleProof.newBuilder()
            .addProofs(storeProof)
            .addProofs(info.storeProof(storeName))
            .build();
    return new ProvenQuery(value, version, proof);
  }

  /** The earliest retained version (0 when nothing is committed). */
  public long firstVersion() {
    try (var it = db.iterator(COMMIT_INFO_PREFIX, commitInfoEnd())) {
      return it.valid() ? ByteBuffer.wrap(it.key(), COMMIT_INFO_PREFIX.length, 8).getLong() : 0;
    }
  }

  /**
   * Deletes every version {@code <= toVersion} of every store, oldest first, one atomic batch per
   * version (stores and commit info together). The latest version is never pruned.
   */
  public void pruneVersionsTo(long toVersion) {
    long latest = lastCommitInfo.version();
    if (toVersion >= latest) {
      throw StoreErrorCode.INVALID_REQUEST.wrap(
          "cannot prune up to " + toVersion + ": latest version is " + latest);
    }
    for (long v = firstVersion(); v > 0 && v <= toVersion; v++) {
      CommitInfo info = commitInfo(v);
      try (DbBatch batch = db.newBatch()) {
        for (StoreInfo si : info.storeInfos()) {
          MutableTree tree = kvStore(si.name()).tree();
          if (tree.versionExists(v)) {
            tree.stageDeleteVersion(batch, v);
          }
        }
        batch.delete(commitInfoKey(v));
        batch.write();
      }
    }
  }

  /**
   * {@code RollbackToVersion}: makes {@code version} the latest again, deleting every later version
   * of every store and its commit info in one atomic batch, and drops working changes.
   */
  public void rollbackTo(long version) {
    CommitInfo info = commitInfo(version);
    try (DbBatch batch = db.newBatch()) {
      for (IavlStore store : stores.values()) {
        store.tree().stageDeleteVersionsFrom(batch, version + 1);
      }
      batch.deleteRange(commitInfoKey(version + 1), commitInfoEnd());
      batch.put(LATEST_KEY, be64(version));
      batch.write();
    }
    for (Map.Entry<String, IavlStore> e : stores.entrySet()) {
      MutableTree tree = e.getValue().tree();
      tree.evictFrom(version + 1);
      if (info.storeInfo(e.getKey()) != null) {
        tree.loadVersion(version);
      } else {
        tree.resetEmpty(version + 1);
      }
    }
    lastCommitInfo = info;
  }

  /** Closes the database. */
  @Override
  public void close() {
    db.close();
  }

  private long readLatestVersion() {
    byte[] latest = db.get(LATEST_KEY);
    return latest == null ? 0 : ByteBuffer.wrap(latest).getLong();
  }

  static Bytes storePrefix(String name) {
    return Bytes.ofUtf8("s/k:" + name + "/");
  }

  private static byte[] commitInfoKey(long version) {
    return ByteBuffer.allocate(COMMIT_INFO_PREFIX.length + 8)
        .put(COMMIT_INFO_PREFIX)
        .putLong(version)
        .array();
  }

  private static byte[] commitInfoEnd() {
    byte[] end = COMMIT_INFO_PREFIX.clone();
    end[end.length - 1]++;
    return end;
  }

  private static byte[] be64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }
}
