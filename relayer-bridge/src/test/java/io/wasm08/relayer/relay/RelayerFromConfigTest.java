package io.wasm08.relayer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relayer as the CLI starts it — everything from a YAML file (mnemonic file key, source RPC,
 * destination gRPC, health port) — relays, reports, and shuts down gracefully.
 */
class RelayerFromConfigTest {
  @Test
  void relaysFromAConfigFile(@TempDir Path dir) throws Exception {
    try (RelayFixture f = new RelayFixture()) {
      TestChain chain = f.chain("source-9", 3, 3);
      TestChainRpcServer server = f.serve(chain);
      String clientId = f.createClient(chain);
      Path mnemonic = dir.resolve("relayer.mnemonic");
      Files.writeString(mnemonic, RelayFixture.MNEMONIC + "\n");
      Path config = dir.resolve("relayer.yaml");
      Files.writeString(
          config,
          """
          destination: {grpc: "%s", chainId: "%s", txTimeout: 20s}
          key: {mnemonicFile: "%s"}
          sources: {src: {rpc: ["%s"], transport: uri}}
          clients: [{clientId: "%s", source: src}]
          pollInterval: 50ms
          metrics: {port: 0}
          """
              .formatted(
                  f.destination.target(),
                  io.wasm08.relayer.chain.TestDestinationChain.CHAIN_ID,
                  mnemonic,
                  server.uri(),
                  clientId));
      Relayer relayer = Relayer.create(RelayerConfig.load(config), KeyResolver.NONE, f.clock);
      try (relayer) {
        relayer.start();
        chain.produceBlocks(4);
        long target = chain.height();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (relayer.statuses().get(0).clientHeight() < target && System.nanoTime() < deadline) {
          Thread.sleep(25);
        }
        assertThat(f.destination.clientHeight(clientId).revisionHeight()).isEqualTo(target);
        HttpResponse<String> h =
            RelayLoopTest.get(relayer.healthUri().orElseThrow().resolve("/health"));
        assertThat(
                new ObjectMapper()
                    .readTree(h.body())
                    .at("/clients/" + clientId + "/state")
                    .asText())
            .isIn("relaying", "up-to-date");
      }
      // closed: the health endpoint is gone, no further updates happen
      long after = f.destination.delivered().size();
      chain.produceBlocks(2);
      Thread.sleep(200);
      assertThat(f.destination.delivered()).hasSize((int) after);
    }
  }
}
