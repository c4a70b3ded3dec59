package io.wasm08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's commands stay true: CI runs exactly the documented test command. */
class ReadmeCommandsTest {
  private static final Path ROOT = SharedFixtures.get().projectRoot();

  static List<String> shellBlocks(String markdown) {
    Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    return m.results().map(r -> r.group(1).strip()).toList();
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    List<String> blocks = shellBlocks(Files.readString(ROOT.resolve("README.md")));
    assertThat(blocks)
        .as("README's two commands: build + run, then the tests")
        .hasSizeGreaterThanOrEqualTo(2);
    String testCommand = blocks.get(1);
    List<String> ciLines =
        Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip).toList();
    assertThat(ciLines).contains(testCommand);
  }

  @Test
  void theFirstCommandIsARegisteredWasm08Subcommand() throws IOException {
    String first = shellBlocks(Files.readString(ROOT.resolve("README.md"))).get(0);
    assertThat(first).startsWith("bin/wasm08 ");
    String subcommand = first.substring("bin/wasm08 ".length()).split(" ")[0];
    assertThat(io.wasm08.node.cli.Wasm08Cli.commandLine().getSubcommands()).containsKey(subcommand);
  }

  /** Getting started opens with README's two commands, in the same order. */
  @Test
  void gettingStartedOpensWithTheReadmeCommands() throws IOException {
    List<String> readme = shellBlocks(Files.readString(ROOT.resolve("README.md")));
    List<String> guide = shellBlocks(Files.readString(ROOT.resolve("docs/getting-started.md")));
    assertThat(guide.subList(0, 2)).isEqualTo(readme.subList(0, 2));
  }

  @Test
  void readmeLinksResolve() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher links = Pattern.compile("\\]\\(((?!https?:)[^)#]+)\\)").matcher(readme);
    List<String> targets = links.results().map(r -> r.group(1)).toList();
    assertThat(targets).isNotEmpty();
    for (String target : targets) {
      assertThat(ROOT.resolve(target)).as("README link " + target).exists();
    }
  }

  @Test
  void architectureDocNamesEveryModule() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
    for (String module : modules.results().map(r -> r.group(1)).toList()) {
      assertThat(doc).as("docs/architecture.md mentions " + module).contains("`" + module + "`");
    }
  }
}
