package io.wasm08.node.config;

import java.nio.file.Path;

/**
 * The layout of a node's home directory: {@code config/} (node.json, genesis.json, node_key.json),
 * {@code data/} (application.db and blockstore.db, RocksDB) and {@code keyring/}.
 */
public record NodeHome(Path root) {
  public Path configDir() {
    return root.resolve("config");
  }

  public Path nodeConfig() {
    return configDir().resolve("node.json");
  }

  public Path genesis() {
    return configDir().resolve("genesis.json");
  }

  public Path nodeKey() {
    return configDir().resolve("node_key.json");
  }

  public Path dataDir() {
    return root.resolve("data");
  }

  public Path applicationDb() {
    return dataDir().resolve("application.db");
  }

  public Path blockStoreDb() {
    return dataDir().resolve("blockstore.db");
  }

  public Path keyring() {
    return root.resolve("keyring").resolve(io.wasm08.node.keys.Keyring.FILE_NAME);
  }

  /** {@code ~/.wasm08}, or {@code $WASM08_HOME}. */
  public static NodeHome defaultHome() {
    String env = System.getenv("WASM08_HOME");
    return new NodeHome(
        env != null && !env.isEmpty()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".wasm08"));
  }
}
