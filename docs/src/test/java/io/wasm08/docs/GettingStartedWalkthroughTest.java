package io.wasm08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import ibc.lightclients.wasm.v1.ConsensusState;
import ibc.lightclients.wasm.v1.WasmProto;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.cli.VersionProvider;
import io.wasm08.node.cli.Wasm08Cli;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.modules.Wasm08Modules;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.solomachine.SoloMachineClientState;
import io.wasm08.wasm.solomachine.SoloMachineSigner;
import io.wasm08.wasm.types.WasmClientState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Section 5 of docs/getting-started.md ("Store a contract through governance, step by step"), run
 * in-process through {@link Wasm08Cli#commandLine()} in the documented order with the documented
 * arguments; only {@code --home}, {@code --keyring-passphrase-file} and {@code --node} are appended
 * where a command needs them. {@code DocsCommandsTest.MIRRORED} points each of the section's
 * commands here, and checks that this source holds every argument as written (the placeholders
 * {@code CLIENT_STATE} and {@code CONSENSUS_STATE} are filled with real JSON {@code Any}s below).
 *
 * <p>{@code wasm08 start} blocks until a signal, so it is replaced by what {@code StartCommand}
 * does — {@link NodeFactory#open} on the home, then {@code start(true)} — after moving gRPC and
 * REST from the documented 9090/1317 to free ports in {@code config/node.json} (the machine runs
 * other nodes in parallel); {@code ChildNode} in the node's tests runs {@code wasm08 start} itself.
 */
class GettingStartedWalkthroughTest {
  private static final Path ROOT = SharedFixtures.get().projectRoot();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFormat.Printer ANY_JSON =
      JsonFormat.printer()
          .usingTypeRegistry(
              JsonFormat.TypeRegistry.newBuilder()
                  .add(WasmProto.getDescriptor().getMessageTypes())
                  .build());

  @TempDir Path dir;
  private String home;
  private String pass;
  private String node;

  @Test
  void storesTheContractThroughGovernanceAndCreatesAClientFromIt() throws Exception {
    home = dir.resolve("home").toString();
    Path passFile = dir.resolve("passphrase");
    Files.writeString(passFile, "a long keyring passphrase\n");
    pass = passFile.toString();

    // 1. a key, a home with a genesis funding it and making it the electorate, the node
    ok(cli("keys", "add", "alice", "--home", home, "--keyring-passphrase-file", pass));
    ok(
        cli(
            "init",
            "mynode",
            "--chain-id",
            "wasm08-local",
            "--account",
            "alice=1000000000stake",
            "--voter",
            "alice=1",
            "--voting-period",
            "PT10S",
            "--min-deposit",
            "10000000stake",
            "--home",
            home));
    Path config = new NodeHome(Path.of(home)).nodeConfig();
    NodeConfig documented = NodeConfig.read(config);
    assertThat(documented.grpcAddress()).isEqualTo("127.0.0.1:9090");
    assertThat(documented.restAddress()).isEqualTo("127.0.0.1:1317");
    assertThat(documented.blockInterval()).isEqualTo(Duration.ofSeconds(1));
    documented.withAddresses("127.0.0.1:0", "127.0.0.1:0").write(config);
    try (Node running = start(Path.of(home))) {
      node = "127.0.0.1:" + running.grpcPort();
      walkthrough();
    }
  }

  private void walkthrough() throws IOException, InterruptedException {
    Path contract = ROOT.resolve("examples/solo-machine-client/solo_machine_client.wasm");
    Bytes wasm = Bytes.wrapOwned(Files.readAllBytes(contract));
    String checksum = Hashes.sha256(wasm).toHex();

    // 2. check the contract as the chain will
    Run check = ok(cli("check", contract.toString(), "--capabilities", "iterator"));
    assertThat(check.out()).contains(checksum);

    // 3. propose storing it
    Run submit =
        ok(
            tx(
                "tx",
                "ibc-wasm",
                "store-code",
                resolve("examples/solo-machine-client/solo_machine_client.wasm"),
                "--title",
                "solo machine client",
                "--summary",
                "08-wasm light client",
                "--deposit",
                "10000000stake",
                "--from",
                "alice"));
    assertThat(submit.err()).contains("proposal 1 submitted");
    assertThat(query("query", "ibc-wasm", "checksums").out())
        .as("nothing is stored before the proposal passes")
        .doesNotContain(checksum);

    // 4. vote, and follow the proposal until the EndBlocker has tallied and executed it
    ok(tx("tx", "gov", "vote", "1", "yes", "--from", "alice"));
    Run proposal = ok(query("query", "gov", "proposal", "1"));
    assertThat(proposal.out()).contains("PROPOSAL_STATUS_VOTING_PERIOD");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String status;
    do {
      Thread.sleep(500);
      proposal = ok(query("query", "gov", "proposal", "1", "-o", "json"));
      status = JSON.readTree(proposal.out()).path("proposal").path("status").asText();
    } while (status.equals("PROPOSAL_STATUS_VOTING_PERIOD") && System.nanoTime() < deadline);
    assertThat(status).as(proposal.out()).isEqualTo("PROPOSAL_STATUS_PASSED");

    // 5. the checksum is stored; a client may reference it
    Run checksums = ok(query("query", "ibc-wasm", "checksums"));
    assertThat(checksums.out()).contains(checksum);
    String[] states = clientAndConsensusState(Bytes.fromHex(checksum));
    String clientState = states[0];
    String consensusState = states[1];
    Run create =
        ok(tx("tx", "ibc", "client", "create", clientState, consensusState, "--from", "alice"));
    assertThat(create.out()).contains("08-wasm-0");

    Run clientStatus = ok(query("query", "ibc", "client", "status", "08-wasm-0", "-o", "json"));
    assertThat(JSON.readTree(clientStatus.out()).path("status").asText()).isEqualTo("Active");
    Run stored = ok(query("query", "ibc", "client", "state", "08-wasm-0", "-o", "json"));
    JsonNode any = JSON.readTree(stored.out()).path("client_state");
    assertThat(any.path("@type").asText()).isEqualTo("/ibc.lightclients.wasm.v1.ClientState");
    assertThat(Bytes.wrapOwned(java.util.Base64.getDecoder().decode(any.path("checksum").asText())))
        .isEqualTo(Bytes.fromHex(checksum));
    assertThat(any.path("latest_height").path("revision_height").asText()).isEqualTo("1");
  }

  /**
   * The documented {@code CLIENT_STATE} and {@code CONSENSUS_STATE}: an 08-wasm client state
   * referencing {@code checksum} whose data is a solo machine's client state at sequence 1 (08-wasm
   * height 0-1), and the 08-wasm consensus state around its consensus state — protobuf JSON {@code
   * Any}s, as the CLI parses them.
   */
  private static String[] clientAndConsensusState(Bytes checksum)
      throws InvalidProtocolBufferException {
    SoloMachineSigner solo = SoloMachineSigner.fromSeed(Bytes.fromHex("11".repeat(32)));
    long timestampNanos = System.currentTimeMillis() * 1_000_000L;
    SoloMachineClientState state = solo.initialClientState("getting-started", timestampNanos);
    WasmClientState client =
        new WasmClientState(state.toData(), checksum, Height.of(0, state.latestHeight()));
    Message consensus =
        ConsensusState.newBuilder()
            .setData(ByteString.copyFrom(state.consensusState().toData().toByteArray()))
            .build();
    return new String[] {
      ANY_JSON.print(AnyCodec.pack(client.toProto())), ANY_JSON.print(AnyCodec.pack(consensus))
    };
  }

  /** What {@code wasm08 start} does, until the first block is committed (queries need one). */
  private static Node start(Path home) throws InterruptedException {
    Node n =
        NodeFactory.open(
            new NodeHome(home), new Wasm08Modules(), Clock.systemUTC(), VersionProvider.version());
    try {
      n.start(true);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (n.lastBlock().isEmpty()) {
        assertThat(System.nanoTime()).as("no block after 30 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      return n;
    } catch (RuntimeException | InterruptedException | AssertionError e) {
      n.close();
      throw e;
    }
  }

  private static String resolve(String relative) {
    return ROOT.resolve(relative).toString();
  }

  /** A tx command: the keyring's home and passphrase, and the node's gRPC address appended. */
  private Run tx(String... args) {
    return cli(with(args, "--home", home, "--keyring-passphrase-file", pass, "--node", node));
  }

  private Run query(String... args) {
    return cli(with(args, "--node", node));
  }

  private static String[] with(String[] args, String... extra) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  record Run(String line, int exitCode, String out, String err) {}

  private static Run cli(String... args) {
    CommandLine cli = Wasm08Cli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(String.join(" ", args), code, out.toString(), err.toString());
  }

  private static Run ok(Run run) {
    assertThat(run.exitCode()).as(run.line() + "\n" + run.out() + run.err()).isZero();
    return run;
  }
}
