package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.modules.Wasm08Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys}, {@code init}, {@code status} and {@code query} in-process against a node opened on
 * the initialised home (RocksDB), and a restart that finds height and app hash intact.
 */
class NodeCliTest {
  @TempDir Path dir;

  Wasm08CliTest.Run run(String... args) {
    return Wasm08CliTest.run(args);
  }

  @Test
  void keysInitStartStatusQueryRestart() throws Exception {
    Path pass = dir.resolve("pass");
    Files.writeString(pass, "a long passphrase\n");
    String home = dir.resolve("home").toString();

    Wasm08CliTest.Run add =
        run(
            "keys",
            "add",
            "alice",
            "--home",
            home,
            "--keyring-passphrase-file",
            pass.toString(),
            "-o",
            "json");
    assertThat(add.exitCode()).as(add.err()).isZero();
    JsonNode alice = new ObjectMapper().readTree(add.out());
    assertThat(alice.get("mnemonic").asText().split(" ")).hasSize(24);
    String aliceAddr = alice.get("address").asText();
    assertThat(aliceAddr).startsWith("cosmos1");

    Wasm08CliTest.Run list = run("keys", "list", "--home", home, "-o", "json");
    assertThat(new ObjectMapper().readTree(list.out()).get(0).get("name").asText())
        .isEqualTo("alice");
    assertThat(run("keys", "show", "alice", "-a", "--home", home).out().trim())
        .isEqualTo(aliceAddr);
    Wasm08CliTest.Run export =
        run(
            "keys",
            "export",
            "alice",
            "--home",
            home,
            "--keyring-passphrase-file",
            pass.toString(),
            "-o",
            "json");
    assertThat(new ObjectMapper().readTree(export.out()).get("mnemonic").asText())
        .isEqualTo(alice.get("mnemonic").asText());
    Path wrong = dir.resolve("wrong");
    Files.writeString(wrong, "not the passphrase");
    Wasm08CliTest.Run denied =
        run(
            "keys",
            "export",
            "alice",
            "--home",
            home,
            "--keyring-passphrase-file",
            wrong.toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.err()).contains("invalid account password");

    Wasm08CliTest.Run init =
        run(
            "init",
            "n1",
            "--home",
            home,
            "--chain-id",
            "wasm08-cli",
            "--account",
            "alice=1000stake",
            "--grpc-address",
            "127.0.0.1:0",
            "--rest-address",
            "127.0.0.1:0",
            "--block-interval",
            "PT0.2S");
    assertThat(init.exitCode()).as(init.err()).isZero();
    NodeHome h = new NodeHome(Path.of(home));
    GenesisDoc genesis = GenesisDoc.read(h.genesis());
    assertThat(genesis.chainId()).isEqualTo("wasm08-cli");
    assertThat(genesis.section("auth").orElseThrow().at("/accounts/0/address").asText())
        .isEqualTo(aliceAddr);
    assertThat(genesis.section("ibc")).isPresent();
    assertThat(genesis.section("08-wasm")).isPresent();
    assertThat(genesis.section("bank").orElseThrow().at("/balances/0/address").asText())
        .isEqualTo(aliceAddr);
    assertThat(genesis.section("bank").orElseThrow().at("/balances/0/coins/0/amount").asText())
        .isEqualTo("1000");
    assertThat(run("init", "n1", "--home", home, "--chain-id", "x").err())
        .contains("node home already initialized");

    String appHash;
    long height;
    try (Node node = NodeFactory.open(h, new Wasm08Modules(), Clock.systemUTC(), "test")) {
      node.start(false);
      node.produceBlock();
      node.produceBlock();
      String target = "127.0.0.1:" + node.grpcPort();
      Wasm08CliTest.Run status = run("status", "--node", target, "-o", "json");
      assertThat(status.exitCode()).as(status.err()).isZero();
      JsonNode s = new ObjectMapper().readTree(status.out());
      assertThat(s.get("chain_id").asText()).isEqualTo("wasm08-cli");
      assertThat(s.get("latest_block_height").asText()).isEqualTo("2");
      appHash = s.get("latest_app_hash").asText();
      height = 2;
      Wasm08CliTest.Run params =
          run("query", "ibc", "client", "params", "--node", target, "-o", "json");
      assertThat(params.exitCode()).as(params.err()).isZero();
      assertThat(new ObjectMapper().readTree(params.out()).at("/params/allowed_clients/0").asText())
          .isEqualTo("*");
      Wasm08CliTest.Run missing =
          run("query", "ibc", "client", "state", "08-wasm-0", "--node", target);
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("NOT_FOUND");
    }
    try (Node node = NodeFactory.open(h, new Wasm08Modules(), Clock.systemUTC(), "test")) {
      assertThat(node.app().lastHeight()).isEqualTo(height);
      assertThat(
              java.util.Base64.getEncoder()
                  .encodeToString(
                      node.lastBlock().orElseThrow().getHeader().getAppHash().toByteArray()))
          .isEqualTo(appHash);
      assertThat(node.produceBlock().getHeader().getHeight()).isEqualTo(3);
    }
  }
}
