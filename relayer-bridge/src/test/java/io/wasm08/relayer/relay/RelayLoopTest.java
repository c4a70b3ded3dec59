package io.wasm08.relayer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay loop against the real ICS-07 contract on a loopback destination: the client follows the
 * source across a complete validator-set rotation (the relayer bisects and submits each hop of the
 * trust chain), recovers from a sequence taken behind its back, resumes after a restart from the
 * client's height, and reports heights, lag and updates on /health and /metrics.
 */
class RelayLoopTest {
  RelayFixture f;

  @BeforeEach
  void setUp() {
    f = new RelayFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void followsTheSourceAcrossAFullValidatorRotationAndRestarts() throws Exception {
    TestChain chain = f.chain("source-1", 4, 5);
    TestChainRpcServer server = f.serve(chain);
    String clientId = f.createClient(chain);
    SourceChain source = new SourceChain("a", RelayFixture.provider(server, "a"), List.of());
    ClientRelay relay = f.relay(clientId, source, f.submitter(), Optional.empty());

    relay.step();
    assertThat(relay.status().state()).isEqualTo("up-to-date");

    for (int round = 0; round < 4; round++) {
      chain.produceBlocks(3);
      relay.step();
      assertThat(relay.status().lastFailure()).isEmpty();
      assertThat(f.destination.clientHeight(clientId)).isEqualTo(Height.of(1, chain.height()));
    }
    // every validator replaced: no trust carries over from the client's height in one step
    Map<String, Long> rotated = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      rotated.put("next-" + i, 10L);
    }
    chain.changeValidators(chain.height() + 2, rotated);
    chain.produceBlocks(6);
    int before = f.destination.delivered().size();
    relay.step();
    assertThat(relay.status().lastFailure()).isEmpty();
    assertThat(f.destination.clientHeight(clientId)).isEqualTo(Height.of(1, chain.height()));
    assertThat(f.destination.delivered().size() - before)
        .as("the rotation needs intermediate headers")
        .isGreaterThan(1);

    // someone else uses the relayer's account: the cached sequence is stale, CheckTx says so
    f.destination.bumpSequence(f.submitter().signer());
    chain.produceBlocks(2);
    relay.step();
    assertThat(relay.status().lastFailure()).isEmpty();
    assertThat(f.destination.clientHeight(clientId)).isEqualTo(Height.of(1, chain.height()));

    // a new relayer process resumes from the client's height on chain
    chain.produceBlocks(4);
    ClientRelay restarted = f.relay(clientId, source, f.submitter(), Optional.empty());
    restarted.step();
    assertThat(f.destination.clientHeight(clientId)).isEqualTo(Height.of(1, chain.height()));
    assertThat(f.destination.clientStatus(clientId)).isEqualTo("Active");
    assertThat(f.metrics.count("relayer_updates", "client", clientId)).isEqualTo(7);
  }

  @Test
  void runsOnItsOwnThreadsWithHealthAndMetricsAndStopsGracefully() throws Exception {
    TestChain chain = f.chain("source-2", 3, 3);
    TestChainRpcServer server = f.serve(chain);
    String clientId = f.createClient(chain);
    SourceChain source = new SourceChain("b", RelayFixture.provider(server, "b"), List.of());
    Relayer relayer =
        Relayer.of(
            List.of(f.relay(clientId, source, f.submitter(), Optional.empty())),
            java.time.Duration.ofMillis(20),
            f.metrics,
            0);
    try (relayer) {
      relayer.start();
      chain.produceBlocks(5);
      long target = chain.height();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (relayer.statuses().get(0).clientHeight() < target && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(f.destination.clientHeight(clientId).revisionHeight()).isEqualTo(target);
      URI health = relayer.healthUri().orElseThrow();
      HttpResponse<String> h = get(health.resolve("/health"));
      assertThat(h.statusCode()).isEqualTo(200);
      JsonNode json = new ObjectMapper().readTree(h.body());
      assertThat(json.at("/status").asText()).isEqualTo("ok");
      assertThat(json.at("/clients/" + clientId + "/clientHeight").asLong()).isEqualTo(target);
      HttpResponse<String> m = get(health.resolve("/metrics"));
      assertThat(m.body())
          .contains("relayer_client_height{client=\"" + clientId + "\"} " + target)
          .contains("relayer_client_lag_blocks{client=\"" + clientId + "\"} 0")
          .contains("relayer_update_latency_seconds_count{client=\"" + clientId + "\"}");
    }
    assertThat(relayer.statuses()).allSatisfy(s -> assertThat(s.state()).isNotEqualTo("halted"));
  }

  static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
