package io.wasm08.node.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.crypto.HdKeys;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import io.wasm08.node.NodeErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file keyring, encrypted at rest: names, public keys and HD paths are readable without the
 * passphrase ({@code keys list|show}); each entry's mnemonic and private key are sealed with
 * AES-256-GCM under a scrypt key of the keyring passphrase (see {@link KeyringCipher}). All entries
 * share one passphrase: adding a key to a non-empty keyring first proves the passphrase on an
 * existing entry. Writes replace the file atomically, owner-readable only.
 */
public final class Keyring {
  public static final String FILE_NAME = "keyring.json";
  private static final int VERSION = 1;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final SecureRandom random;
  private final int scryptN;
  private KeyringCipher cipher;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** One stored key: public part and sealed secret. */
  private record Entry(KeyInfo info, KeyringCipher.Sealed secret) {}

  /** A key's secrets, as {@code keys export} shows them. */
  public record Exported(KeyInfo info, String mnemonic, Secp256k1PrivateKey privateKey) {}

  /** What {@code keys add} produced: the key and, when it generated one, the new mnemonic. */
  public record Added(KeyInfo info, Optional<String> newMnemonic) {}

  private Keyring(Path file, SecureRandom random, int scryptN) {
    this.file = file;
    this.random = random;
    this.scryptN = scryptN;
  }

  /** Opens {@code file} (which need not exist yet) with the default scrypt cost. */
  public static Keyring open(Path file) {
    return open(file, new SecureRandom(), KeyringCipher.DEFAULT_N);
  }

  /** Opens with an explicit randomness source and scrypt N for new keyrings (tests use a low N). */
  public static Keyring open(Path file, SecureRandom random, int scryptN) {
    Keyring keyring = new Keyring(file, random, scryptN);
    if (Files.exists(file)) {
      keyring.load();
    }
    return keyring;
  }

  public Path file() {
    return file;
  }

  public List<KeyInfo> list() {
    return entries.values().stream().map(Entry::info).toList();
  }

  public Optional<KeyInfo> find(String name) {
    return Optional.ofNullable(entries.get(name)).map(Entry::info);
  }

  public KeyInfo show(String name) {
    return find(name).orElseThrow(() -> NodeErrorCode.KEY_NOT_FOUND.wrap(name));
  }

  /**
   * Adds a key derived from {@code mnemonic} (or a new 24-word one when empty) at {@code path},
   * sealed under {@code passphrase}.
   */
  public Added add(String name, Optional<String> mnemonic, HdPath path, char[] passphrase) {
    if (!NAME.matcher(name).matches()) {
      throw NodeErrorCode.INVALID_KEYRING.wrap(
          "key name must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
    }
    if (entries.containsKey(name)) {
      throw NodeErrorCode.KEY_EXISTS.wrap(name);
    }
    String words = mnemonic.map(Mnemonics::validate).orElseGet(() -> Mnemonics.generate(random));
    Secp256k1PrivateKey key = HdKeys.fromMnemonic(words, "", path);
    KeyInfo info = new KeyInfo(name, key.publicKey(), path.toString());
    if (cipher == null) {
      cipher = KeyringCipher.fresh(random, scryptN);
    }
    byte[] derived = cipher.deriveKey(passphrase);
    try {
      if (!entries.isEmpty()) {
        Entry any = entries.values().iterator().next();
        KeyringCipher.open(derived, any.secret(), associatedData(any.info()));
      }
      Bytes plaintext = secretJson(words, key);
      entries.put(
          name,
          new Entry(info, KeyringCipher.seal(derived, plaintext, associatedData(info), random)));
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
    save();
    return new Added(info, mnemonic.isPresent() ? Optional.empty() : Optional.of(words));
  }

  /** The signing key of {@code name}. */
  public Secp256k1PrivateKey privateKey(String name, char[] passphrase) {
    return export(name, passphrase).privateKey();
  }

  /** The mnemonic and private key of {@code name}. */
  public Exported export(String name, char[] passphrase) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw NodeErrorCode.KEY_NOT_FOUND.wrap(name);
    }
    byte[] derived = cipher.deriveKey(passphrase);
    Bytes plaintext;
    try {
      plaintext = KeyringCipher.open(derived, entry.secret(), associatedData(entry.info()));
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
    JsonNode secret = parse(plaintext.toUtf8(), "entry " + name);
    Secp256k1PrivateKey key =
        Secp256k1PrivateKey.fromBytes(Bytes.fromHex(secret.path("priv_key").asText()));
    if (!key.publicKey().equals(entry.info().publicKey())) {
      throw NodeErrorCode.INVALID_KEYRING.wrap("entry " + name + " does not match its public key");
    }
    return new Exported(entry.info(), secret.path("mnemonic").asText(), key);
  }

  /** Removes {@code name}; nothing is asked, as the file stays encrypted either way. */
  public void delete(String name) {
    if (entries.remove(name) == null) {
      throw NodeErrorCode.KEY_NOT_FOUND.wrap(name);
    }
    save();
  }

  private static Bytes associatedData(KeyInfo info) {
    return Bytes.ofUtf8("wasm08-keyring/v1\0" + info.name() + "\0")
        .concat(info.publicKey().compressed());
  }

  private static Bytes secretJson(String mnemonic, Secp256k1PrivateKey key) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mnemonic", mnemonic);
    node.put("priv_key", key.toBytes().toHex());
    return Bytes.ofUtf8(node.toString());
  }

  private void load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw NodeErrorCode.INVALID_KEYRING.wrap("cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonNode root = parse(text, file.toString());
    try {
      if (root.path("version").asInt() != VERSION) {
        throw NodeErrorCode.INVALID_KEYRING.wrap(
            "unsupported keyring version " + root.path("version") + " in " + file);
      }
      JsonNode kdf = root.path("kdf");
      if (!"scrypt".equals(kdf.path("name").asText())) {
        throw NodeErrorCode.INVALID_KEYRING.wrap("unsupported kdf " + kdf.path("name"));
      }
      cipher =
          new KeyringCipher(
              kdf.path("n").asInt(),
              kdf.path("r").asInt(),
              kdf.path("p").asInt(),
              Bytes.fromBase64(kdf.path("salt").asText()));
      for (JsonNode k : root.path("keys")) {
        KeyInfo info =
            new KeyInfo(
                k.path("name").asText(),
                new Secp256k1PublicKey(Bytes.fromBase64(k.path("pub_key").asText())),
                k.path("hd_path").asText());
        KeyringCipher.Sealed sealed =
            new KeyringCipher.Sealed(
                Bytes.fromBase64(k.path("nonce").asText()),
                Bytes.fromBase64(k.path("ciphertext").asText()));
        entries.put(info.name(), new Entry(info, sealed));
      }
    } catch (IllegalArgumentException | Wasm08Exception e) {
      if (e instanceof Wasm08Exception w && w.is(NodeErrorCode.INVALID_KEYRING)) {
        throw w;
      }
      throw NodeErrorCode.INVALID_KEYRING.wrap(file + ": " + e.getMessage(), e);
    }
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    if (cipher != null) {
      ObjectNode kdf = root.putObject("kdf");
      kdf.put("name", "scrypt");
      kdf.put("n", cipher.n());
      kdf.put("r", cipher.r());
      kdf.put("p", cipher.p());
      kdf.put("salt", cipher.salt().toBase64());
    }
    ArrayNode keys = root.putArray("keys");
    for (Entry e : entries.values()) {
      ObjectNode k = keys.addObject();
      k.put("name", e.info().name());
      k.put("algo", "secp256k1");
      k.put("pub_key", e.info().publicKey().compressed().toBase64());
      k.put("hd_path", e.info().hdPath());
      k.put("nonce", e.secret().nonce().toBase64());
      k.put("ciphertext", e.secret().ciphertext().toBase64());
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, root.toPrettyString() + "\n", StandardCharsets.UTF_8);
      restrictToOwner(tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw NodeErrorCode.INVALID_KEYRING.wrap("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the platform's defaults apply.
    }
  }

  private static JsonNode parse(String text, String what) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw NodeErrorCode.INVALID_KEYRING.wrap(what + " is not valid JSON", e);
    }
  }

  /** The keys' names in order; for messages. */
  public List<String> names() {
    return new ArrayList<>(entries.keySet());
  }
}
