package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.core.crypto.HdPath;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.keys.Keyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
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

  @Test
  void aKeyringKeyComesFromTheNodeHome(@TempDir Path dir) throws Exception {
    Path home = dir.resolve("home");
    Keyring.open(new NodeHome(home).keyring(), new SecureRandom(), 1 << 10)
        .add(
            "relayer",
            Optional.of(MNEMONIC),
            HdPath.cosmos(0),
            "correct horse battery".toCharArray());
    Path pass = dir.resolve("pass");
    Files.writeString(pass, "correct horse battery\n");
    String body =
        """
        {"destination": {"grpc": "127.0.0.1:1", "chainId": "wasm08-1"},
         "key": {"keyring": "%s"},
         "sources": {"a": {"rpc": ["http://127.0.0.1:1"]}},
         "clients": [{"clientId": "08-wasm-0", "source": "a"}]}
        """;
    Path known = dir.resolve("known.json");
    Files.writeString(known, body.formatted("relayer"));
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, body.formatted("nobody"));
    String[] common = {"--home", home.toString(), "--keyring-passphrase-file", pass.toString()};

    Wasm08CliTest.Run ok =
        Wasm08CliTest.run(
            concat(
                new String[] {"relayer", "start", "--once", "--config", known.toString()}, common));
    assertThat(ok.err()).doesNotContain("Error");
    assertThat(ok.out()).contains("08-wasm-0 failing").contains("destination");

    Wasm08CliTest.Run missing =
        Wasm08CliTest.run(
            concat(
                new String[] {"relayer", "start", "--once", "--config", unknown.toString()},
                common));
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("Error: ").contains("nobody");
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
