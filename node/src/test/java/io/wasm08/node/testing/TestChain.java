package io.wasm08.node.testing;

import io.wasm08.core.crypto.HdKeys;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.auth.AuthModule;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeKey;
import io.wasm08.node.modules.GenesisOptions;
import io.wasm08.node.modules.Wasm08Modules;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A node on in-memory stores with the probe module and funded test accounts. */
public final class TestChain {
  public static final String CHAIN_ID = "wasm08-test";
  public static final Instant GENESIS_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /** Deterministic test keys: the BIP-39 all-zero-entropy mnemonic at indices 0.. */
  public static Secp256k1PrivateKey key(int index) {
    return HdKeys.fromMnemonic(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "",
        HdPath.cosmos(index));
  }

  public static String address(int index) {
    return key(index).publicKey().address().toBech32("cosmos");
  }

  /** Accounts 0..n-1 exist at genesis. */
  public static GenesisDoc genesis(int accounts) {
    List<String> addrs = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      addrs.add(address(i));
    }
    GenesisDoc doc =
        new GenesisDoc(
            GENESIS_TIME,
            CHAIN_ID,
            1,
            new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
    return doc.withSection("auth", AuthModule.genesis(addrs));
  }

  public static NodeFactory.Modules probeModules(ProbeModule probe) {
    return setup -> List.<NodeModule>of(probe);
  }

  public static NodeConfig config() {
    return NodeConfig.defaults("test").withAddresses("127.0.0.1:0", "127.0.0.1:0");
  }

  /** A fixed clock one minute after genesis (the producer only needs it to move forward). */
  public static Clock clock() {
    return Clock.fixed(GENESIS_TIME.plusSeconds(60), ZoneOffset.UTC);
  }

  /**
   * The genesis of the {@code wasm08} node's own modules (ICS-02, 08-wasm, governance) with {@code
   * accounts} test accounts, account 0 funded with {@code 100000000stake} and holding all voting
   * power, a min deposit of {@code 1000stake} and the given voting period (ISO-8601).
   */
  public static GenesisDoc wasm08Genesis(int accounts, String votingPeriod) {
    com.fasterxml.jackson.databind.node.ObjectNode app = genesis(accounts).appState().deepCopy();
    for (NodeModule m :
        new Wasm08Modules()
            .create(NodeFactory.Setup.detached(new io.wasm08.core.crypto.AddressCodec("cosmos")))) {
      m.defaultGenesis().forEach(app::set);
    }
    Duration voting = Duration.parse(votingPeriod);
    GenesisOptions options =
        new GenesisOptions(
            "stake", votingPeriod, voting.dividedBy(2).toString(), "PT60S", "1000stake");
    options.balances().put(address(0), "100000000stake");
    options.voters().put(address(0), "100");
    Wasm08Modules.customizeGenesis(app, options, "cosmos");
    return new GenesisDoc(GENESIS_TIME, CHAIN_ID, 1, app);
  }

  /**
   * An in-memory {@code wasm08} node (the CLI's modules) on {@code clock}, endpoints on loopback;
   * with {@code produce} its producer makes a block every 50 ms.
   */
  public static Node startWasm08(GenesisDoc genesis, Clock clock, boolean produce) {
    Node node =
        NodeFactory.inMemory(
            NodeConfig.defaults("test")
                .withAddresses("127.0.0.1:0", "127.0.0.1:0")
                .withBlockInterval(Duration.ofMillis(50)),
            genesis,
            NodeKey.generate(new SecureRandom()),
            new Wasm08Modules(),
            clock);
    node.start(produce);
    return node;
  }

  public static Node start(ProbeModule probe, int accounts) {
    Node node =
        NodeFactory.inMemory(
            config(),
            genesis(accounts),
            NodeKey.generate(new SecureRandom()),
            probeModules(probe),
            clock());
    node.start(false);
    return node;
  }
}
