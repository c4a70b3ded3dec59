package io.wasm08.node.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import io.grpc.ServerServiceDefinition;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.tx.TxHash;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.app.NodeApp;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeKey;
import io.wasm08.node.grpc.NodeGrpcServer;
import io.wasm08.node.grpc.NodeService;
import io.wasm08.node.grpc.StrictServices;
import io.wasm08.node.grpc.TxService;
import io.wasm08.node.metrics.NodeMetrics;
import io.wasm08.node.rest.NodeHttpServer;
import io.wasm08.node.rest.RestGateway;
import io.wasm08.node.tx.TxResult;
import io.wasm08.node.tx.TxRunner;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import wasm08.node.v1.NodeOuterClass.Block;
import wasm08.node.v1.NodeOuterClass.BlockHeader;

/**
 * A running node: the application, its block store, a mempool, the solo block producer and the
 * gRPC/REST/metrics endpoints. The producer makes a block every {@code block_interval} (empty ones
 * too, so time-driven EndBlock work such as governance tallies happens): it reaps the mempool,
 * stamps the block with the wall clock (strictly after the previous block) — the only clock read on
 * the consensus path, passed into the application as block time — executes, stores the block,
 * commits, and rechecks what is left in the mempool.
 *
 * <p>Restart: the application resumes at its last committed version; a block the block store has
 * one height beyond it (a crash between storing and committing) is replayed and must reproduce the
 * stored app hash.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Node.class.getName());

  private final NodeApp app;
  private final BlockStore blocks;
  private final Mempool mempool;
  private final NodeConfig config;
  private final NodeKey nodeKey;
  private final GenesisDoc genesis;
  private final Clock clock;
  private final NodeMetrics metrics;
  private final String version;
  private final Object produceLock = new Object();
  // CometBFT locks the mempool across Commit and the recheck that follows, so CheckTx never sees
  // the fresh committed state without the still-pending txs re-applied on it.
  private final Object mempoolLock = new Object();
  private ScheduledExecutorService producer;
  private NodeGrpcServer grpc;
  private NodeHttpServer http;
  private volatile Block lastBlock;
  private volatile boolean halted;

  public Node(
      NodeApp app,
      BlockStore blocks,
      NodeConfig config,
      NodeKey nodeKey,
      GenesisDoc genesis,
      Clock clock,
      NodeMetrics metrics,
      String version) {
    this.app = app;
    this.blocks = blocks;
    this.config = config;
    this.nodeKey = nodeKey;
    this.genesis = genesis;
    this.clock = clock;
    this.metrics = metrics;
    this.version = version;
    this.mempool = new Mempool(config.mempoolMaxTxs(), config.mempoolMaxBytes());
  }

  public NodeApp app() {
    return app;
  }

  public NodeMetrics metrics() {
    return metrics;
  }

  public Mempool mempool() {
    return mempool;
  }

  public BlockStore blockStore() {
    return blocks;
  }

  public NodeConfig config() {
    return config;
  }

  public String nodeId() {
    return nodeKey.id();
  }

  public String version() {
    return version;
  }

  public GenesisDoc genesis() {
    return genesis;
  }

  public Optional<Block> lastBlock() {
    return Optional.ofNullable(lastBlock);
  }

  /**
   * Loads state: genesis on an empty store, else the last committed block (replaying one stored but
   * uncommitted block); then the modules start (e.g. pinning stored contracts).
   */
  public void load() {
    long appHeight = app.lastHeight();
    long stored = blocks.latestHeight();
    if (appHeight == 0) {
      app.initChain(genesis);
    }
    long expectedNext = appHeight == 0 ? genesis.initialHeight() : appHeight + 1;
    if (stored >= expectedNext) {
      if (stored > expectedNext) {
        throw NodeErrorCode.INVALID_DATA.wrap(
            "block store is at height " + stored + " but the application at " + appHeight);
      }
      Block block = blocks.block(stored).orElseThrow();
      LOG.info("replaying block " + stored + " stored before the last commit");
      if (appHeight != 0) {
        lastBlock = blocks.block(appHeight).orElseThrow();
      }
      execute(
          block.getHeader().getHeight(),
          instant(block.getHeader().getTime()),
          txsOf(block),
          Optional.of(block),
          () -> {});
      app.start(blockInfo(block));
    } else if (appHeight != 0) {
      Block last =
          blocks
              .block(appHeight)
              .orElseThrow(
                  () ->
                      NodeErrorCode.INVALID_DATA.wrap(
                          "application at height " + appHeight + " but no such block stored"));
      lastBlock = last;
      app.start(blockInfo(last));
    } else {
      app.start(null);
    }
    metrics.block(app.lastHeight(), 0, Duration.ZERO);
  }

  /** Starts the endpoints and, when {@code produce} is set, the block producer. */
  public void start(boolean produce) {
    List<ServerServiceDefinition> services = new ArrayList<>();
    services.add(StrictServices.mount(new TxService(this)));
    services.add(StrictServices.mount(new NodeService(this)));
    app.queryServices().forEach(s -> services.add(StrictServices.mount(s)));
    grpc = NodeGrpcServer.start(config.grpcSocket(), services, metrics);
    http =
        NodeHttpServer.start(
            config.restSocket(),
            new RestGateway(grpc.inProcessChannel(), services, JsonTypes.registry(services, app)),
            metrics);
    if (produce) {
      producer =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("block-producer").factory());
      long interval = config.blockInterval().toMillis();
      producer.scheduleWithFixedDelay(this::produceSafely, 0, interval, TimeUnit.MILLISECONDS);
    }
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int restPort() {
    return http.port();
  }

  private void produceSafely() {
    if (halted) {
      return;
    }
    try {
      produceBlock();
    } catch (RuntimeException e) {
      // A block that cannot be executed or committed must not be skipped: stop producing, report
      // unhealthy, and leave the data as it is for a restart.
      halted = true;
      LOG.log(Level.SEVERE, "block production halted", e);
      if (grpc != null) {
        grpc.notServing();
      }
    }
  }

  public boolean halted() {
    return halted;
  }

  /** Produces and commits one block from the mempool (the producer's step; tests call it too). */
  public Block produceBlock() {
    synchronized (produceLock) {
      List<Map.Entry<String, Bytes>> reaped =
          mempool.reap(config.maxBlockTxs(), config.maxBlockBytes());
      long height = app.lastHeight() == 0 ? genesis.initialHeight() : app.lastHeight() + 1;
      Instant now = clock.instant();
      Instant time = now;
      if (lastBlock != null) {
        Instant previous = instant(lastBlock.getHeader().getTime());
        if (!time.isAfter(previous)) {
          time = previous.plusMillis(1);
        }
      } else if (time.isBefore(genesis.genesisTime())) {
        time = genesis.genesisTime();
      }
      List<Bytes> txs = reaped.stream().map(Map.Entry::getValue).toList();
      return execute(
          height,
          time,
          txs,
          Optional.empty(),
          () -> {
            mempool.removeAll(reaped.stream().map(Map.Entry::getKey).toList());
            recheckMempool();
          });
    }
  }

  private Block execute(
      long height, Instant time, List<Bytes> txs, Optional<Block> replay, Runnable afterCommit) {
    long start = System.nanoTime();
    NodeApp.BlockResult result = app.finalizeBlock(height, time, txs);
    Block block = replay.orElseGet(() -> newBlock(height, time, txs, result.appHash()));
    if (!block
        .getHeader()
        .getAppHash()
        .equals(ByteString.copyFrom(result.appHash().toByteArray()))) {
      throw NodeErrorCode.INVALID_DATA.wrap(
          "replaying block "
              + height
              + " gave app hash "
              + result.appHash().toHex()
              + " instead of "
              + Bytes.of(block.getHeader().getAppHash().toByteArray()).toHex());
    }
    List<TxResponse> responses = new ArrayList<>(txs.size());
    for (int i = 0; i < txs.size(); i++) {
      Bytes tx = txs.get(i);
      TxResult r = result.txResults().get(i);
      io.wasm08.node.tx.DecodedTx decoded = null;
      try {
        decoded = app.decode(tx);
      } catch (Wasm08Exception e) {
        // Undecodable txs are stored with their error only.
      }
      responses.add(TxResponses.committed(TxHash.of(tx), height, time, r, decoded));
      metrics.tx("deliver", r.codespace(), r.code(), r.gasUsed(), Duration.ZERO);
    }
    if (replay.isEmpty()) {
      blocks.save(block, responses);
    }
    synchronized (mempoolLock) {
      app.commit(new BlockInfo(height, time, app.chainId()));
      lastBlock = block;
      afterCommit.run();
    }
    metrics.block(height, txs.size(), Duration.ofNanos(System.nanoTime() - start));
    metrics.mempoolSize(mempool.size());
    return block;
  }

  private Block newBlock(long height, Instant time, List<Bytes> txs, Bytes appHash) {
    ByteArrayOutputStream hashes = new ByteArrayOutputStream();
    for (Bytes tx : txs) {
      hashes.writeBytes(Hashes.sha256(tx).toByteArray());
    }
    BlockHeader.Builder header =
        BlockHeader.newBuilder()
            .setChainId(app.chainId())
            .setHeight(height)
            .setTime(timestamp(time))
            .setDataHash(
                ByteString.copyFrom(
                    Hashes.sha256(Bytes.wrapOwned(hashes.toByteArray())).toByteArray()))
            .setAppHash(ByteString.copyFrom(appHash.toByteArray()))
            .setProposer(nodeKey.id());
    if (lastBlock != null) {
      header.setLastBlockHash(
          ByteString.copyFrom(
              Hashes.sha256(Bytes.wrapOwned(lastBlock.getHeader().toByteArray())).toByteArray()));
    }
    Block.Builder b = Block.newBuilder().setHeader(header);
    txs.forEach(t -> b.addTxs(ByteString.copyFrom(t.toByteArray())));
    return b.build();
  }

  /** After a block, pending txs are checked again against the new state; failures are dropped. */
  private void recheckMempool() {
    List<String> invalid = new ArrayList<>();
    for (Map.Entry<String, Bytes> e : mempool.snapshot()) {
      TxRunner.Outcome outcome = app.checkTx(e.getValue(), true);
      if (!outcome.result().isOk()) {
        invalid.add(e.getKey());
      }
    }
    mempool.removeAll(invalid);
  }

  /** {@code BroadcastTx} in SYNC mode: CheckTx, then admission to the mempool. */
  public TxResponse broadcastSync(Bytes txBytes) {
    synchronized (mempoolLock) {
      return checkAndAdmit(txBytes);
    }
  }

  private TxResponse checkAndAdmit(Bytes txBytes) {
    long start = System.nanoTime();
    String hash = TxHash.of(txBytes);
    TxResult result;
    if (mempool.contains(hash)) {
      result = TxResult.error(SdkErrorCode.TX_IN_MEMPOOL_CACHE.error(), 0, 0, List.of());
    } else {
      result = app.checkTx(txBytes, false).result();
      if (result.isOk()) {
        Mempool.Refusal refusal = mempool.add(hash, txBytes);
        if (refusal == Mempool.Refusal.DUPLICATE) {
          result = TxResult.error(SdkErrorCode.TX_IN_MEMPOOL_CACHE.error(), 0, 0, List.of());
        } else if (refusal == Mempool.Refusal.FULL) {
          result = TxResult.error(SdkErrorCode.MEMPOOL_IS_FULL.error(), 0, 0, List.of());
        }
      }
    }
    metrics.tx(
        "check",
        result.codespace(),
        result.code(),
        result.gasUsed(),
        Duration.ofNanos(System.nanoTime() - start));
    metrics.mempoolSize(mempool.size());
    return TxResponses.checked(hash, result);
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  private BlockInfo blockInfo(Block b) {
    return new BlockInfo(
        b.getHeader().getHeight(), instant(b.getHeader().getTime()), app.chainId());
  }

  private static List<Bytes> txsOf(Block b) {
    return b.getTxsList().stream().map(t -> Bytes.of(t.toByteArray())).toList();
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.shutdown();
      try {
        producer.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (http != null) {
      http.close();
    }
    if (grpc != null) {
      grpc.close();
    }
    synchronized (produceLock) {
      app.close();
      blocks.close();
    }
  }
}
