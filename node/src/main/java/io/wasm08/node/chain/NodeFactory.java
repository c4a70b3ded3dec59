package io.wasm08.node.chain;

import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.app.NodeApp;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.auth.AuthKeeper;
import io.wasm08.node.auth.AuthModule;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.config.NodeKey;
import io.wasm08.node.metrics.NodeMetrics;
import io.wasm08.node.tx.FeeHandler;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.MemDatabase;
import io.wasm08.store.db.RocksDatabase;
import io.wasm08.store.rootmulti.RootMultiStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a {@link Node}: the auth module first, then the chain's modules (built by a {@link
 * Modules} function from the chain's address codec and auth keeper), the multistore and block store
 * (RocksDB under {@code data/}, or in memory), the node key and the genesis.
 */
public final class NodeFactory {
  private NodeFactory() {}

  /**
   * What modules are built with: the chain's address codec, the auth keeper, the data directory
   * (absent for in-memory nodes) and the node's meters.
   */
  public record Setup(
      AddressCodec codec, AuthKeeper auth, Optional<Path> dataDir, NodeMetrics metrics) {
    /** For tools that only read the modules' defaults (genesis): no data dir, own meters. */
    public static Setup detached(AddressCodec codec) {
      return new Setup(codec, new AuthKeeper(codec), Optional.empty(), new NodeMetrics());
    }
  }

  /** What a chain embeds besides auth, and how fees are paid. */
  public interface Modules {
    List<NodeModule> create(Setup setup);

    default FeeHandler fees(List<NodeModule> modules) {
      return FeeHandler.ZERO_ONLY;
    }

    default List<AuthModule.ModuleAccountSpec> moduleAccounts() {
      return List.of();
    }
  }

  /** Opens the node in {@code home} (RocksDB data directory). */
  public static Node open(NodeHome home, Modules modules, Clock clock, String version) {
    if (!Files.exists(home.genesis())) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "no genesis at " + home.genesis() + "; run wasm08 init first");
    }
    NodeConfig config = NodeConfig.read(home.nodeConfig());
    GenesisDoc genesis = GenesisDoc.read(home.genesis());
    NodeKey key = NodeKey.read(home.nodeKey());
    try {
      Files.createDirectories(home.dataDir());
    } catch (java.io.IOException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("cannot create " + home.dataDir(), e);
    }
    Database appDb = RocksDatabase.open(home.applicationDb());
    Database blockDb = RocksDatabase.open(home.blockStoreDb());
    return assemble(
        config, genesis, key, appDb, blockDb, Optional.of(home.dataDir()), modules, clock, version);
  }

  /** A node on in-memory databases (tests, tools). */
  public static Node inMemory(
      NodeConfig config, GenesisDoc genesis, NodeKey key, Modules modules, Clock clock) {
    return assemble(
        config,
        genesis,
        key,
        new MemDatabase(),
        new MemDatabase(),
        Optional.empty(),
        modules,
        clock,
        "test");
  }

  public static Node assemble(
      NodeConfig config,
      GenesisDoc genesis,
      NodeKey key,
      Database appDb,
      Database blockDb,
      Optional<Path> dataDir,
      Modules modules,
      Clock clock,
      String version) {
    AddressCodec codec = new AddressCodec(config.bech32Prefix());
    AuthKeeper auth = new AuthKeeper(codec);
    List<NodeModule> all = new ArrayList<>();
    all.add(new AuthModule(auth, modules.moduleAccounts()));
    NodeMetrics metrics = new NodeMetrics();
    List<NodeModule> chainModules = modules.create(new Setup(codec, auth, dataDir, metrics));
    all.addAll(chainModules);
    RootMultiStore store = RootMultiStore.open(appDb, NodeApp.storeKeys(all));
    NodeApp app =
        new NodeApp(genesis.chainId(), codec, store, all, auth, modules.fees(chainModules));
    Node node =
        new Node(app, new BlockStore(blockDb), config, key, genesis, clock, metrics, version);
    node.load();
    return node;
  }
}
