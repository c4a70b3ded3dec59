package io.wasm08.core.crypto;

import io.wasm08.core.errors.IbcException;
import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-32 derivation path such as {@code m/44'/118'/0'/0/0}: each index below 2^31, a trailing
 * {@code '} marking hardened derivation.
 */
public record HdPath(List<Index> indices) {
  /** The Cosmos Hub coin type (SLIP-44). */
  public static final int COSMOS_COIN_TYPE = 118;

  /** One path element. */
  public record Index(int value, boolean hardened) {
    public Index {
      if (value < 0) {
        throw new IllegalArgumentException("BIP-32 index must be below 2^31");
      }
    }

    @Override
    public String toString() {
      return value + (hardened ? "'" : "");
    }
  }

  public HdPath {
    indices = List.copyOf(indices);
  }

  /** {@code m/44'/{coinType}'/{account}'/0/{index}}, the BIP-44 path the SDK keyring uses. */
  public static HdPath bip44(int coinType, int account, int addressIndex) {
    return new HdPath(
        List.of(
            new Index(44, true),
            new Index(coinType, true),
            new Index(account, true),
            new Index(0, false),
            new Index(addressIndex, false)));
  }

  /** {@code m/44'/118'/0'/0/{index}}. */
  public static HdPath cosmos(int addressIndex) {
    return bip44(COSMOS_COIN_TYPE, 0, addressIndex);
  }

  /** Parses {@code "m/…"} (or a path without the leading {@code m}) strictly. */
  public static HdPath parse(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length < 2) {
      throw IbcException.plainf("path '%s' doesn't contain '/' separators", path);
    }
    int start = parts[0].equals("m") ? 1 : 0;
    List<Index> indices = new ArrayList<>();
    for (int i = start; i < parts.length; i++) {
      String part = parts[i];
      boolean hardened = part.endsWith("'");
      String digits = hardened ? part.substring(0, part.length() - 1) : part;
      if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw IbcException.plainf("invalid BIP 32 path %s: element %s is not an index", path, part);
      }
      long value;
      try {
        value = Long.parseLong(digits);
      } catch (NumberFormatException e) {
        value = Long.MAX_VALUE;
      }
      if (value >= (1L << 31)) {
        throw IbcException.plainf("invalid BIP 32 path %s: index %s out of range", path, digits);
      }
      indices.add(new Index((int) value, hardened));
    }
    return new HdPath(indices);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("m");
    indices.forEach(i -> b.append('/').append(i));
    return b.toString();
  }
}
