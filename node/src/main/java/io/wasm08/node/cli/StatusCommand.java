package io.wasm08.node.cli;

import com.google.protobuf.util.JsonFormat;
import io.wasm08.node.client.NodeClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wasm08 status}: chain id, node id, latest height, time and app hash of a running node. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the status of a running node.")
public final class StatusCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (NodeClient c = client.connect()) {
      client.output.print(
          spec.commandLine().getOut(), c.status(), JsonFormat.TypeRegistry.getEmptyTypeRegistry());
    }
    return 0;
  }
}
