package io.wasm08.node.cli;

import com.google.protobuf.Message;
import io.grpc.Channel;
import io.wasm08.node.client.NodeClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A command that asks a running node one gRPC question and prints the answer (json or text). */
abstract class ProtoQuery implements Callable<Integer> {
  @Mixin ClientOptions client;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  abstract Message query(NodeClient node, Channel channel);

  @Override
  public Integer call() {
    try (NodeClient c = client.connect()) {
      client.output.print(spec.commandLine().getOut(), query(c, c.channel()), CliTypes.REGISTRY);
    }
    return 0;
  }
}
