package io.wasm08.node.cli;

import picocli.CommandLine.Command;

/** {@code wasm08 vm …}: tools around the CosmWasm VM on Chicory. */
@Command(
    name = "vm",
    mixinStandardHelpOptions = true,
    description = "CosmWasm VM tools (Chicory engine).",
    subcommands = {VmCallCommand.class, InstrumentCommand.class})
public final class VmCommand extends CommandGroup {}
