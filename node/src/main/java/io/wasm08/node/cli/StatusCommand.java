package io.wasm08.node.cli;

import com.google.protobuf.Message;
import io.grpc.Channel;
import io.wasm08.node.client.NodeClient;
import picocli.CommandLine.Command;

/** {@code wasm08 status}: chain id, node id, latest height, time and app hash of a running node. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the status of a running node.")
public final class StatusCommand extends ProtoQuery {
  @Override
  Message query(NodeClient node, Channel channel) {
    return node.status();
  }
}
