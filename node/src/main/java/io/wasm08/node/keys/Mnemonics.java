package io.wasm08.node.keys;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.NodeErrorCode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BIP-39 mnemonics in English: entropy → words (with the SHA-256 checksum bits) and the reverse
 * check. {@code keys add} makes 24 words from 256 bits, as the SDK's keyring does.
 */
public final class Mnemonics {
  private Mnemonics() {}

  /** A new 24-word mnemonic from 256 bits of entropy. */
  public static String generate(SecureRandom random) {
    byte[] entropy = new byte[32];
    random.nextBytes(entropy);
    return fromEntropy(Bytes.wrapOwned(entropy));
  }

  /** The mnemonic of {@code entropy} (16, 20, 24, 28 or 32 bytes). */
  public static String fromEntropy(Bytes entropy) {
    int bits = entropy.size() * 8;
    if (bits < 128 || bits > 256 || bits % 32 != 0) {
      throw new IllegalArgumentException("entropy must be 128..256 bits in steps of 32");
    }
    int checksumBits = bits / 32;
    Bytes hash = Hashes.sha256(entropy);
    int words = (bits + checksumBits) / 11;
    List<String> out = new ArrayList<>(words);
    for (int w = 0; w < words; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        index = (index << 1) | bitAt(bit < bits ? entropy : hash, bit < bits ? bit : bit - bits);
      }
      out.add(Bip39Words.ENGLISH.get(index));
    }
    return String.join(" ", out);
  }

  /**
   * Checks that {@code mnemonic} is 12–24 English words whose checksum matches; returns it
   * normalised (single spaces, lower case).
   */
  public static String validate(String mnemonic) {
    String[] words = mnemonic.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length < 12 || words.length > 24 || words.length % 3 != 0) {
      throw invalid("expected 12, 15, 18, 21 or 24 words, got " + words.length);
    }
    int totalBits = words.length * 11;
    int checksumBits = totalBits / 33;
    int entropyBits = totalBits - checksumBits;
    byte[] all = new byte[(totalBits + 7) / 8];
    for (int w = 0; w < words.length; w++) {
      int index = Bip39Words.indexOf(words[w]);
      if (index < 0) {
        throw invalid("word " + (w + 1) + " is not in the BIP-39 English list");
      }
      for (int b = 0; b < 11; b++) {
        if ((index >> (10 - b) & 1) == 1) {
          int bit = w * 11 + b;
          all[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    Bytes entropy = Bytes.of(all, 0, entropyBits / 8);
    Bytes hash = Hashes.sha256(entropy);
    for (int i = 0; i < checksumBits; i++) {
      int bit = entropyBits + i;
      if (bitAt(Bytes.wrapOwned(all), bit) != bitAt(hash, i)) {
        throw invalid("checksum mismatch");
      }
    }
    return String.join(" ", words);
  }

  private static int bitAt(Bytes data, int bit) {
    return (data.get(bit / 8) >> (7 - bit % 8)) & 1;
  }

  private static Wasm08Exception invalid(String detail) {
    return NodeErrorCode.INVALID_MNEMONIC.wrap(detail);
  }
}
