package io.wasm08.node.cli;

import io.wasm08.node.client.NodeClient;
import picocli.CommandLine.Option;

/** Options of every command that talks to a node. */
final class ClientOptions {
  @Option(
      names = "--node",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:9090",
      description = "gRPC address of the node (default: ${DEFAULT-VALUE})")
  String node;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: json or text (default: ${DEFAULT-VALUE})")
  Output output;

  NodeClient connect() {
    return NodeClient.connect(node);
  }
}
