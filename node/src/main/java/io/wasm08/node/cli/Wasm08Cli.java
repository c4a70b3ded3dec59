package io.wasm08.node.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wasm08} command line: one binary, subcommands contributed by each module. */
@Command(
    name = "wasm08",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A pure-JVM host of IBC 08-wasm light clients.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      InitCommand.class,
      StartCommand.class,
      StatusCommand.class,
      KeysCommand.class,
      TxCommand.class,
      QueryCommand.class,
      CheckCommand.class,
      VmCommand.class,
      Ics23Command.class,
      RelayerCommand.class,
    })
public final class Wasm08Cli extends CommandGroup {
  /**
   * Builds the command line; tests call this to run commands in-process. Subcommands of modules
   * above the node ({@link ContributedCommand}) join when their jars are on the classpath.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Wasm08Cli());
    for (ContributedCommand command : ServiceLoader.load(ContributedCommand.class)) {
      cli.addSubcommand(command);
    }
    // After the contributed commands: picocli applies this to the subcommands present.
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Project errors (bad input, refused tx, unreachable node) are one line, not a stack trace.
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof io.wasm08.common.Wasm08Exception
              || e instanceof io.grpc.StatusRuntimeException) {
            cmd.getErr().println("Error: " + e.getMessage());
            cmd.getErr().flush();
            return 1;
          }
          throw e;
        });
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
