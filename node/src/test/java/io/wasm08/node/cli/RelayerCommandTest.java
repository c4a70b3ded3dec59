package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm08 relayer start}: wiring, configuration errors, and {@code --once} reporting. */
class RelayerCommandTest {
  static final String MNEMONIC =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @Test
  void relayerIsACommandWithStart() {
    Wasm08CliTest.Run run = Wasm08CliTest.run("relayer", "start", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--config=FILE").contains("--once");
  }

  @Test
  void aMissingConfigIsOneLineError(@TempDir Path dir) {
    Wasm08CliTest.Run run =
        Wasm08CliTest.run("relayer", "start", "--config", dir.resolve("none.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("Error: cannot read ")
        .contains("invalid relayer configuration");
  }

  @Test
  void aBadConfigNamesTheMistake(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("relayer.yaml");
    Files.writeString(config, "destination: {grpc: 'h:1'}\n");
    Wasm08CliTest.Run run = Wasm08CliTest.run("relayer", "start", "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("destination.chainId is required");
  }

  @Test
  void onceReportsEachClientAndFailsWhenTheDestinationIsDown(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("relayer.json");
    Files.writeString(
        config,
        """
        {"destination": {"grpc": "127.0.0.1:1", "chainId": "wasm08-1"},
         "key": {"mnemonic": "%s"},
         "sources": {"a": {"rpc": ["http://127.0.0.1:1"]}},
         "clients": [{"clientId": "08-wasm-0", "source": "a"}, {"clientId": "08-wasm-1", "source": "a"}]}
        """
            .formatted(MNEMONIC));
    Wasm08CliTest.Run run =
        Wasm08CliTest.run("relayer", "start", "--config", config.toString(), "--once");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("08-wasm-0 failing source=0 client=0 destination: ClientState: UNAVAILABLE")
        .contains("08-wasm-1 failing");
  }
}
