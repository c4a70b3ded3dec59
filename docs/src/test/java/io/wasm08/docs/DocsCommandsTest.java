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
 * with the test that runs it, and that test must contain its arguments.
 */
class DocsCommandsTest {
  private static final Path ROOT = SharedFixtures.get().projectRoot();
  private static final String BIN = "bin/wasm08 ";

  /** Documented commands run by another test: the command → that test's source file. */
  static final Map<String, String> MIRRORED =
      Map.of(
          "bin/wasm08 conformance all --shared ../shared",
          "spec-tests/src/test/java/io/wasm08/spectests/cli/ConformanceAllTest.java");

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
   * Commands of the node that is being finished on another branch are shown in {@code console}
   * blocks (which no test runs) only in sections marked {@code <!-- node-pending -->}, and only
   * while this build lacks their subcommand: once it exists, this fails until the block becomes a
   * {@code sh} block that {@link #everyDocumentedCommandRuns} runs.
   */
  @Test
  void pendingNodeCommandsAreMarkedAndStillPending() throws IOException {
    CommandLine cli = Wasm08Cli.commandLine();
    for (Path file : markdownFiles()) {
      String name = ROOT.relativize(file).toString();
      for (String section : Files.readString(file).split("\n(?=## )")) {
        Matcher blocks = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL).matcher(section);
        if (section.contains("<!-- node-pending -->")) {
          assertThat(Pattern.compile("```console\\n\\s*" + BIN).matcher(section).find())
              .as(name + ": a node-pending section without pending commands: drop the marker")
              .isTrue();
        }
        while (blocks.find()) {
          for (String line : joinContinuations(blocks.group(1))) {
            if (!line.startsWith(BIN)) {
              continue;
            }
            assertThat(section)
                .as(name + ": '" + line + "' is in a console block outside a node-pending section")
                .contains("<!-- node-pending -->");
            String sub = split(line.substring(BIN.length())).getFirst();
            assertThat(cli.getSubcommands())
                .as(name + ": wasm08 " + sub + " exists now: make '" + line + "' a sh block")
                .doesNotContainKey(sub);
          }
        }
      }
    }
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
        if (!arg.startsWith("../")) {
          assertThat(source).as(mirror + " runs " + c.line()).contains("\"" + arg + "\"");
        }
      }
      return;
    }
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
