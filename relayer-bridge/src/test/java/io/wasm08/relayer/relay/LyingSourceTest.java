package io.wasm08.relayer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lying source node is detected and nothing it says is relayed, while another client (another
 * source) keeps being updated: a forged commit signature, a validator set that does not hash to the
 * header's, a fork served with the same validators (caught by the witness), and a history that left
 * the client's before its height (caught at the trust root). Each is reported as a failure with its
 * reason, counted as a rejected light block, and the fork cases halt the client.
 */
class LyingSourceTest {
  RelayFixture f;

  @BeforeEach
  void setUp() {
    f = new RelayFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /** Client B and the (lying) source the relayer is given for it. */
  record Wired(String clientId, SourceChain source) {}

  /** One lie: how client B's source is wired, and how the relayer must report it. */
  record Lie(String name, Function<RelayFixture, Wired> wire, String reason, boolean halts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> lies() {
    return Stream.of(
        Arguments.of(
            new Lie(
                "forged commit signature",
                f -> {
                  TestChain chain = f.chain("source-2", 4, 4);
                  String id = f.createClient(chain);
                  chain.produceBlocks(4);
                  TestChainRpcServer liar = f.serve(chain);
                  liar.editResults("commit", LyingSourceTest::forgeFirstSignature);
                  return new Wired(
                      id, new SourceChain("b", RelayFixture.provider(liar, "liar"), List.of()));
                },
                "invalid_light_block",
                false)),
        Arguments.of(
            new Lie(
                "validator set not matching the header's hash",
                f -> {
                  TestChain chain = f.chain("source-2", 4, 4);
                  String id = f.createClient(chain);
                  chain.produceBlocks(4);
                  TestChainRpcServer liar = f.serve(chain);
                  liar.editResults("validators", LyingSourceTest::inflateFirstPower);
                  return new Wired(
                      id, new SourceChain("b", RelayFixture.provider(liar, "liar"), List.of()));
                },
                "inconsistent_source",
                false)),
        Arguments.of(
            new Lie(
                "fork after the client's height signed by the same validators",
                f -> {
                  TestChain chain = f.chain("source-2", 4, 4);
                  String id = f.createClient(chain);
                  chain.produceBlocks(4);
                  TestChain fork = chain.forkFromTip("evil");
                  f.chains.add(fork);
                  fork.produceBlocks(4);
                  chain.produceBlocks(4);
                  return new Wired(
                      id,
                      new SourceChain(
                          "b",
                          RelayFixture.provider(f.serve(fork), "liar"),
                          List.of(RelayFixture.provider(f.serve(chain), "witness"))));
                },
                "light_client_attack",
                true)),
        Arguments.of(
            new Lie(
                "history that left the client's before its height",
                f -> {
                  TestChain chain = f.chain("source-2", 4, 4);
                  TestChain other = chain.forkFromTip("other-history");
                  f.chains.add(other);
                  chain.produceBlocks(3);
                  other.produceBlocks(6);
                  String id = f.createClient(chain);
                  return new Wired(
                      id,
                      new SourceChain(
                          "b", RelayFixture.provider(f.serve(other), "liar"), List.of()));
                },
                "source_fork",
                true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lies")
  void liesAreDetectedNeverRelayedAndOtherClientsKeepGoing(Lie lie) {
    TestChain honestA = f.chain("source-1", 3, 4);
    String clientA = f.createClient(honestA);
    ClientRelay relayA =
        f.relay(
            clientA,
            new SourceChain("a", RelayFixture.provider(f.serve(honestA), "a"), List.of()),
            f.submitter(),
            Optional.empty());
    Wired b = lie.wire().apply(f);
    String clientB = b.clientId();
    Height before = f.destination.clientHeight(clientB);
    ClientRelay relayB = f.relay(clientB, b.source(), f.submitter(), Optional.empty());

    relayB.step();
    honestA.produceBlocks(3);
    relayA.step();

    assertThat(relayB.status().lastFailureReason()).contains(lie.reason());
    assertThat(relayB.status().state()).isEqualTo(lie.halts() ? "halted" : "failing");
    assertThat(f.destination.clientHeight(clientB)).as("nothing relayed").isEqualTo(before);
    assertThat(f.destination.delivered()).noneMatch(m -> m.getClientId().equals(clientB));
    assertThat(
            f.metrics.count(
                "relayer_rejected_light_blocks", "client", clientB, "reason", lie.reason()))
        .isEqualTo(1);
    assertThat(f.metrics.count("relayer_halts", "client", clientB)).isEqualTo(lie.halts() ? 1 : 0);
    // the other client is served as if nothing happened
    assertThat(relayA.status().lastFailure()).isEmpty();
    assertThat(f.destination.clientHeight(clientA)).isEqualTo(Height.of(1, honestA.height()));

    // a halted client stays halted; a failing one tries again next poll (and fails again)
    relayB.step();
    assertThat(f.destination.clientHeight(clientB)).isEqualTo(before);
    assertThat(
            f.metrics.count(
                "relayer_rejected_light_blocks", "client", clientB, "reason", lie.reason()))
        .isEqualTo(lie.halts() ? 1 : 2);
  }

  static ObjectNode forgeFirstSignature(ObjectNode result) {
    ArrayNode sigs = (ArrayNode) result.at("/signed_header/commit/signatures");
    for (int i = 0; i < sigs.size(); i++) {
      ObjectNode sig = (ObjectNode) sigs.get(i);
      if (sig.hasNonNull("signature")) {
        byte[] b = Bytes.fromBase64(sig.get("signature").asText()).toByteArray();
        b[0] ^= 1;
        sig.put("signature", Bytes.wrapOwned(b).toBase64());
        break;
      }
    }
    return result;
  }

  static ObjectNode inflateFirstPower(ObjectNode result) {
    ObjectNode v = (ObjectNode) result.withArray("validators").get(0);
    v.put("voting_power", Long.toString(Long.parseLong(v.get("voting_power").asText()) + 1));
    return result;
  }
}
