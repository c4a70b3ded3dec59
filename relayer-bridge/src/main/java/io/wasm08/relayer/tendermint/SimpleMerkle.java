package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.security.MessageDigest;
import java.util.List;

/**
 * CometBFT's simple Merkle tree ({@code crypto/merkle.HashFromByteSlices}, RFC 6962 style): leaf =
 * SHA256(0x00 ‖ item), inner = SHA256(0x01 ‖ left ‖ right), split at the largest power of two below
 * the item count; the empty tree hashes to SHA256("").
 */
public final class SimpleMerkle {
  private static final byte LEAF_PREFIX = 0;
  private static final byte INNER_PREFIX = 1;

  private SimpleMerkle() {}

  public static Bytes hashFromByteSlices(List<Bytes> items) {
    return Bytes.wrapOwned(hash(items, 0, items.size()));
  }

  private static byte[] hash(List<Bytes> items, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return Sha256.digest();
    }
    if (n == 1) {
      return leafHash(items.get(from));
    }
    int k = splitPoint(n);
    return innerHash(hash(items, from, from + k), hash(items, from + k, to));
  }

  static byte[] leafHash(Bytes leaf) {
    MessageDigest md = Sha256.newDigest();
    md.update(LEAF_PREFIX);
    md.update(leaf.asReadOnlyByteBuffer());
    return md.digest();
  }

  static byte[] innerHash(byte[] left, byte[] right) {
    MessageDigest md = Sha256.newDigest();
    md.update(INNER_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** The largest power of two strictly below {@code n} (n ≥ 2). */
  static int splitPoint(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
