package io.wasm08.wasm.vm.chicory;

import java.util.OptionalLong;

/** Rust standard-library behaviour that upstream error texts depend on. */
final class RustText {
  private RustText() {}

  /** Thrown with the Display text of the Rust error. */
  static final class RustError extends Exception {
    RustError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * {@code std::str::from_utf8}: returns null when valid, else {@code Utf8Error}'s Display:
   * "invalid utf-8 sequence of {n} bytes from index {i}" or "incomplete utf-8 byte sequence from
   * index {i}".
   */
  static String utf8Error(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int x = b[i] & 0xFF;
      if (x < 0x80) {
        i++;
        continue;
      }
      int width;
      int lo = 0x80;
      int hi = 0xBF;
      if (x >= 0xC2 && x <= 0xDF) {
        width = 2;
      } else if (x >= 0xE0 && x <= 0xEF) {
        width = 3;
        if (x == 0xE0) {
          lo = 0xA0;
        } else if (x == 0xED) {
          hi = 0x9F;
        }
      } else if (x >= 0xF0 && x <= 0xF4) {
        width = 4;
        if (x == 0xF0) {
          lo = 0x90;
        } else if (x == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return invalid(1, i - from);
      }
      for (int k = 1; k < width; k++) {
        if (i + k >= to) {
          return "incomplete utf-8 byte sequence from index " + (i - from);
        }
        int c = b[i + k] & 0xFF;
        boolean ok = k == 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xBF;
        if (!ok) {
          return invalid(k, i - from);
        }
      }
      i += width;
    }
    return null;
  }

  private static String invalid(int len, int index) {
    return "invalid utf-8 sequence of " + len + " bytes from index " + index;
  }

  /** {@code u64::from_str} (decimal, optional leading '+'), as unsigned bits. */
  static OptionalLong parseU64(String s) throws RustError {
    if (s.isEmpty()) {
      throw new RustError("cannot parse integer from empty string");
    }
    String digits = s.charAt(0) == '+' ? s.substring(1) : s;
    if (digits.isEmpty()) {
      throw new RustError("invalid digit found in string");
    }
    long value = 0;
    for (int k = 0; k < digits.length(); k++) {
      char c = digits.charAt(k);
      if (c < '0' || c > '9') {
        throw new RustError("invalid digit found in string");
      }
      int d = c - '0';
      // value * 10 + d must stay below 2^64
      if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, 10)) > 0) {
        throw new RustError("number too large to fit in target type");
      }
      long times10 = value * 10;
      long next = times10 + d;
      if (Long.compareUnsigned(next, times10) < 0) {
        throw new RustError("number too large to fit in target type");
      }
      value = next;
    }
    return OptionalLong.of(value);
  }
}
