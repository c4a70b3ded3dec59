package io.wasm08.node.testing;

import io.wasm08.node.client.NodeClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wasm08 start} in a child JVM (the test's classpath, the launcher's JVM flags), so tests
 * talk to the node over a real socket and can stop (SIGTERM) or kill (SIGKILL) it.
 */
public final class ChildNode implements AutoCloseable {
  private static final Pattern GRPC = Pattern.compile("gRPC:\\s+127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path log;
  private final int grpcPort;

  private ChildNode(Process process, Path log, int grpcPort) {
    this.process = process;
    this.log = log;
    this.grpcPort = grpcPort;
  }

  public static ChildNode start(Path home, Path log) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of("-Xss16m", "-XX:-DontCompileHugeMethods", "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
    cmd.add("io.wasm08.node.cli.Wasm08Cli");
    cmd.addAll(List.of("start", "--home", home.toString()));
    long offset = Files.exists(log) ? Files.size(log) : 0;
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "node exited with " + p.exitValue() + ":\n" + Files.readString(log));
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      Matcher m = GRPC.matcher(text.substring((int) Math.min(offset, text.length())));
      if (m.find()) {
        ChildNode node = new ChildNode(p, log, Integer.parseInt(m.group(1)));
        // Queries are answered from the first committed block on.
        try (NodeClient c = NodeClient.connect(node.target())) {
          c.waitForHeight(1, Duration.ofSeconds(30));
        }
        return node;
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException("node did not start:\n" + Files.readString(log));
  }

  public String target() {
    return "127.0.0.1:" + grpcPort;
  }

  public Path log() {
    return log;
  }

  /** SIGTERM: the node closes its stores and exits. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
