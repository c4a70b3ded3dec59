package io.wasm08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.node.cli.Wasm08Cli;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The commands in the docs stay true: every {@code bin/wasm08 …} line of a {@code sh} block in
 * README.md and docs/*.md runs in-process through {@link Wasm08Cli#commandLine()} — paths relative
 * to the project root resolved against it, {@code ../shared} ones skipped when the shared folder is
 * absent — and must exit 0 (or the status a trailing {@code # exit N} comment states). A command
 * too slow to run twice, or one that needs a running node, is instead named in {@link #MIRRORED}
 * with the test that runs it, and that test's source must contain each of its arguments as a string
 * literal ({@code "--from"}); an argument in capitals ({@code CLIENT_STATE}) is a placeholder the
 * reader supplies, which the mirroring test fills with a real value and must name. Mirrored
 * commands must be registered exactly: a command missing from the map is run here.
 */
class DocsCommandsTest {
  private static final Path ROOT = SharedFixtures.get().projectRoot();
  private static final String BIN = "bin/wasm08 ";

  private static final String WALKTHROUGH =
      "docs/src/test/java/io/wasm08/docs/GettingStartedWalkthroughTest.java";

  /** Documented commands run by another test: the command → that test's source file. */
  static final Map<String, String> MIRRORED =
      Map.ofEntries(
          Map.entry(
              "bin/wasm08 conformance all --shared ../shared",
              "spec-tests/src/test/java/io/wasm08/spectests/cli/ConformanceAllTest.java"),
          Map.entry(
              "bin/wasm08 demo", "node/src/test/java/io/wasm08/node/cli/DemoCommandTest.java"),
          // runs `wasm08 start` in a child JVM; the walkthrough opens the node in-process
          Map.entry("bin/wasm08 start", "node/src/test/java/io/wasm08/node/testing/ChildNode.java"),
          Map.entry(
              "bin/wasm08 relayer start --config relayer.yaml",
              "node/src/test/java/io/wasm08/node/cli/RelayerCommandTest.java"),
          Map.entry("bin/wasm08 keys add alice", WALKTHROUGH),
          Map.entry(
              "bin/wasm08 init mynode --chain-id wasm08-local --account alice=1000000000stake"
                  + " --voter alice=1 --voting-period PT10S --min-deposit 10000000stake",
              WALKTHROUGH),
          Map.entry(
              "bin/wasm08 tx ibc-wasm store-code examples/solo-machine-client/solo_machine_client.wasm"
                  + " --title \"solo machine client\" --summary \"08-wasm light client\""
                  + " --deposit 10000000stake --from alice",
              WALKTHROUGH),
          Map.entry("bin/wasm08 tx gov vote 1 yes --from alice", WALKTHROUGH),
          Map.entry("bin/wasm08 query gov proposal 1", WALKTHROUGH),
          Map.entry("bin/wasm08 query ibc-wasm checksums", WALKTHROUGH),
          Map.entry(
              "bin/wasm08 tx ibc client create CLIENT_STATE CONSENSUS_STATE --from alice",
              WALKTHROUGH));

  /**
   * Subcommands that read or write a node home or talk to a node: never run here, only mirrored.
   */
  private static final Set<String> NEEDS_A_NODE =
      Set.of("keys", "init", "start", "tx", "query", "status", "relayer");

  /** An argument in capitals ({@code CLIENT_STATE}): a value the reader supplies. */
  private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /** One documented command line and where it was found. */
  record Command(String file, String line, List<String> args, int expectedExit) {
    @Override
    public String toString() {
      return file + ": " + line;
    }
  }

  static List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  static List<Command> commands() throws IOException {
    List<Command> out = new ArrayList<>();
    for (Path file : markdownFiles()) {
      String name = ROOT.relativize(file).toString();
      for (String block : ReadmeCommandsTest.shellBlocks(Files.readString(file))) {
        for (String line : joinContinuations(block)) {
          if (!line.startsWith(BIN)) {
            continue;
          }
          int exit = 0;
          String command = line;
          Matcher m = Pattern.compile("\\s+#\\s*exit\\s+(\\d+)\\s*$").matcher(line);
          if (m.find()) {
            exit = Integer.parseInt(m.group(1));
            command = line.substring(0, m.start());
          }
          out.add(new Command(name, command, split(command.substring(BIN.length())), exit));
        }
      }
    }
    return out;
  }

  @Test
  void theDocsShowCommands() throws IOException {
    assertThat(commands())
        .as("bin/wasm08 commands in README.md and docs/")
        .hasSizeGreaterThanOrEqualTo(5);
  }

  /** A mirror outlives no command: each {@link #MIRRORED} key is a documented command line. */
  @Test
  void everyMirroredCommandIsDocumented() throws IOException {
    List<String> documented = commands().stream().map(Command::line).toList();
    assertThat(documented).containsAll(MIRRORED.keySet());
  }

  /** Every relative link of every doc resolves to a file or folder of the repository. */
  @Test
  void everyRelativeLinkResolves() throws IOException {
    Pattern link = Pattern.compile("\\]\\(((?!https?:|#)[^)#\\s]+)(#[^)]*)?\\)");
    int checked = 0;
    for (Path file : markdownFiles()) {
      Matcher m = link.matcher(Files.readString(file));
      while (m.find()) {
        Path target = file.getParent().resolve(m.group(1)).normalize();
        assertThat(target).as(ROOT.relativize(file) + " links " + m.group(1)).exists();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  /**
   * Every {@code bin/wasm08 …} line of the docs is in a {@code sh} block, where {@link
   * #everyDocumentedCommandRuns} runs it (or finds its mirror): a command shown in a {@code
   * console}, {@code text} or bare block would go untested.
   */
  @Test
  void wasm08CommandsAreOnlyInShBlocks() throws IOException {
    Pattern fenced = Pattern.compile("```(\\S*)\\n(.*?)```", Pattern.DOTALL);
    int blocks = 0;
    for (Path file : markdownFiles()) {
      String name = ROOT.relativize(file).toString();
      Matcher m = fenced.matcher(Files.readString(file));
      while (m.find()) {
        blocks++;
        if (m.group(1).equals("sh")) {
          continue;
        }
        for (String line : joinContinuations(m.group(2))) {
          assertThat(line)
              .as(name + ": a ```" + m.group(1) + " block shows a command: make it a sh block")
              .doesNotStartWith(BIN);
        }
      }
    }
    assertThat(blocks).as("fenced blocks in the docs").isGreaterThan(10);
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
    return commands().stream()
        .map(c -> DynamicTest.dynamicTest(c.toString(), () -> runOrFindMirror(c)));
  }

  private static void runOrFindMirror(Command c) throws IOException {
    String mirror = MIRRORED.get(c.line());
    if (mirror != null) {
      String source = Files.readString(ROOT.resolve(mirror));
      for (String arg : c.args()) {
        if (PLACEHOLDER.matcher(arg).matches()) {
          assertThat(source).as(mirror + " fills " + arg + " of " + c.line()).contains(arg);
        } else if (!arg.startsWith("../")) {
          assertThat(source).as(mirror + " runs " + c.line()).contains("\"" + arg + "\"");
        }
      }
      return;
    }
    assertThat(NEEDS_A_NODE)
        .as(
            c
                + ": uses a node home or a running node (here that would be ~/.wasm08 or"
                + " 127.0.0.1:9090): run it in a test with its own home and register it in MIRRORED")
        .doesNotContain(c.args().getFirst());
    List<String> args = new ArrayList<>();
    for (String arg : c.args()) {
      args.add(resolve(arg));
    }
    CommandLine cli = Wasm08Cli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args.toArray(String[]::new));
    assertThat(code).as(c + "\n" + out + err).isEqualTo(c.expectedExit());
  }

  /** A path argument as the docs mean it: relative to the project root (or the shared folder). */
  private static String resolve(String arg) {
    if (arg.equals("../shared") || arg.startsWith("../shared/")) {
      SharedFixtures shared = SharedFixtures.get();
      shared.assumePresent();
      return shared
          .sharedDir()
          .resolve(arg.substring("../shared".length()).replaceFirst("^/", ""))
          .toString();
    }
    if (!arg.startsWith("-") && !arg.isEmpty() && Files.exists(ROOT.resolve(arg))) {
      return ROOT.resolve(arg).toString();
    }
    return arg;
  }

  /** Lines of a shell block, with {@code \}-continued lines joined and blank/comment lines gone. */
  static List<String> joinContinuations(String block) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : block.split("\n")) {
      String line = raw.strip();
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String joined = current.toString().strip();
      current.setLength(0);
      if (!joined.isEmpty() && !joined.startsWith("#")) {
        lines.add(joined);
      }
    }
    return lines;
  }

  /** Splits like a POSIX shell for the simple quoting the docs use ('…' and "…"). */
  static List<String> split(String command) {
    List<String> args = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(command);
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return args;
  }
}
