package io.wasm08.node.cli;

import io.wasm08.node.keys.Keyring;
import io.wasm08.relayer.relay.ClientStatus;
import io.wasm08.relayer.relay.KeyResolver;
import io.wasm08.relayer.relay.Relayer;
import io.wasm08.relayer.relay.RelayerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wasm08 relayer start --config FILE}: the relayer-bridge relay loop (source CometBFT RPC →
 * verified light blocks → MsgUpdateClient on this node over gRPC). A {@code key.keyring} name in
 * the configuration is resolved from this node's keyring ({@code --home}).
 */
@Command(
    name = "relayer",
    mixinStandardHelpOptions = true,
    description = "Relay a source chain's headers to 08-wasm clients.",
    subcommands = {RelayerCommand.Start.class})
public final class RelayerCommand extends CommandGroup {
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Relay until stopped (SIGINT/SIGTERM finish in-flight updates), or once with --once.")
  static final class Start implements Callable<Integer> {
    @Mixin HomeOptions home;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description = "Relayer configuration (JSON, or YAML for .yaml/.yml)")
    Path config;

    @Option(
        names = "--once",
        description = "Update every client once, print their status and exit (1 if any failed)")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
      RelayerConfig cfg = RelayerConfig.load(config);
      KeyResolver keys =
          name ->
              Keyring.open(home.nodeHome().keyring())
                  .privateKey(name, KeysCommand.passphrase(home, false));
      PrintWriter out = spec.commandLine().getOut();
      Relayer relayer = Relayer.create(cfg, keys, InstantSource.system());
      if (once) {
        try (relayer) {
          List<ClientStatus> statuses = relayer.stepOnce();
          statuses.forEach(s -> out.println(line(s)));
          out.flush();
          return statuses.stream().allMatch(ClientStatus::healthy) ? 0 : 1;
        }
      }
      Runtime.getRuntime().addShutdownHook(new Thread(relayer::close));
      relayer.start();
      out.println(
          "wasm08 relayer: " + cfg.clients().size() + " client(s) → " + cfg.destination().grpc());
      relayer
          .healthUri()
          .ifPresent(u -> out.println("  health: " + u + "/health, " + u + "/metrics"));
      relayer.executorPort().ifPresent(p -> out.println("  update executor service: port " + p));
      out.flush();
      relayer.awaitStop();
      return 0;
    }

    static String line(ClientStatus s) {
      return s.clientId()
          + " "
          + s.state()
          + " source="
          + s.sourceHeight()
          + " client="
          + s.clientHeight()
          + s.lastFailureReason().map(r -> " " + r + ": " + s.lastFailure().orElse("")).orElse("");
    }
  }
}
