package io.wasm08.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.auth.AuthModule;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.config.NodeKey;
import io.wasm08.node.keys.Keyring;
import io.wasm08.node.modules.GenesisOptions;
import io.wasm08.node.modules.Wasm08Modules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wasm08 init MONIKER --chain-id ID}: writes {@code config/node.json}, a new node key and
 * {@code config/genesis.json} with the given accounts (keyring names or addresses), their balances
 * and the governance electorate.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Initialize a node home: node config, node key and genesis (accounts, balances, electorate).")
public final class InitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "MONIKER", description = "A name for this node")
  String moniker;

  @Mixin HomeOptions home;

  @Option(names = "--chain-id", required = true)
  String chainId;

  @Option(names = "--bech32-prefix", defaultValue = "cosmos")
  String prefix;

  @Option(
      names = "--denom",
      defaultValue = "stake",
      description = "Staking/deposit denom (default: ${DEFAULT-VALUE})")
  String denom;

  @Option(
      names = "--account",
      paramLabel = "KEY_OR_ADDRESS[=COINS]",
      description = "A genesis account, optionally funded, e.g. alice=1000000000stake (repeatable)")
  List<String> accounts = new ArrayList<>();

  @Option(
      names = "--voter",
      paramLabel = "KEY_OR_ADDRESS=POWER",
      description =
          "A governance voter with its voting power (repeatable; also made a genesis account)")
  List<String> voters = new ArrayList<>();

  @Option(names = "--voting-period", description = "Gov voting period, ISO-8601 (default PT48H)")
  String votingPeriod;

  @Option(
      names = "--expedited-voting-period",
      description =
          "Gov expedited voting period (default PT24H, or half of --voting-period when given)")
  String expeditedVotingPeriod;

  @Option(names = "--max-deposit-period", description = "Gov max deposit period (default PT48H)")
  String maxDepositPeriod;

  @Option(names = "--min-deposit", description = "Gov min deposit, e.g. 10000000stake")
  String minDeposit;

  @Option(
      names = "--block-interval",
      defaultValue = "PT1S",
      description = "Solo producer block interval (default: ${DEFAULT-VALUE})")
  String blockInterval;

  @Option(names = "--grpc-address", defaultValue = "127.0.0.1:9090")
  String grpcAddress;

  @Option(names = "--rest-address", defaultValue = "127.0.0.1:1317")
  String restAddress;

  @Option(names = "--overwrite", description = "Replace an existing config and genesis")
  boolean overwrite;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    NodeHome h = home.nodeHome();
    if (Files.exists(h.genesis()) && !overwrite) {
      throw NodeErrorCode.HOME_EXISTS.wrap(h.genesis() + " exists (use --overwrite)");
    }
    GenesisDoc.validateChainId(chainId);
    AddressCodec codec = new AddressCodec(prefix);
    Keyring keyring = Keyring.open(h.keyring());
    GenesisOptions options =
        new GenesisOptions(
            denom, votingPeriod, expeditedVotingPeriod, maxDepositPeriod, minDeposit);
    Set<String> accountAddresses = new LinkedHashSet<>();
    for (String a : accounts) {
      String[] kv = a.split("=", 2);
      String address = resolve(kv[0], keyring, codec);
      accountAddresses.add(address);
      if (kv.length == 2) {
        options.balances().put(address, kv[1]);
      }
    }
    for (String v : voters) {
      String[] kv = v.split("=", 2);
      if (kv.length != 2) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("--voter must be KEY_OR_ADDRESS=POWER, got " + v);
      }
      String address = resolve(kv[0], keyring, codec);
      accountAddresses.add(address);
      options.voters().put(address, kv[1]);
    }
    NodeConfig config =
        new NodeConfig(
            moniker,
            prefix,
            grpcAddress,
            restAddress,
            java.time.Duration.parse(blockInterval),
            2000,
            21L * 1024 * 1024,
            5000,
            1L << 30);
    ObjectNode appState = new ObjectMapper().createObjectNode();
    appState.set("auth", AuthModule.genesis(List.copyOf(accountAddresses)));
    for (NodeModule m : new Wasm08Modules().create(NodeFactory.Setup.detached(codec))) {
      m.defaultGenesis().forEach(appState::set);
    }
    Wasm08Modules.customizeGenesis(appState, options, prefix);
    validateGovParams(appState, prefix);
    GenesisDoc genesis =
        new GenesisDoc(Instant.now().truncatedTo(ChronoUnit.SECONDS), chainId, 1, appState);
    config.write(h.nodeConfig());
    genesis.write(h.genesis());
    NodeKey key = NodeKey.generate(new SecureRandom());
    key.write(h.nodeKey());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Initialized " + h.root().toAbsolutePath());
    out.println("  chain id:  " + chainId);
    out.println("  node id:   " + key.id());
    out.println("  genesis:   " + h.genesis());
    out.println("  accounts:  " + accountAddresses.size() + ", voters: " + options.voters().size());
    out.flush();
    return 0;
  }

  /**
   * x/gov's {@code Params.ValidateBasic} on the params the options produced, so that a bad
   * combination (e.g. an expedited voting period not shorter than the regular one) is refused here
   * with upstream's message, before anything is written, instead of at {@code start}.
   */
  static void validateGovParams(ObjectNode appState, String prefix) {
    if (!(appState.path("gov").get("params") instanceof ObjectNode params)) {
      return;
    }
    cosmos.gov.v1.Gov.Params.Builder b = cosmos.gov.v1.Gov.Params.newBuilder();
    try {
      com.google.protobuf.util.JsonFormat.parser().merge(params.toString(), b);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("gov params: " + e.getMessage());
    }
    io.wasm08.gov.types.GovParams.validateBasic(b.build(), prefix);
  }

  /** A keyring name or a bech32 address. */
  static String resolve(String nameOrAddress, Keyring keyring, AddressCodec codec) {
    return keyring
        .find(nameOrAddress)
        .map(k -> k.address(codec.bech32Prefix()))
        .orElseGet(
            () -> {
              codec.stringToBytes(nameOrAddress);
              return nameOrAddress;
            });
  }
}
