package io.wasm08.node.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import ibc.core.client.v1.QueryGrpc;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.tx.SignedTx;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.config.NodeKey;
import io.wasm08.node.modules.IbcClientModule;
import io.wasm08.node.modules.Wasm08Modules;
import io.wasm08.node.testing.LoadClient;
import io.wasm08.node.testing.TestChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasm08.node.v1.NodeGrpc;
import wasm08.node.v1.NodeOuterClass.BlockRequest;
import wasm08.testing.node.v1.LoadClientProto.LoadClientState;
import wasm08.testing.node.v1.LoadClientProto.LoadConsensusState;
import wasm08.testing.node.v1.LoadClientProto.LoadHeader;

/**
 * Load test (profile {@code load}: {@code ./mvnw -Pload verify -pl node -am}): N relayers, each
 * with its own account and client, broadcast MsgUpdateClient txs over real loopback gRPC for a
 * fixed time (pipelined, sequences tracked locally), while the solo producer makes blocks on
 * RocksDB. Then: every accepted tx committed exactly once with code 0, no tx in two blocks, each
 * client's latest height equal to its number of accepted updates, the node healthy. Prints
 * throughput and latency percentiles (broadcast → seen committed, polled every 25 ms).
 */
@Tag("load")
class NodeLoadTest {
  @TempDir Path dir;

  static final int CLIENTS = Integer.getInteger("load.clients", 8);
  static final int SECONDS = Integer.getInteger("load.seconds", 60);
  static final int IN_FLIGHT = Integer.getInteger("load.inflight", 40);

  record Sent(String hash, long sentNanos) {}

  @Test
  void concurrentRelayersBroadcastingUpdates() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    NodeConfig config =
        NodeConfig.defaults("load")
            .withAddresses("127.0.0.1:0", "127.0.0.1:0")
            .withBlockInterval(Duration.ofMillis(Integer.getInteger("load.blockMillis", 500)));
    config.write(home.nodeConfig());
    TestChain.genesis(CLIENTS).write(home.genesis());
    NodeKey.generate(new SecureRandom()).write(home.nodeKey());
    NodeFactory.Modules modules =
        setup ->
            List.<NodeModule>of(lc(new IbcClientModule(Wasm08Modules.govAuthority(setup.codec()))));
    Map<String, Long> accepted = new ConcurrentHashMap<>();
    Map<String, Long> committedAt = new ConcurrentHashMap<>();
    AtomicLong rejected = new AtomicLong();
    Set<String> outstanding = ConcurrentHashMap.newKeySet();
    try (Node node = NodeFactory.open(home, modules, Clock.systemUTC(), "load")) {
      node.start(true);
      String target = "127.0.0.1:" + node.grpcPort();
      List<String> clientIds = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        try (NodeClient c = NodeClient.connect(target)) {
          MsgCreateClient create =
              MsgCreateClient.newBuilder()
                  .setClientState(
                      AnyCodec.pack(LoadClientState.newBuilder().setLatestHeight(1).build()))
                  .setConsensusState(
                      AnyCodec.pack(LoadConsensusState.newBuilder().setTimestamp(1).build()))
                  .setSigner(TestChain.address(i))
                  .build();
          TxResponse r =
              c.submit(List.of(create), TestChain.key(i), 300_000, Duration.ofSeconds(30), t -> {});
          assertThat(r.getCode()).as(r.getRawLog()).isZero();
          clientIds.add(
              r.getEventsList().stream()
                  .filter(e -> e.getType().equals("create_client"))
                  .findFirst()
                  .orElseThrow()
                  .getAttributesList()
                  .stream()
                  .filter(a -> a.getKey().equals("client_id"))
                  .findFirst()
                  .orElseThrow()
                  .getValue());
        }
      }

      long start = System.nanoTime();
      long end = start + Duration.ofSeconds(SECONDS).toNanos();
      List<Thread> relayers = new ArrayList<>();
      Map<Integer, Long> updatesPerClient = new ConcurrentHashMap<>();
      for (int i = 0; i < CLIENTS; i++) {
        int idx = i;
        relayers.add(
            Thread.ofPlatform()
                .name("relayer-" + i)
                .start(
                    () -> {
                      try (NodeClient c = NodeClient.connect(target)) {
                        Secp256k1PrivateKey key = TestChain.key(idx);
                        var account = c.account(TestChain.address(idx)).orElseThrow();
                        long seq = account.getSequence();
                        long height = 1;
                        List<String> mine = new ArrayList<>();
                        while (System.nanoTime() < end) {
                          mine.removeIf(h -> !outstanding.contains(h));
                          if (mine.size() >= IN_FLIGHT) {
                            Thread.sleep(5);
                            continue;
                          }
                          MsgUpdateClient update =
                              MsgUpdateClient.newBuilder()
                                  .setClientId(clientIds.get(idx))
                                  .setClientMessage(
                                      AnyCodec.pack(
                                          LoadHeader.newBuilder()
                                              .setHeight(height + 1)
                                              .setTimestamp(height + 1)
                                              .build()))
                                  .setSigner(TestChain.address(idx))
                                  .build();
                          SignedTx tx =
                              c.sign(
                                  List.of(update),
                                  key,
                                  account.getAccountNumber(),
                                  seq,
                                  200_000,
                                  "");
                          long sent = System.nanoTime();
                          TxResponse r = c.broadcast(tx.txBytes());
                          if (r.getCode() == 0) {
                            accepted.put(r.getTxhash(), sent);
                            outstanding.add(r.getTxhash());
                            mine.add(r.getTxhash());
                            seq++;
                            height++;
                            updatesPerClient.merge(idx, 1L, Long::sum);
                          } else {
                            rejected.incrementAndGet();
                            Thread.sleep(20);
                          }
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
      }
      // Follows the chain block by block (one Block call per new height), so polling costs the
      // node almost nothing; commit is observed within ~25 ms of the block.
      Thread poller =
          Thread.ofPlatform()
              .name("poller")
              .start(
                  () -> {
                    ManagedChannel pch =
                        NettyChannelBuilder.forTarget(target)
                            .usePlaintext()
                            .maxInboundMessageSize(64 << 20)
                            .build();
                    try {
                      var stub = NodeGrpc.newBlockingStub(pch);
                      long next = node.app().lastHeight() + 1;
                      while (!Thread.currentThread().isInterrupted()) {
                        long latest =
                            stub.status(
                                    wasm08.node.v1.NodeOuterClass.StatusRequest
                                        .getDefaultInstance())
                                .getLatestBlockHeight();
                        long now = System.nanoTime();
                        for (; next <= latest; next++) {
                          for (var raw :
                              stub.block(BlockRequest.newBuilder().setHeight(next).build())
                                  .getBlock()
                                  .getTxsList()) {
                            String h =
                                io.wasm08.core.tx.TxHash.of(
                                    io.wasm08.common.Bytes.of(raw.toByteArray()));
                            if (outstanding.remove(h)) {
                              committedAt.put(h, now);
                            }
                          }
                        }
                        Thread.sleep(25);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } finally {
                      pch.shutdownNow();
                    }
                  });
      for (Thread t : relayers) {
        t.join();
      }
      long drainStart = System.nanoTime();
      while (!outstanding.isEmpty()
          && System.nanoTime() - drainStart < Duration.ofSeconds(60).toNanos()) {
        Thread.sleep(50);
      }
      poller.interrupt();
      poller.join();
      double runSeconds =
          (committedAt.values().stream().mapToLong(Long::longValue).max().orElse(start) - start)
              / 1e9;

      assertThat(outstanding).as("accepted txs never committed").isEmpty();
      // Every committed tx succeeded and appears in exactly one block.
      ManagedChannel ch =
          NettyChannelBuilder.forTarget(target)
              .usePlaintext()
              .maxInboundMessageSize(64 << 20)
              .build();
      try (NodeClient c = NodeClient.forChannel(ch)) {
        Map<String, Integer> seen = new HashMap<>();
        long height = node.app().lastHeight();
        long txsInBlocks = 0;
        for (long h = 1; h <= height; h++) {
          var block =
              NodeGrpc.newBlockingStub(ch)
                  .block(BlockRequest.newBuilder().setHeight(h).build())
                  .getBlock();
          for (var raw : block.getTxsList()) {
            seen.merge(
                io.wasm08.core.tx.TxHash.of(io.wasm08.common.Bytes.of(raw.toByteArray())),
                1,
                Integer::sum);
            txsInBlocks++;
          }
        }
        assertThat(seen.values()).as("a tx in two blocks").allMatch(n -> n == 1);
        assertThat(seen.keySet()).containsAll(accepted.keySet());
        long failed = 0;
        for (String h : accepted.keySet()) {
          if (c.getTx(h).orElseThrow().getCode() != 0) {
            failed++;
          }
        }
        assertThat(failed).as("committed with an error").isZero();
        for (int i = 0; i < CLIENTS; i++) {
          Any cs =
              QueryGrpc.newBlockingStub(ch)
                  .clientState(
                      QueryClientStateRequest.newBuilder().setClientId(clientIds.get(i)).build())
                  .getClientState();
          assertThat(cs.unpack(LoadClientState.class).getLatestHeight())
              .isEqualTo(1 + updatesPerClient.getOrDefault(i, 0L));
        }
        assertThat(
                HealthGrpc.newBlockingStub(ch)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus())
            .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(node.halted()).isFalse();

        List<Long> latencies = new ArrayList<>();
        accepted.forEach((h, sent) -> latencies.add((committedAt.get(h) - sent) / 1_000_000));
        Collections.sort(latencies);
        String report =
            String.format(
                "load: %d relayers, %d s, block interval %s, in-flight ≤ %d per relayer%n"
                    + "  accepted %d, rejected at check %d, committed %d (%d in blocks), lost 0, duplicated 0%n"
                    + "  throughput %.1f tx/s over %.1f s; %d blocks, %.1f tx/block%n"
                    + "  latency broadcast→committed ms: p50 %d, p90 %d, p99 %d, max %d%n",
                CLIENTS,
                SECONDS,
                config.blockInterval(),
                IN_FLIGHT,
                accepted.size(),
                rejected.get(),
                committedAt.size(),
                txsInBlocks,
                committedAt.size() / runSeconds,
                runSeconds,
                height,
                (double) txsInBlocks / height,
                pct(latencies, 0.50),
                pct(latencies, 0.90),
                pct(latencies, 0.99),
                latencies.get(latencies.size() - 1));
        System.out.print(report);
        Files.writeString(Path.of("target", "load-report.txt"), report);
        assertThat(new HashSet<>(accepted.keySet())).hasSize(accepted.size());
      }
    }
  }

  static IbcClientModule lc(IbcClientModule ibc) {
    ibc.registerLightClientTypes(LoadClient::register);
    ibc.addLightClient(LoadClient.TYPE, new LoadClient(ibc.keeper().storeProvider()));
    LoadClient.types().forEach(ibc::describe);
    return ibc;
  }

  static long pct(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
