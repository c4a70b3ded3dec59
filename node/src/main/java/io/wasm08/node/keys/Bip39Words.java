package io.wasm08.node.keys;

import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BIP-39 English word list. The list ships in the {@code org.web3j:crypto} jar (a resource,
 * read as data only); it is checked against the SHA-256 that BIP-39 publishes for {@code
 * english.txt}, so a different list can never be used silently.
 */
final class Bip39Words {
  /** SHA-256 of BIP-39's {@code english.txt} (2048 words, one per line, LF-terminated). */
  static final String ENGLISH_SHA256 =
      "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

  private static final String RESOURCE = "/en-mnemonic-word-list.txt";

  static final List<String> ENGLISH;
  private static final Map<String, Integer> INDEX;

  static {
    byte[] raw;
    try (InputStream in = Bip39Words.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("BIP-39 word list " + RESOURCE + " not on the classpath");
      }
      raw = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String hash = Hashes.sha256(Bytes.wrapOwned(raw)).toHex();
    if (!hash.equals(ENGLISH_SHA256)) {
      throw new IllegalStateException("BIP-39 English word list has sha256 " + hash);
    }
    ENGLISH = List.of(new String(raw, StandardCharsets.US_ASCII).split("\n"));
    if (ENGLISH.size() != 2048) {
      throw new IllegalStateException("BIP-39 word list has " + ENGLISH.size() + " words");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ENGLISH.size(); i++) {
      index.put(ENGLISH.get(i), i);
    }
    INDEX = Map.copyOf(index);
  }

  private Bip39Words() {}

  /** The index of {@code word}, or -1. */
  static int indexOf(String word) {
    return INDEX.getOrDefault(word, -1);
  }
}
