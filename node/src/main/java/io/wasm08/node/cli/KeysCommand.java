package io.wasm08.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.node.config.NodeConfig;
import io.wasm08.node.config.NodeHome;
import io.wasm08.node.keys.KeyInfo;
import io.wasm08.node.keys.Keyring;
import io.wasm08.node.keys.Passphrases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasm08 keys add|list|show|export}: the encrypted file keyring under the node home. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description =
        "Manage the keyring (secp256k1, BIP-39/BIP-44 m/44'/118'/0'/0/i, encrypted at rest).",
    subcommands = {
      KeysCommand.Add.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Show.class,
      KeysCommand.Export.class
    })
public final class KeysCommand extends CommandGroup {
  static Keyring keyring(HomeOptions home) {
    return Keyring.open(home.nodeHome().keyring());
  }

  /** The chain's bech32 prefix from the home's node.json, else "cosmos". */
  static String prefix(NodeHome home, String override) {
    if (override != null) {
      return override;
    }
    return Files.exists(home.nodeConfig())
        ? NodeConfig.read(home.nodeConfig()).bech32Prefix()
        : "cosmos";
  }

  static char[] passphrase(HomeOptions home, boolean confirm) {
    return Passphrases.obtain(home.passphraseFile(), System.getenv(), System.console(), confirm);
  }

  static ObjectNode json(KeyInfo k, String prefix) {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("name", k.name());
    n.put("type", "local");
    n.put("address", k.address(prefix));
    n.put(
        "pubkey",
        "{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\",\"key\":\""
            + k.publicKey().compressed().toBase64()
            + "\"}");
    n.put("hd_path", k.hdPath());
    return n;
  }

  /** What every keys subcommand shares: the node home, the output format and the printing. */
  abstract static class KeyCommand implements Callable<Integer> {
    @Mixin HomeOptions home;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "text")
    Output output;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** JSON as it is with {@code -o json}, else the SDK keyring's YAML text. */
    String render(JsonNode n) {
      return output == Output.JSON ? n.toString() : YamlText.of(n.toString());
    }

    void println(String text) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(text);
      out.flush();
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create a key (new 24-word mnemonic) or recover one.")
  static final class Add extends KeyCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--recover",
        description = "Read a BIP-39 mnemonic from stdin instead of creating one")
    boolean recover;

    @Option(
        names = "--index",
        defaultValue = "0",
        description = "Address index i of m/44'/118'/0'/0/i")
    int index;

    @Option(names = "--account", defaultValue = "0", description = "Account a of m/44'/118'/a'/0/i")
    int account;

    @Option(names = "--bech32-prefix", description = "Address prefix to show (default: the node's)")
    String prefix;

    @Override
    public Integer call() throws IOException {
      Keyring keyring = keyring(home);
      Optional<String> mnemonic = Optional.empty();
      if (recover) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("> Enter your bip39 mnemonic");
        err.flush();
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        mnemonic = Optional.ofNullable(line);
      }
      char[] pass = passphrase(home, keyring.list().isEmpty());
      Keyring.Added added =
          keyring.add(name, mnemonic, HdPath.bip44(HdPath.COSMOS_COIN_TYPE, account, index), pass);
      ObjectNode n = json(added.info(), prefix(home.nodeHome(), prefix));
      if (output == Output.JSON) {
        added.newMnemonic().ifPresent(m -> n.put("mnemonic", m));
        println(n.toString());
      } else {
        println(render(n));
        PrintWriter out = spec.commandLine().getOut();
        added
            .newMnemonic()
            .ifPresent(
                m -> {
                  out.println();
                  out.println("**Important** write this mnemonic phrase in a safe place.");
                  out.println(
                      "It is the only way to recover your account if you ever forget your password.");
                  out.println();
                  out.println(m);
                });
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the keys (no passphrase needed).")
  static final class ListKeys extends KeyCommand {
    @Option(names = "--bech32-prefix")
    String prefix;

    @Override
    public Integer call() {
      List<KeyInfo> keys = keyring(home).list();
      String p = prefix(home.nodeHome(), prefix);
      ArrayNode arr = new ObjectMapper().createArrayNode();
      keys.forEach(k -> arr.add(json(k, p)));
      println(
          output != Output.JSON && keys.isEmpty()
              ? "No records were found in keyring"
              : render(arr));
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a key's address and public key.")
  static final class Show extends KeyCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = {"-a", "--address"},
        description = "Print only the address")
    boolean addressOnly;

    @Option(names = "--bech32-prefix")
    String prefix;

    @Override
    public Integer call() {
      KeyInfo k = keyring(home).show(name);
      String p = prefix(home.nodeHome(), prefix);
      println(addressOnly ? k.address(p) : render(json(k, p)));
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Print a key's mnemonic and private key (needs the passphrase).")
  static final class Export extends KeyCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      Keyring.Exported e = keyring(home).export(name, passphrase(home, false));
      PrintWriter err = spec.commandLine().getErr();
      err.println("WARNING: anyone with this mnemonic or key controls the account.");
      err.flush();
      ObjectNode n = new ObjectMapper().createObjectNode();
      n.put("name", name);
      n.put("mnemonic", e.mnemonic());
      n.put("priv_key_hex", e.privateKey().toBytes().toHex());
      println(render(n));
      return 0;
    }
  }
}
