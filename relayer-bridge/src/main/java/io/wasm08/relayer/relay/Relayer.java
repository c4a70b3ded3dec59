package io.wasm08.relayer.relay;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.wasm08.core.crypto.HdKeys;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.chain.Destination;
import io.wasm08.relayer.chain.GrpcDestination;
import io.wasm08.relayer.chain.TxSubmitter;
import io.wasm08.relayer.light.LightBlockProvider;
import io.wasm08.relayer.quorum.Quorum;
import io.wasm08.relayer.quorum.RemoteUpdateExecutor;
import io.wasm08.relayer.quorum.UpdateExecutor;
import io.wasm08.relayer.quorum.UpdateExecutorService;
import io.wasm08.relayer.quorum.WasmUpdateExecutor;
import io.wasm08.relayer.rpc.CometRpcClient;
import io.wasm08.relayer.rpc.RpcClientConfig;
import io.wasm08.relayer.rpc.RpcDialect;
import io.wasm08.relayer.rpc.RpcLightBlockProvider;
import io.wasm08.relayer.rpc.RpcTransport;
import io.wasm08.relayer.rpc.Sleeper;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The relay loop: one thread per client stepping its {@link ClientRelay} every poll interval (a
 * client that fails or halts never holds up the others), the health/metrics endpoint, and — when
 * configured — the executor service other relayers use for their quorum. {@link #close()} is
 * graceful: no new steps start, in-flight updates finish (up to a grace period), then the
 * connections and servers close.
 */
public final class Relayer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Relayer.class.getName());
  static final Duration GRACE = Duration.ofSeconds(30);

  private final List<ClientRelay> relays;
  private final Duration poll;
  private final RelayerMetrics metrics;
  private final List<Runnable> resources;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();
  private HealthServer health;
  private Server executorServer;

  Relayer(
      List<ClientRelay> relays, Duration poll, RelayerMetrics metrics, List<Runnable> resources) {
    this.relays = List.copyOf(relays);
    this.poll = poll;
    this.metrics = metrics;
    this.resources = new ArrayList<>(resources);
  }

  /** Builds a relayer from its configuration; {@link #start()} begins relaying. */
  public static Relayer create(RelayerConfig config, KeyResolver keys, InstantSource clock) {
    // the key first: a missing key must not leave a channel open behind it
    Secp256k1PrivateKey key = key(config.key(), keys);
    List<Runnable> resources = new ArrayList<>();
    RelayerConfig.Destination dc = config.destination();
    GrpcDestination destination = GrpcDestination.connect(dc.grpc(), dc.chainId());
    resources.add(destination::close);
    try {
      TxSubmitter submitter =
          new TxSubmitter(
              destination,
              key,
              new TxSubmitter.Fees(
                  dc.gasAdjustment(),
                  dc.price().map(RelayerConfig.GasPrice::amount),
                  dc.price().map(RelayerConfig.GasPrice::denom).orElse("")),
              dc.memo(),
              dc.timeout(),
              Duration.ofMillis(200),
              Sleeper.SYSTEM);
      Map<String, SourceChain> sources = new HashMap<>();
      config.sources().forEach((name, s) -> sources.put(name, source(name, s)));
      Optional<ClientRelay.QuorumStep> quorum = quorum(config.quorum(), destination);
      quorum.ifPresent(q -> resources.add(q.quorum()::close));
      quorum.ifPresent(q -> resources.add(q.seeder()::close));
      RelayerMetrics metrics = new RelayerMetrics();
      List<ClientRelay> relays = new ArrayList<>();
      for (RelayerConfig.Client c : config.clients()) {
        relays.add(
            new ClientRelay(
                c.clientId(),
                sources.get(c.source()),
                destination,
                submitter,
                quorum,
                metrics,
                clock));
      }
      Relayer relayer = new Relayer(relays, config.poll(), metrics, resources);
      relayer.health =
          new HealthServer(
              config.metrics().host(), config.metrics().port(), relayer::statuses, metrics);
      if (config.executorService() != null) {
        relayer.executorServer = serveExecutor(config.executorService(), destination);
      }
      return relayer;
    } catch (RuntimeException e) {
      resources.forEach(Runnable::run);
      throw e;
    }
  }

  /**
   * A relayer over given parts (tests, embedding): no health server unless {@code healthPort ≥ 0}.
   */
  public static Relayer of(
      List<ClientRelay> relays, Duration poll, RelayerMetrics metrics, int healthPort) {
    Relayer relayer = new Relayer(relays, poll, metrics, List.of());
    if (healthPort >= 0) {
      relayer.health = new HealthServer("127.0.0.1", healthPort, relayer::statuses, metrics);
    }
    return relayer;
  }

  static Secp256k1PrivateKey key(RelayerConfig.Key k, KeyResolver keys) {
    if (k.keyring() != null) {
      return keys.resolve(k.keyring());
    }
    String mnemonic = k.mnemonic();
    if (k.mnemonicFile() != null) {
      try {
        mnemonic = Files.readString(Path.of(k.mnemonicFile())).trim();
      } catch (IOException e) {
        throw RelayerErrorCode.INVALID_CONFIG.wrap(
            "cannot read key.mnemonicFile " + k.mnemonicFile() + ": " + e.getMessage(), e);
      }
    }
    HdPath path;
    try {
      path = HdPath.parse(k.hdPath());
    } catch (IllegalArgumentException e) {
      throw RelayerErrorCode.INVALID_CONFIG.wrap("key.hdPath: " + e.getMessage(), e);
    }
    try {
      return HdKeys.fromMnemonic(mnemonic, "", path);
    } catch (IllegalArgumentException e) {
      throw RelayerErrorCode.INVALID_CONFIG.wrap("key.mnemonic: " + e.getMessage(), e);
    }
  }

  static SourceChain source(String name, RelayerConfig.Source s) {
    List<LightBlockProvider> providers = new ArrayList<>();
    for (int i = 0; i < s.rpc().size(); i++) {
      URI uri;
      try {
        uri = URI.create(s.rpc().get(i));
      } catch (IllegalArgumentException e) {
        throw RelayerErrorCode.INVALID_CONFIG.wrap(
            "source " + name + ": bad rpc endpoint " + s.rpc().get(i));
      }
      RpcClientConfig rc;
      try {
        rc =
            RpcClientConfig.of(uri)
                .withDialect(s.dialect().equals("v1") ? RpcDialect.V1 : RpcDialect.LEGACY)
                .withTransport(
                    s.transport().equals("uri")
                        ? RpcTransport.URI_GET
                        : RpcTransport.JSON_RPC_POST);
      } catch (IllegalArgumentException e) {
        throw RelayerErrorCode.INVALID_CONFIG.wrap("source " + name + ": " + e.getMessage());
      }
      providers.add(new RpcLightBlockProvider(CometRpcClient.create(rc), name + "/" + uri));
    }
    return new SourceChain(name, providers.get(0), providers.subList(1, providers.size()));
  }

  static Optional<ClientRelay.QuorumStep> quorum(RelayerConfig.Quorum q, Destination destination) {
    if (!q.enabled()) {
      return Optional.empty();
    }
    List<UpdateExecutor> executors = new ArrayList<>();
    for (RelayerConfig.Executor e : q.executors()) {
      switch (e.type()) {
        case "compiler", "interpreter" -> {
          WasmUpdateExecutor local =
              WasmUpdateExecutor.chicory(
                  e.type().equals("compiler") ? ExecutionMode.COMPILER : ExecutionMode.INTERPRETER,
                  destination::code);
          executors.add(local);
        }
        default -> executors.add(RemoteUpdateExecutor.connect(e.endpoint(), destination::code));
      }
    }
    // snapshots are rebuilt by an executor of their own, so votes stay independent of it
    WasmUpdateExecutor seeder =
        WasmUpdateExecutor.chicory(ExecutionMode.INTERPRETER, destination::code);
    return Optional.of(
        new ClientRelay.QuorumStep(
            new Quorum(executors, q.fraction(), Duration.ofMinutes(5)), seeder));
  }

  static Server serveExecutor(RelayerConfig.ExecutorService s, Destination destination) {
    UpdateExecutorService service =
        new UpdateExecutorService(
            codes -> WasmUpdateExecutor.chicory(ExecutionMode.COMPILER, codes));
    try {
      return NettyServerBuilder.forAddress(new InetSocketAddress(s.host(), s.port()))
          .maxInboundMessageSize(64 * 1024 * 1024)
          .addService(service)
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the update executor on " + s.host() + ":" + s.port(), e);
    }
  }

  /** Starts one relaying thread per client. */
  public synchronized Relayer start() {
    if (!threads.isEmpty()) {
      return this;
    }
    for (ClientRelay relay : relays) {
      Thread t =
          Thread.ofPlatform()
              .name("relay-" + relay.clientId())
              .daemon(true)
              .start(() -> loop(relay));
      threads.add(t);
    }
    LOG.info(() -> "relaying " + relays.size() + " client(s), polling every " + poll);
    return this;
  }

  private void loop(ClientRelay relay) {
    while (stopping.getCount() > 0) {
      relay.step();
      try {
        if (stopping.await(poll.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One step of every client, in this thread (relay what is pending, then return). */
  public List<ClientStatus> stepOnce() {
    relays.forEach(ClientRelay::step);
    return statuses();
  }

  public List<ClientStatus> statuses() {
    return relays.stream().map(ClientRelay::status).toList();
  }

  public RelayerMetrics metrics() {
    return metrics;
  }

  public Optional<URI> healthUri() {
    return Optional.ofNullable(health).map(HealthServer::uri);
  }

  /** The port of the executor service, when this relayer serves one. */
  public Optional<Integer> executorPort() {
    return Optional.ofNullable(executorServer).map(Server::getPort);
  }

  /** Blocks until {@link #close()} is called (the CLI's foreground mode). */
  public void awaitStop() throws InterruptedException {
    stopping.await();
  }

  @Override
  public void close() {
    stopping.countDown();
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (Thread t : threads) {
      try {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        t.join(left);
        if (t.isAlive()) {
          LOG.warning(() -> t.getName() + " did not finish its update within " + GRACE);
          t.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (executorServer != null) {
      executorServer.shutdownNow();
    }
    if (health != null) {
      health.close();
    }
    for (Runnable r : resources) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warning(() -> "closing: " + e);
      }
    }
    LOG.info("relayer stopped");
  }
}
