package io.wasm08.node.cli;

import picocli.CommandLine;

/**
 * A command that only groups subcommands. Run without one, it fails like a usage error, so picocli
 * prints the message and the usage (the command tree) and exits 2.
 */
abstract class CommandGroup implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
