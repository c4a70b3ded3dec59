package io.wasm08.store;

import io.wasm08.common.Bytes;

/**
 * The SDK's store validity rules ({@code store/types/validity.go}) and key-range helpers shared by
 * every store implementation.
 */
public final class KvStores {
  /** {@code MaxKeyLength}: 128 KiB - 1. */
  public static final int MAX_KEY_LENGTH = (1 << 17) - 1;

  private KvStores() {}

  /** {@code AssertValidKey}: a key is non-null, non-empty and at most {@link #MAX_KEY_LENGTH}. */
  public static void assertValidKey(Bytes key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key is nil or empty");
    }
    if (key.size() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("key is too large");
    }
  }

  /** {@code AssertValidValue}: a value is non-null (empty is allowed). */
  public static void assertValidValue(Bytes value) {
    if (value == null) {
      throw new IllegalArgumentException("value is nil");
    }
  }

  /**
   * The SDK's {@code PrefixEndBytes}: the smallest key greater than every key starting with {@code
   * prefix}, i.e. the prefix with trailing {@code 0xFF} bytes dropped and the last remaining byte
   * incremented. Returns {@code null} (unbounded) when the prefix is empty or all {@code 0xFF}.
   */
  public static Bytes prefixEnd(Bytes prefix) {
    byte[] end = prefix.toByteArray();
    int length = end.length;
    while (length > 0 && end[length - 1] == (byte) 0xFF) {
      length--;
    }
    if (length == 0) {
      return null;
    }
    end[length - 1]++;
    return Bytes.of(end, 0, length);
  }

  /** True when {@code key} lies in {@code [start, end)}, {@code null} bounds being open. */
  public static boolean inRange(Bytes key, Bytes start, Bytes end) {
    return (start == null || key.compareTo(start) >= 0) && (end == null || key.compareTo(end) < 0);
  }
}
