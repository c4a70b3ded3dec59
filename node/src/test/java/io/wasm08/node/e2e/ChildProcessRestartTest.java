package io.wasm08.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.cli.Wasm08Cli;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.testing.ChildNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasm08.node.v1.NodeGrpc;
import wasm08.node.v1.NodeOuterClass.Block;
import wasm08.node.v1.NodeOuterClass.BlockRequest;

/**
 * The node as a child process: killed with SIGKILL at arbitrary points while producing blocks, it
 * restarts from its data directory with an unbroken chain (heights consecutive, each header linked
 * to its parent, no height lost that a client had seen).
 */
class ChildProcessRestartTest {
  @TempDir Path dir;

  @Test
  void survivesKillsAndRestarts() throws Exception {
    Path home = dir.resolve("home");
    StringWriter err = new StringWriter();
    var cli = Wasm08Cli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    int code =
        cli.execute(
            "init",
            "child",
            "--home",
            home.toString(),
            "--chain-id",
            "wasm08-child",
            "--grpc-address",
            "127.0.0.1:0",
            "--rest-address",
            "127.0.0.1:0",
            "--block-interval",
            "PT0.05S");
    assertThat(code).as(err.toString()).isZero();
    Path log = dir.resolve("node.log");
    long seen = 0;
    for (int round = 0; round < 3; round++) {
      ChildNode node = ChildNode.start(home, log);
      try (NodeClient c = NodeClient.connect(node.target())) {
        long first = c.status().getLatestBlockHeight();
        assertThat(first).as("restart lost heights").isGreaterThanOrEqualTo(seen);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (c.status().getLatestBlockHeight() < first + 10 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        seen = c.status().getLatestBlockHeight();
        assertThat(seen).isGreaterThanOrEqualTo(first + 10);
      }
      node.kill();
    }
    ChildNode node = ChildNode.start(home, log);
    try (NodeClient c = NodeClient.connect(node.target())) {
      long latest = c.status().getLatestBlockHeight();
      assertThat(latest).isGreaterThanOrEqualTo(seen);
      var stub = NodeGrpc.newBlockingStub(c.channel());
      Block previous = null;
      for (long h = 1; h <= latest; h++) {
        Block b = stub.block(BlockRequest.newBuilder().setHeight(h).build()).getBlock();
        assertThat(b.getHeader().getHeight()).isEqualTo(h);
        if (previous != null) {
          ByteString parent =
              ByteString.copyFrom(
                  Hashes.sha256(Bytes.wrapOwned(previous.getHeader().toByteArray())).toByteArray());
          assertThat(b.getHeader().getLastBlockHash()).isEqualTo(parent);
          assertThat(
                  b.getHeader().getTime().getSeconds() * 1_000_000_000L
                      + b.getHeader().getTime().getNanos())
              .isGreaterThan(
                  previous.getHeader().getTime().getSeconds() * 1_000_000_000L
                      + previous.getHeader().getTime().getNanos());
        }
        previous = b;
      }
    } finally {
      assertThat(node.stop()).isIn(0, 143);
    }
  }
}
