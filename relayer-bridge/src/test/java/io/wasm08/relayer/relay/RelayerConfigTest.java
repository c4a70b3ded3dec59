package io.wasm08.relayer.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The configuration file: JSON and YAML forms, defaults, and a clear error for each mistake. */
class RelayerConfigTest {
  static final String YAML =
      """
      destination:
        grpc: 127.0.0.1:9090
        chainId: wasm08-1
        gasPrice: 0.025stake
      key:
        mnemonic: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
      sources:
        chain-a:
          rpc: [http://127.0.0.1:26657, http://127.0.0.1:26658]
          dialect: v1
      clients:
        - clientId: 08-wasm-0
          source: chain-a
        - clientId: 08-wasm-1
          source: chain-a
      pollInterval: 500ms
      quorum:
        executors:
          - type: compiler
          - type: interpreter
          - type: remote
            endpoint: 127.0.0.1:9300
      metrics:
        port: 9464
      """;

  @Test
  void yamlWithDefaults() {
    RelayerConfig c = RelayerConfig.parse(YAML, true);
    assertThat(c.destination().gasAdjustment()).isEqualTo(1.3);
    assertThat(c.destination().timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.destination().price().orElseThrow())
        .isEqualTo(new RelayerConfig.GasPrice(new BigDecimal("0.025"), "stake"));
    assertThat(c.key().hdPath()).isEqualTo("m/44'/118'/0'/0/0");
    assertThat(c.key().toString()).doesNotContain("abandon");
    assertThat(c.sources().get("chain-a").rpc()).hasSize(2);
    assertThat(c.sources().get("chain-a").transport()).isEqualTo("jsonrpc");
    assertThat(c.clients())
        .extracting(RelayerConfig.Client::clientId)
        .containsExactly("08-wasm-0", "08-wasm-1");
    assertThat(c.poll()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.quorum().enabled()).isTrue();
    assertThat(c.quorum().fraction().toString()).isEqualTo("2/3");
    assertThat(c.metrics().host()).isEqualTo("127.0.0.1");
    assertThat(c.metrics().port()).isEqualTo(9464);
    assertThat(c.executorService()).isNull();
  }

  @Test
  void jsonMinimal() {
    RelayerConfig c =
        RelayerConfig.parse(
            """
            {"destination": {"grpc": "localhost:9090", "chainId": "d-1"},
             "key": {"keyring": "relayer"},
             "sources": {"s": {"rpc": ["http://localhost:26657"]}},
             "clients": [{"clientId": "08-wasm-3", "source": "s"}]}
            """,
            false);
    assertThat(c.poll()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.quorum().enabled()).isFalse();
    assertThat(c.key().keyring()).isEqualTo("relayer");
  }

  static Stream<Arguments> mistakes() {
    String ok =
        """
        {"destination": {"grpc": "g:1", "chainId": "d-1"}, "key": {"mnemonic": "m"},
         "sources": {"s": {"rpc": ["http://h:1"]}}, "clients": [{"clientId": "c", "source": "s"}]%s}
        """;
    return Stream.of(
        Arguments.of("{}", "destination is required"),
        Arguments.of(ok.formatted(", \"pollIntervall\": \"1s\""), "pollIntervall"),
        Arguments.of(
            ok.formatted(", \"pollInterval\": \"soon\""), "pollInterval: soon is not a duration"),
        Arguments.of(ok.formatted(", \"pollInterval\": \"0s\""), "pollInterval must be positive"),
        Arguments.of(
            ok.formatted(
                ", \"quorum\": {\"threshold\": \"3/2\", \"executors\": [{\"type\": \"compiler\"}]}"),
            "quorum.threshold must be within (0, 1]"),
        Arguments.of(
            ok.formatted(", \"quorum\": {\"executors\": [{\"type\": \"gpu\"}]}"),
            "executor type must be compiler, interpreter or remote, got gpu"),
        Arguments.of(
            ok.formatted(", \"quorum\": {\"executors\": [{\"type\": \"remote\"}]}"),
            "a remote executor needs an endpoint"),
        Arguments.of(
            ok.formatted("").replace("\"source\": \"s\"", "\"source\": \"t\""),
            "client c follows unknown source t"),
        Arguments.of(
            ok.formatted("")
                .replace("{\"mnemonic\": \"m\"}", "{\"mnemonic\": \"m\", \"keyring\": \"k\"}"),
            "key needs exactly one of mnemonic, mnemonicFile or keyring"),
        Arguments.of(
            ok.formatted("")
                .replace(
                    "[{\"clientId\": \"c\", \"source\": \"s\"}]",
                    "[{\"clientId\": \"c\", \"source\": \"s\"}, {\"clientId\": \"c\", \"source\": \"s\"}]"),
            "client c is listed twice"),
        Arguments.of(
            ok.formatted("")
                .replace("\"chainId\": \"d-1\"}", "\"chainId\": \"d-1\", \"gasPrice\": \"cheap\"}"),
            "gas price cheap is not of the form"),
        Arguments.of("{\"destination\": ", "Unexpected end-of-input"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("mistakes")
  void mistakesAreConfigErrors(String json, String message) {
    assertThatThrownBy(() -> RelayerConfig.parse(json, false))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.INVALID_CONFIG)).isTrue();
              assertThat(e.getMessage())
                  .contains(message)
                  .endsWith("invalid relayer configuration");
            });
  }
}
