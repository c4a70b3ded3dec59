package io.wasm08.store.rootmulti;

import io.wasm08.common.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * CometBFT's simple Merkle tree ({@code crypto/merkle}, RFC-6962 style), as the SDK multistore uses
 * it for the app hash: {@code leaf = sha256(0x00 ‖ item)}, {@code inner = sha256(0x01 ‖ left ‖
 * right)}, the left subtree holding the largest power of two strictly below the item count, and
 * {@code sha256("")} for no items.
 */
public final class SimpleMerkle {
  private SimpleMerkle() {}

  /** {@code HashFromByteSlices}. */
  public static Bytes hashFromByteSlices(List<Bytes> items) {
    return hash(items, 0, items.size());
  }

  /** {@code leafHash}: {@code sha256(0x00 ‖ leaf)}. */
  public static Bytes leafHash(Bytes leaf) {
    MessageDigest d = sha256();
    d.update((byte) 0x00);
    d.update(leaf.toByteArray());
    return Bytes.wrapOwned(d.digest());
  }

  /** {@code innerHash}: {@code sha256(0x01 ‖ left ‖ right)}. */
  public static Bytes innerHash(Bytes left, Bytes right) {
    MessageDigest d = sha256();
    d.update((byte) 0x01);
    d.update(left.toByteArray());
    d.update(right.toByteArray());
    return Bytes.wrapOwned(d.digest());
  }

  /** {@code getSplitPoint}: the largest power of two strictly less than {@code length}. */
  public static int splitPoint(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("trying to split a tree with size < 1");
    }
    int k = Integer.highestOneBit(length);
    return k == length ? k >> 1 : k;
  }

  /** One sibling on the path from a leaf to the root. */
  public record Aunt(Bytes hash, boolean onRight) {}

  /**
   * The aunts of item {@code index}, leaf first (cometbft {@code Proof.Aunts} with the side each
   * sits on, as {@code convertInnerOps} derives it from index and total).
   */
  public static List<Aunt> aunts(List<Bytes> items, int index) {
    List<Aunt> out = new ArrayList<>();
    collect(items, 0, items.size(), index, out);
    return out;
  }

  private static void collect(List<Bytes> items, int from, int to, int index, List<Aunt> out) {
    int n = to - from;
    if (n <= 1) {
      return;
    }
    int k = splitPoint(n);
    if (index < from + k) {
      collect(items, from, from + k, index, out);
      out.add(new Aunt(hash(items, from + k, to), true));
    } else {
      collect(items, from + k, to, index, out);
      out.add(new Aunt(hash(items, from, from + k), false));
    }
  }

  private static Bytes hash(List<Bytes> items, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return Bytes.wrapOwned(sha256().digest());
    }
    if (n == 1) {
      return leafHash(items.get(from));
    }
    int k = splitPoint(n);
    return innerHash(hash(items, from, from + k), hash(items, from + k, to));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
