package io.wasm08.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wasm08 vm …}: tools around the CosmWasm VM on Chicory. */
@Command(
    name = "vm",
    mixinStandardHelpOptions = true,
    description = "CosmWasm VM tools (Chicory engine).",
    subcommands = {VmCallCommand.class, InstrumentCommand.class})
public final class VmCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
