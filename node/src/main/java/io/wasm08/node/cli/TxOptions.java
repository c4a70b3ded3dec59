package io.wasm08.node.cli;

import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.node.keys.Keyring;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every command that signs and broadcasts a transaction. */
final class TxOptions {
  @Mixin ClientOptions client;
  @Mixin HomeOptions home;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "KEY",
      description = "Keyring key that signs")
  String from;

  @Option(
      names = "--gas",
      defaultValue = "auto",
      description = "Gas limit, or auto (simulate × --gas-adjustment) (default: ${DEFAULT-VALUE})")
  String gas;

  @Option(names = "--gas-adjustment", defaultValue = "1.5")
  double gasAdjustment;

  @Option(names = "--memo", defaultValue = "")
  String memo;

  @Option(
      names = "--timeout",
      defaultValue = "PT60S",
      description = "How long to wait for the tx to be committed (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--no-wait", description = "Return after the mempool check")
  boolean noWait;

  Secp256k1PrivateKey key() {
    return Keyring.open(home.nodeHome().keyring())
        .privateKey(from, KeysCommand.passphrase(home, false));
  }
}
