package io.wasm08.relayer.testchain;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.BlockId;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.ConsensusVersion;
import io.wasm08.relayer.tendermint.Header;
import io.wasm08.relayer.tendermint.PartSetHeader;
import io.wasm08.relayer.tendermint.Sha256;
import io.wasm08.relayer.tendermint.TendermintProtos;
import io.wasm08.relayer.tendermint.Validator;
import io.wasm08.relayer.tendermint.ValidatorSet;
import io.wasm08.relayer.tendermint.VoteSignBytes;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic in-memory Tendermint chain for tests: validators with Ed25519 keys produce real
 * headers (CometBFT hashing) and commits (real precommit signatures over CometBFT sign bytes), with
 * validator-set changes, withheld signatures, a kvstore-like app ({@code key=value} txs) whose
 * state hash is the next header's app hash, and forks (the same validators signing a different
 * history — equivocation). Serve it over loopback with {@link TestChainRpcServer}.
 *
 * <p>Other modules' tests can reuse it (relay loop, node end-to-end). Thread-safe: a server may
 * read while the test produces blocks.
 */
public final class TestChain {
  public static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofSeconds(5);
  public static final Instant DEFAULT_GENESIS_TIME = Instant.parse("2025-01-01T00:00:00Z");

  private static final Bytes CONSENSUS_HASH =
      Sha256.hash(Bytes.ofUtf8("wasm08 test chain consensus params"));

  private final String chainId;
  private final Instant genesisTime;
  private final Duration blockInterval;
  private final String appSalt;
  private final NavigableMap<Long, Map<TestValidatorKey, Long>> validatorSchedule;
  private final List<TestBlock> blocks;
  private final List<NavigableMap<Bytes, Bytes>> states; // states.get(h) = after block h
  private final List<Bytes> mempool = new ArrayList<>();
  private final Set<String> withheld = new HashSet<>();

  private TestChain(
      String chainId,
      Instant genesisTime,
      Duration blockInterval,
      String appSalt,
      NavigableMap<Long, Map<TestValidatorKey, Long>> schedule,
      List<TestBlock> blocks,
      List<NavigableMap<Bytes, Bytes>> states) {
    this.chainId = chainId;
    this.genesisTime = genesisTime;
    this.blockInterval = blockInterval;
    this.appSalt = appSalt;
    this.validatorSchedule = schedule;
    this.blocks = blocks;
    this.states = states;
  }

  /** A chain with the given genesis validators (name → power), not yet at height 1. */
  public static TestChain create(
      String chainId, Instant genesisTime, Duration blockInterval, Map<String, Long> validators) {
    NavigableMap<Long, Map<TestValidatorKey, Long>> schedule = new TreeMap<>();
    schedule.put(1L, keys(validators));
    List<NavigableMap<Bytes, Bytes>> states = new ArrayList<>();
    states.add(new TreeMap<>()); // genesis state, "after block 0"
    return new TestChain(
        chainId, genesisTime, blockInterval, "", schedule, new ArrayList<>(), states);
  }

  /** {@code n} validators {@code val-0…} of power {@code power}, default times. */
  public static TestChain withValidators(String chainId, int n, long power) {
    Map<String, Long> vals = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      vals.put("val-" + i, power);
    }
    return create(chainId, DEFAULT_GENESIS_TIME, DEFAULT_BLOCK_INTERVAL, vals);
  }

  public String chainId() {
    return chainId;
  }

  public synchronized long height() {
    return blocks.size();
  }

  public synchronized TestBlock block(long height) {
    if (height < 1 || height > blocks.size()) {
      throw new IllegalArgumentException(
          "no block at height " + height + " (tip " + height() + ")");
    }
    return blocks.get((int) height - 1);
  }

  public synchronized TestBlock latest() {
    return block(height());
  }

  /** The validator set in force at {@code height} (known up to tip + 1), canonically ordered. */
  public synchronized ValidatorSet validatorSet(long height) {
    Map.Entry<Long, Map<TestValidatorKey, Long>> e = validatorSchedule.floorEntry(height);
    List<Validator> vals = new ArrayList<>();
    for (Map.Entry<TestValidatorKey, Long> v : e.getValue().entrySet()) {
      vals.add(Validator.of(v.getKey().publicKey(), v.getValue()));
    }
    vals.sort(ValidatorSet.CANONICAL_ORDER);
    return ValidatorSet.withoutProposer(vals);
  }

  /** The keys in force at {@code height}. */
  public synchronized Map<TestValidatorKey, Long> validatorKeys(long height) {
    return Collections.unmodifiableMap(validatorSchedule.floorEntry(height).getValue());
  }

  /**
   * Replaces the validator set from {@code fromHeight} on. The next validators of the tip are
   * already committed, so {@code fromHeight} must be at least tip + 2.
   */
  public synchronized void changeValidators(long fromHeight, Map<String, Long> validators) {
    if (fromHeight < height() + 2) {
      throw new IllegalArgumentException(
          "validators from " + fromHeight + " are already fixed (tip " + height() + ")");
    }
    validatorSchedule.tailMap(fromHeight, true).clear();
    validatorSchedule.put(fromHeight, keys(validators));
  }

  /** Validators named here stop signing (their commit entries become absent) until restored. */
  public synchronized void withholdSignatures(String... names) {
    withheld.addAll(List.of(names));
  }

  public synchronized void restoreSignatures() {
    withheld.clear();
  }

  /** A {@code key=value} tx for the next block. */
  public synchronized void deliverTx(Bytes tx) {
    mempool.add(tx);
  }

  /** The app state after block {@code height} (0 = genesis). */
  public synchronized NavigableMap<Bytes, Bytes> stateAfter(long height) {
    return Collections.unmodifiableNavigableMap(states.get((int) height));
  }

  public synchronized TestChain produceBlocks(int n) {
    for (int i = 0; i < n; i++) {
      produceBlock();
    }
    return this;
  }

  /** Produces, signs and appends the next block, executing the mempool's txs. */
  public synchronized TestBlock produceBlock() {
    long h = height() + 1;
    List<Bytes> txs = List.copyOf(mempool);
    mempool.clear();
    ValidatorSet validators = validatorSet(h);
    ValidatorSet next = validatorSet(h + 1);
    TestBlock previous = h > 1 ? block(h - 1) : null;
    Commit lastCommit =
        previous != null ? previous.commit() : new Commit(0, 0, BlockId.EMPTY, List.of());
    List<Bytes> txHashes = new ArrayList<>();
    for (Bytes tx : txs) {
      txHashes.add(Sha256.hash(tx));
    }
    Validator proposer = validators.validators().get((int) ((h - 1) % validators.size()));
    Instant time = genesisTime.plus(blockInterval.multipliedBy(h - 1)).plusNanos(h * 1_000_123L);
    Header header =
        new Header(
            new ConsensusVersion(ConsensusVersion.BLOCK_PROTOCOL, 1),
            chainId,
            h,
            time,
            previous != null ? previous.blockId() : BlockId.EMPTY,
            commitHash(lastCommit),
            SimpleMerkle.hashFromByteSlices(txHashes),
            validators.hash(),
            next.hash(),
            CONSENSUS_HASH,
            appHash(states.get((int) h - 1)),
            SimpleMerkle.hashFromByteSlices(List.of()),
            SimpleMerkle.hashFromByteSlices(List.of()),
            proposer.address());
    Bytes hash = header.hash();
    // one block part; its hash stands in for the part-set Merkle root, which light clients ignore
    BlockId blockId =
        new BlockId(hash, new PartSetHeader(1, Sha256.hash(Bytes.ofUtf8("part:").concat(hash))));
    Commit commit = sign(header, blockId, validators, 0);
    NavigableMap<Bytes, Bytes> state = new TreeMap<>(states.get((int) h - 1));
    for (Bytes tx : txs) {
      apply(state, tx);
    }
    states.add(state);
    TestBlock block =
        new TestBlock(
            header,
            blockId,
            commit,
            validators.withProposer(proposer.address()),
            next,
            txs,
            lastCommit);
    blocks.add(block);
    return block;
  }

  /**
   * A fork from the tip: the same history and validators, but from the next block on a different
   * app state (salted) — blocks the same validators sign, so both branches verify.
   */
  public synchronized TestChain forkFromTip(String salt) {
    TestChain fork =
        new TestChain(
            chainId,
            genesisTime,
            blockInterval,
            appSalt + salt,
            new TreeMap<>(validatorSchedule),
            new ArrayList<>(blocks),
            new ArrayList<>(states));
    fork.withheld.addAll(withheld);
    return fork;
  }

  /**
   * Signs {@code header} as a precommit of {@code validators} for {@code blockId} at {@code round}.
   */
  public synchronized Commit sign(
      Header header, BlockId blockId, ValidatorSet validators, int round) {
    Map<Bytes, TestValidatorKey> byAddress = new LinkedHashMap<>();
    for (TestValidatorKey k : validatorSchedule.floorEntry(header.height()).getValue().keySet()) {
      byAddress.put(k.address(), k);
    }
    List<CommitSig> sigs = new ArrayList<>();
    int i = 0;
    for (Validator v : validators.validators()) {
      TestValidatorKey key = byAddress.get(v.address());
      if (key == null || withheld.contains(key.name())) {
        sigs.add(CommitSig.absent());
      } else {
        Instant ts = header.time().plusMillis(700 + i);
        Bytes signBytes = VoteSignBytes.precommit(chainId, header.height(), round, blockId, ts);
        sigs.add(CommitSig.forBlock(v.address(), ts, key.sign(signBytes)));
      }
      i++;
    }
    return new Commit(header.height(), round, blockId, sigs);
  }

  /** CometBFT {@code Commit.Hash()}: simple Merkle over the proto-encoded commit signatures. */
  static Bytes commitHash(Commit commit) {
    List<Bytes> leaves = new ArrayList<>();
    for (CommitSig sig : commit.signatures()) {
      leaves.add(Bytes.wrapOwned(TendermintProtos.toProto(sig).toByteArray()));
    }
    return SimpleMerkle.hashFromByteSlices(leaves);
  }

  /** The store every {@code key=value} tx writes to. */
  public static final String STORE = "ibc";

  /**
   * The app hash committing to {@code state}: the multistore root over the store roots — {@value
   * #STORE}, plus a {@code fork} store holding the fork salt on forked branches.
   */
  public synchronized Bytes appHashOf(NavigableMap<Bytes, Bytes> state) {
    return SimpleMap.root(storeRoots(state));
  }

  /** The multistore: store name → root of that store. */
  public synchronized NavigableMap<Bytes, Bytes> storeRoots(NavigableMap<Bytes, Bytes> state) {
    NavigableMap<Bytes, Bytes> roots = new TreeMap<>();
    roots.put(Bytes.ofUtf8(STORE), SimpleMap.root(state));
    if (!appSalt.isEmpty()) {
      roots.put(
          Bytes.ofUtf8("fork"),
          SimpleMap.root(new TreeMap<>(Map.of(Bytes.ofUtf8("salt"), Bytes.ofUtf8(appSalt)))));
    }
    return roots;
  }

  private Bytes appHash(NavigableMap<Bytes, Bytes> state) {
    return appHashOf(state);
  }

  private static void apply(NavigableMap<Bytes, Bytes> state, Bytes tx) {
    String text = tx.toUtf8();
    int eq = text.indexOf('=');
    Bytes key = eq < 0 ? tx : Bytes.ofUtf8(text.substring(0, eq));
    Bytes value = eq < 0 ? tx : Bytes.ofUtf8(text.substring(eq + 1));
    state.put(key, value);
  }

  private static Map<TestValidatorKey, Long> keys(Map<String, Long> validators) {
    Map<TestValidatorKey, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : validators.entrySet()) {
      out.put(TestValidatorKey.named(e.getKey()), e.getValue());
    }
    return out;
  }
}
