package io.wasm08.node.app;

import io.grpc.BindableService;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreBranch;
import io.wasm08.core.context.StoreSet;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.events.Event;
import io.wasm08.core.events.EventManager;
import io.wasm08.core.tx.MsgSigners;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.auth.AuthKeeper;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.tx.AnteHandler;
import io.wasm08.node.tx.ExecMode;
import io.wasm08.node.tx.FeeHandler;
import io.wasm08.node.tx.TxDecoder;
import io.wasm08.node.tx.TxResult;
import io.wasm08.node.tx.TxRunner;
import io.wasm08.store.CommitId;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvStore;
import io.wasm08.store.rootmulti.RootMultiStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The application: the modules over one {@link RootMultiStore}, the Msg router, the tx pipeline,
 * and the ABCI-like steps a block producer drives — {@link #initChain}, {@link #finalizeBlock}
 * (BeginBlock hooks, the transactions, EndBlock hooks), {@link #commit} — plus {@link #checkTx} for
 * the mempool, {@link #simulate}, and read-only {@link #queryContext()}s on the last committed
 * version. Nothing here reads the clock: block time and height come from the caller.
 *
 * <p>Threads: one block-producing thread calls {@code initChain/finalizeBlock/commit}; {@code
 * checkTx} is serialised on its own lock and runs on the committed version plus a scratch branch;
 * queries read committed versions, which the store serves concurrently.
 */
public final class NodeApp implements AutoCloseable {
  private final String chainId;
  private final RootMultiStore store;
  private final List<NodeModule> modules;
  private final AnyCodec anyCodec;
  private final AddressCodec addressCodec;
  private final MsgServiceRouter router;
  private final TxRunner runner;
  private final Object checkLock = new Object();

  private StoreBranch deliverState;
  private volatile BlockInfo lastBlock;
  private StoreSet checkState;
  private BlockInfo checkBlock;

  /** A finished block: its txs' results, the begin/end-block events and the new app hash. */
  public record BlockResult(
      BlockInfo block, List<TxResult> txResults, List<Event> blockEvents, Bytes appHash) {}

  public NodeApp(
      String chainId,
      AddressCodec addressCodec,
      RootMultiStore store,
      List<NodeModule> modules,
      AuthKeeper auth,
      FeeHandler fees) {
    GenesisDoc.validateChainId(chainId);
    this.chainId = chainId;
    this.addressCodec = addressCodec;
    this.store = store;
    this.modules = List.copyOf(modules);
    AnyCodec.Builder codec = AnyCodec.builder().registerInterface(SdkInterfaces.MSG);
    for (NodeModule m : modules) {
      m.registerTypes(codec);
    }
    this.anyCodec = codec.build();
    this.router = new MsgServiceRouter();
    ModuleEnv env = new ModuleEnv(chainId, addressCodec, anyCodec, router);
    for (NodeModule m : modules) {
      m.init(env);
    }
    for (NodeModule m : modules) {
      m.msgRoutes().forEach(r -> router.register(r, m::validateBasic));
    }
    router.seal();
    Set<String> missing = new LinkedHashSet<>(store.storeNames());
    for (NodeModule m : modules) {
      missing.removeAll(m.storeKeys());
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("stores without a module: " + missing);
    }
    this.runner =
        new TxRunner(
            new TxDecoder(anyCodec, new MsgSigners(addressCodec)),
            new AnteHandler(auth, fees),
            router,
            addressCodec);
  }

  /** Every store key the modules own (what the multistore must mount). */
  public static List<String> storeKeys(List<NodeModule> modules) {
    List<String> out = new ArrayList<>();
    modules.forEach(m -> out.addAll(m.storeKeys()));
    return out;
  }

  public String chainId() {
    return chainId;
  }

  public AnyCodec anyCodec() {
    return anyCodec;
  }

  public AddressCodec addressCodec() {
    return addressCodec;
  }

  public MsgServiceRouter router() {
    return router;
  }

  public TxDecoder txDecoder() {
    return runner.decoder();
  }

  public List<NodeModule> modules() {
    return modules;
  }

  /** The last committed height (0 before the first block). */
  public long lastHeight() {
    return store.latestVersion();
  }

  public CommitId lastCommitId() {
    return store.lastCommitId();
  }

  /**
   * {@code InitChain}: sets the initial version and runs every module's genesis on the state the
   * first block will continue from (genesis is committed with block {@code initial_height}).
   */
  public void initChain(GenesisDoc genesis) {
    if (!genesis.chainId().equals(chainId)) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "genesis chain id " + genesis.chainId() + " differs from " + chainId);
    }
    if (store.latestVersion() != 0) {
      throw NodeErrorCode.INVALID_DATA.wrap("initChain on a store that already has blocks");
    }
    if (genesis.initialHeight() > 1) {
      store.setInitialVersion(genesis.initialHeight());
    }
    BlockInfo block = new BlockInfo(genesis.initialHeight(), genesis.genesisTime(), chainId);
    deliverState = StoreSets.of(store.cacheMultiStore());
    BlockContext ctx = context(block, deliverState);
    for (NodeModule m : modules) {
      m.initGenesis(ctx, genesis.appState());
    }
    // CheckTx before the first block sees the genesis state, as CometBFT's does.
    synchronized (checkLock) {
      checkState = deliverState.branch();
      checkBlock = block;
    }
  }

  /** Loads the last committed block's info (after a restart) and starts the modules. */
  public void start(BlockInfo lastCommitted) {
    this.lastBlock = lastCommitted;
    if (lastCommitted != null) {
      resetCheckState(lastCommitted);
      BlockContext ctx = queryContext();
      modules.forEach(m -> m.start(ctx));
    } else {
      BlockContext ctx = context(checkBlock, deliverState);
      modules.forEach(m -> m.start(ctx));
    }
  }

  /**
   * {@code FinalizeBlock}: BeginBlock hooks, every transaction in order (each on its own branches,
   * see {@link TxRunner}), EndBlock hooks; the result carries the app hash the commit will have.
   */
  public BlockResult finalizeBlock(long height, Instant time, List<Bytes> txs) {
    BlockInfo block = new BlockInfo(height, time, chainId);
    if (deliverState == null) {
      deliverState = StoreSets.of(store.cacheMultiStore());
    }
    EventManager blockEvents = new EventManager();
    BlockContext ctx =
        BlockContext.builder()
            .block(block)
            .stores(deliverState)
            .gasMeter(new InfiniteGasMeter())
            .eventManager(blockEvents)
            .build();
    for (NodeModule m : modules) {
      m.beginBlock(ctx);
    }
    List<TxResult> results = new ArrayList<>(txs.size());
    for (Bytes tx : txs) {
      results.add(runner.run(ExecMode.FINALIZE, tx, block, deliverState).result());
    }
    for (NodeModule m : modules) {
      m.endBlock(ctx);
    }
    deliverState.write();
    deliverState = null;
    return new BlockResult(block, results, blockEvents.events(), store.workingHash());
  }

  /** {@code Commit}: persists the block's state atomically; resets the check state. */
  public CommitId commit(BlockInfo block) {
    CommitId id = store.commit();
    lastBlock = block;
    resetCheckState(block);
    return id;
  }

  private void resetCheckState(BlockInfo block) {
    synchronized (checkLock) {
      checkState = committedView().branch();
      checkBlock = block;
    }
  }

  public BlockInfo lastBlock() {
    return lastBlock;
  }

  /** {@code CheckTx}: ante checks against the check state, which keeps their effects. */
  public TxRunner.Outcome checkTx(Bytes txBytes, boolean recheck) {
    synchronized (checkLock) {
      if (checkState == null) {
        throw NodeErrorCode.UNAVAILABLE.wrap("the node has not loaded its state yet");
      }
      return runner.run(
          recheck ? ExecMode.RECHECK : ExecMode.CHECK, txBytes, checkBlock, checkState);
    }
  }

  /** Decodes without running (for GetTx, TxDecode and the mempool). */
  public io.wasm08.node.tx.DecodedTx decode(Bytes txBytes) {
    return runner.decoder().decode(txBytes);
  }

  /**
   * {@code Simulate}: the whole tx, signatures skipped, on a throw-away branch of the last state.
   */
  public TxRunner.Outcome simulate(Bytes txBytes) {
    BlockInfo last = requireStarted();
    BlockInfo next = new BlockInfo(last.height() + 1, last.time(), chainId);
    return runner.run(ExecMode.SIMULATE, txBytes, next, committedView().branch());
  }

  /** A context over the last committed version for queries (infinite gas, events dropped). */
  public BlockContext queryContext() {
    BlockInfo last = requireStarted();
    return context(last, committedView().branch());
  }

  public Supplier<BlockContext> queryContexts() {
    return this::queryContext;
  }

  /** The last committed version of every store, read-only underneath. */
  private StoreSet committedView() {
    long version = store.latestVersion();
    Map<String, KvStore> stores = new TreeMap<>();
    for (String name : store.storeNames()) {
      stores.put(name, new ReadOnlyTree(store.tree(name, version)));
    }
    return StoreSets.of(stores);
  }

  private BlockInfo requireStarted() {
    BlockInfo last = lastBlock;
    if (last == null) {
      throw NodeErrorCode.UNAVAILABLE.wrap("no block has been committed yet");
    }
    return last;
  }

  private static BlockContext context(BlockInfo block, StoreSet stores) {
    return BlockContext.builder()
        .block(block)
        .stores(stores)
        .gasMeter(new InfiniteGasMeter())
        .eventManager(new EventManager())
        .build();
  }

  /** The modules' Query services. */
  public List<BindableService> queryServices() {
    List<BindableService> out = new ArrayList<>();
    modules.forEach(m -> out.addAll(m.queryServices(queryContexts())));
    return out;
  }

  @Override
  public void close() {
    modules.forEach(NodeModule::close);
    store.close();
  }
}
