package io.wasm08.node.cli;

import io.wasm08.node.config.NodeHome;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --home}: the node's home directory (default {@code $WASM08_HOME} or {@code ~/.wasm08}).
 */
final class HomeOptions {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Node home (default: $WASM08_HOME or ~/.wasm08)")
  Path home;

  @Option(
      names = "--keyring-passphrase-file",
      paramLabel = "FILE",
      description =
          "Read the keyring passphrase from FILE (else $WASM08_KEYRING_PASSPHRASE or a prompt)")
  Path passphraseFile;

  NodeHome nodeHome() {
    return home == null ? NodeHome.defaultHome() : new NodeHome(home);
  }

  Optional<Path> passphraseFile() {
    return Optional.ofNullable(passphraseFile);
  }
}
