package io.wasm08.node.cli;

import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.modules.Wasm08Modules;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code wasm08 start}: runs the node in the home directory until interrupted (SIGINT/SIGTERM):
 * loads or initialises the state, starts gRPC, REST and /metrics, and produces blocks.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Run the node (solo block producer, gRPC, REST, /metrics).")
public final class StartCommand implements Callable<Integer> {
  @Mixin HomeOptions home;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    NodeHome h = home.nodeHome();
    Node node =
        NodeFactory.open(h, new Wasm08Modules(), Clock.systemUTC(), VersionProvider.version());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                }));
    node.start(true);
    PrintWriter out = spec.commandLine().getOut();
    out.println("wasm08 node " + node.nodeId() + " on chain " + node.app().chainId());
    out.println("  height: " + node.app().lastHeight());
    out.println(
        "  gRPC:   127.0.0.1:" + node.grpcPort() + " (" + node.config().grpcAddress() + ")");
    out.println(
        "  REST:   "
            + node.config().restAddress().replaceAll(":\\d+$", "")
            + ":"
            + node.restPort()
            + " (/metrics)");
    out.println("  blocks every " + node.config().blockInterval());
    out.flush();
    stopped.await();
    return 0;
  }
}
