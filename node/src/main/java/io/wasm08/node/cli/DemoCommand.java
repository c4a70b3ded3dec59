package io.wasm08.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.crypto.HdKeys;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.demo.SoloMachineFlow;
import io.wasm08.node.keys.Mnemonics;
import io.wasm08.node.modules.Wasm08Modules;
import io.wasm08.wasm.solomachine.SoloMachineSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wasm08 demo}: on a fresh temporary node (RocksDB, solo producer, gRPC), stores the
 * repository's solo-machine light client through a governance proposal and a vote, creates a
 * client, updates it with a signed header and verifies a membership proof through the contract;
 * prints each step with its time, stops the node and deletes the home. Needs only a JDK.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run an 08-wasm light client end to end on a temporary node: store code by governance,"
            + " create, update, verify a membership.")
public final class DemoCommand implements Callable<Integer> {
  static final String CHAIN_ID = "wasm08-demo";
  static final String MEMBERSHIP_PATH = "wasm08-demo/greeting";

  @Option(names = "--keep", description = "Keep the node home instead of deleting it")
  boolean keep;

  @Option(
      names = "--voting-period",
      defaultValue = "PT2S",
      description = "The demo chain's governance voting period (default: ${DEFAULT-VALUE})")
  Duration votingPeriod;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: json or text (default: ${DEFAULT-VALUE})")
  Output output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private PrintWriter out;
  private final ArrayNode steps = new ObjectMapper().createArrayNode();
  private int step;
  private static final int STEPS = 8;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    long start = System.nanoTime();
    Path root = Files.createTempDirectory("wasm08-demo-");
    SecureRandom random = new SecureRandom();
    Secp256k1PrivateKey operator =
        HdKeys.fromMnemonic(Mnemonics.generate(random), "", HdPath.cosmos(0));
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    SoloMachineSigner solo = SoloMachineSigner.fromSeed(Bytes.wrapOwned(seed));
    Bytes wasm = SoloMachineFlow.contract();
    text("wasm08 demo: an 08-wasm light client on a fresh Java chain node");
    NodeHome home = new NodeHome(root.resolve("home"));
    String operatorAddress = operator.publicKey().address().toBech32("cosmos");
    run(
        "init",
        () -> {
          init(home, operatorAddress);
          return "chain " + CHAIN_ID + " in " + home.root() + ", operator " + operatorAddress;
        });
    Node node =
        run(
            "start",
            () -> {
              Node n =
                  NodeFactory.open(
                      home, new Wasm08Modules(), Clock.systemUTC(), VersionProvider.version());
              n.start(true);
              return n;
            },
            n ->
                "gRPC 127.0.0.1:"
                    + n.grpcPort()
                    + ", REST 127.0.0.1:"
                    + n.restPort()
                    + ", a block every "
                    + n.config().blockInterval().toMillis()
                    + " ms");
    boolean verified;
    try (NodeClient client = NodeClient.connect("127.0.0.1:" + node.grpcPort())) {
      SoloMachineFlow flow =
          new SoloMachineFlow(client, operator, solo, "wasm08-demo", Duration.ofSeconds(60));
      long id =
          run(
              "submit store-code proposal",
              () ->
                  flow.submitStoreCode(
                      wasm, Coin.newBuilder().setDenom("stake").setAmount("1000").build()),
              i ->
                  "proposal "
                      + i
                      + ": MsgStoreCode(solo_machine_client.wasm, "
                      + wasm.size()
                      + " bytes), signer = gov module account");
      Proposal passed =
          run(
              "vote yes, wait for the tally",
              () -> {
                flow.voteYes(id);
                return flow.awaitProposal(id, t -> {});
              },
              p ->
                  p.getStatus().name().replace("PROPOSAL_STATUS_", "")
                      + (p.getFailedReason().isEmpty() ? "" : ": " + p.getFailedReason())
                      + ", checksum "
                      + flow.checksum().toHex());
      if (passed.getStatus() != ProposalStatus.PROPOSAL_STATUS_PASSED) {
        throw NodeErrorCode.TX_FAILED.wrap("the store-code proposal did not pass");
      }
      long t0 = System.currentTimeMillis() * 1_000_000L;
      run(
          "create client",
          () -> flow.createClient(t0),
          id2 -> id2 + " (solo machine, ed25519 key, height " + flow.latestHeight() + ")");
      run(
          "update client",
          () -> flow.updateClient(t0 + 1),
          (Height h) -> flow.clientId() + " at height " + h + " after a signed header");
      Bytes value = Bytes.ofUtf8("hello from a solo machine");
      verified =
          run(
              "verify membership",
              () -> {
                boolean ok = flow.verifyMembership(MEMBERSHIP_PATH, value, value, t0 + 2);
                boolean forged =
                    flow.verifyMembership(MEMBERSHIP_PATH, Bytes.ofUtf8("forged"), value, t0 + 2);
                if (forged) {
                  throw NodeErrorCode.INVALID_DATA.wrap("a proof over another value verified");
                }
                return ok;
              },
              ok ->
                  "\""
                      + value.toUtf8()
                      + "\" at ibc/"
                      + MEMBERSHIP_PATH
                      + ": "
                      + (ok ? "verified" : "NOT verified")
                      + " (a forged value is refused)");
    } finally {
      run(
          "stop",
          () -> {
            node.close();
            if (!keep) {
              delete(root);
            }
            return keep ? "home kept at " + home.root() : "temporary home deleted";
          });
    }
    long total = (System.nanoTime() - start) / 1_000_000;
    if (output == Output.JSON) {
      ObjectNode summary = new ObjectMapper().createObjectNode();
      summary.put("verified", verified);
      summary.put("total_ms", total);
      summary.set("steps", steps);
      out.println(summary.toPrettyString());
    } else {
      text(String.format("done in %.1f s", total / 1000.0));
    }
    out.flush();
    return verified ? 0 : 1;
  }

  private void init(NodeHome home, String operator) {
    StringWriter sink = new StringWriter();
    CommandLine init = new CommandLine(new InitCommand());
    init.setOut(new PrintWriter(sink));
    init.setErr(new PrintWriter(sink));
    int code =
        init.execute(
            "demo",
            "--home",
            home.root().toString(),
            "--chain-id",
            CHAIN_ID,
            "--account",
            operator + "=1000000000stake",
            "--voter",
            operator + "=100",
            "--voting-period",
            votingPeriod.toString(),
            "--expedited-voting-period",
            votingPeriod.dividedBy(2).toString(),
            "--min-deposit",
            "1000stake",
            "--grpc-address",
            "127.0.0.1:0",
            "--rest-address",
            "127.0.0.1:0",
            "--block-interval",
            "PT0.2S");
    if (code != 0) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("init failed: " + sink);
    }
  }

  private <T> T run(String name, Supplier<T> body, java.util.function.Function<T, String> detail) {
    step++;
    long start = System.nanoTime();
    T result = body.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String text = detail.apply(result);
    ObjectNode s = steps.addObject();
    s.put("step", name);
    s.put("ms", millis);
    s.put("detail", text);
    text(String.format("[%d/%d] %-30s %6d ms  %s", step, STEPS, name, millis, text));
    return result;
  }

  private String run(String name, Supplier<String> body) {
    return run(name, body, s -> s);
  }

  private void text(String line) {
    if (output == Output.TEXT) {
      out.println(line);
      out.flush();
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
