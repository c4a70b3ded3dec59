package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.demo.SoloMachineFlow;
import io.wasm08.node.modules.Wasm08Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tx ibc-wasm …}, {@code tx gov vote --wait} and {@code query ibc-wasm …} in-process against
 * a node on RocksDB with its block producer running: the store-code proposal passes after a vote,
 * the code is queryable (also written to a file), an unvoted remove-checksum proposal is rejected,
 * and malformed input is refused before anything is signed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WasmCliTest {
  @TempDir static Path dir;
  Path pass;
  String home;
  Node node;
  String target;
  Path contract;
  String checksum;

  @BeforeAll
  void start() throws Exception {
    pass = dir.resolve("pass");
    Files.writeString(pass, "a long passphrase\n");
    home = dir.resolve("home").toString();
    assertThat(
            run("keys", "add", "alice", "--home", home, "--keyring-passphrase-file", pass + "")
                .exitCode())
        .isZero();
    Wasm08CliTest.Run init =
        run(
            "init",
            "n1",
            "--home",
            home,
            "--chain-id",
            "wasm08-cli",
            "--account",
            "alice=1000000000stake",
            "--voter",
            "alice=10",
            "--voting-period",
            "PT1S",
            "--expedited-voting-period",
            "PT0.5S",
            "--min-deposit",
            "1000stake",
            "--grpc-address",
            "127.0.0.1:0",
            "--rest-address",
            "127.0.0.1:0",
            "--block-interval",
            "PT0.1S");
    assertThat(init.exitCode()).as(init.err()).isZero();
    node =
        NodeFactory.open(new NodeHome(Path.of(home)), new Wasm08Modules(), Clock.systemUTC(), "t");
    node.start(true);
    target = "127.0.0.1:" + node.grpcPort();
    Bytes wasm = SoloMachineFlow.contract();
    contract = dir.resolve("solo_machine_client.wasm");
    Files.write(contract, wasm.toByteArray());
    checksum = Hashes.sha256(wasm).toHex();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  Wasm08CliTest.Run run(String... args) {
    return Wasm08CliTest.run(args);
  }

  Wasm08CliTest.Run tx(String... args) {
    List<String> all = new ArrayList<>(List.of("tx"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--from",
            "alice",
            "--home",
            home,
            "--keyring-passphrase-file",
            pass.toString(),
            "--node",
            target));
    return run(all.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void storeCodeProposalPassesAfterAVoteAndTheCodeIsQueryable() throws Exception {
    Wasm08CliTest.Run submit =
        tx(
            "ibc-wasm",
            "store-code",
            contract.toString(),
            "--title",
            "store the solo machine",
            "--summary",
            "08-wasm code",
            "--deposit",
            "1000stake");
    assertThat(submit.exitCode()).as(submit.out() + submit.err()).isZero();
    assertThat(submit.err()).contains("proposal 1 submitted");
    assertThat(run("query", "ibc-wasm", "checksums", "--node", target, "-o", "json").out())
        .as("nothing stored before the vote")
        .doesNotContain(checksum);

    Wasm08CliTest.Run vote = tx("gov", "vote", "1", "yes", "--wait", "-o", "json");

    assertThat(vote.exitCode()).as(vote.out() + vote.err()).isZero();
    assertThat(vote.err()).contains("waiting for proposal 1 to pass").contains("proposal 1 passed");
    assertThat(vote.out()).contains("\"status\": \"PROPOSAL_STATUS_PASSED\"");
    Wasm08CliTest.Run checksums =
        run("query", "ibc-wasm", "checksums", "--node", target, "-o", "json");
    assertThat(checksums.exitCode()).as(checksums.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(checksums.out());
    assertThat(json.get("checksums").get(0).asText()).isEqualTo(checksum);
    assertThat(run("query", "ibc-wasm", "checksums", "--node", target).out())
        .contains("- " + checksum);

    Path out = dir.resolve("code.wasm");
    Wasm08CliTest.Run code =
        run("query", "ibc-wasm", "code", checksum, "--node", target, "--out", out.toString());
    assertThat(code.exitCode()).as(code.err()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(contract));
  }

  @Test
  @Order(2)
  void anUnvotedProposalIsRejectedAndWaitExitsNonZero() {
    Wasm08CliTest.Run remove =
        tx(
            "ibc-wasm",
            "remove-checksum",
            checksum,
            "--title",
            "remove",
            "--summary",
            "nobody votes",
            "--deposit",
            "1000stake",
            "--wait");

    assertThat(remove.exitCode()).as(remove.out() + remove.err()).isEqualTo(1);
    assertThat(remove.err()).contains("proposal 2 submitted").contains("proposal 2 rejected");
    assertThat(run("query", "ibc-wasm", "checksums", "--node", target, "-o", "json").out())
        .contains(checksum);
  }

  @Test
  @Order(3)
  void malformedInputIsRefusedBeforeSigning() throws Exception {
    Path empty = dir.resolve("empty.wasm");
    Files.write(empty, new byte[0]);
    Wasm08CliTest.Run store =
        tx("ibc-wasm", "store-code", empty.toString(), "--title", "t", "--summary", "s");
    assertThat(store.exitCode()).isEqualTo(1);
    assertThat(store.err()).contains("empty wasm code");

    Wasm08CliTest.Run migrate =
        tx(
            "ibc-wasm",
            "migrate-contract",
            "08-wasm-0",
            "abcd",
            "{}",
            "--title",
            "t",
            "--summary",
            "s");
    assertThat(migrate.exitCode()).isEqualTo(1);
    assertThat(migrate.err()).contains("expected length of 32 bytes, got 2");

    Wasm08CliTest.Run unknown = run("query", "ibc-wasm", "code", "00".repeat(32), "--node", target);
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("NOT_FOUND");
  }
}
