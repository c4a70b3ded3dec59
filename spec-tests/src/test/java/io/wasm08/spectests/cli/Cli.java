package io.wasm08.spectests.cli;

import io.wasm08.node.cli.Wasm08Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code wasm08} in-process, as the node's CLI tests do. */
final class Cli {
  private Cli() {}

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    var cli = Wasm08Cli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
