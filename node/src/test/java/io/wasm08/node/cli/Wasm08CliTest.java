package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Wasm08CliTest {

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Wasm08Cli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpPrintsTheCommandTree() {
    Run run = run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: wasm08").contains("Commands:").contains("help");
  }

  @Test
  void versionNamesTheProjectVersionAndTheRuntime() {
    Run run = run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("wasm08 \\d+\\.\\d+\\.\\d+")
        .contains("chicory 1.7.5")
        .contains("java " + Runtime.version().feature());
  }

  @Test
  void missingSubcommandIsAUsageError() {
    Run run = run();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required subcommand").contains("Usage: wasm08");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run run = run("--no-such-option");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option");
  }
}
