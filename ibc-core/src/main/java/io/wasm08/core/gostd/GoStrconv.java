package io.wasm08.core.gostd;

import io.wasm08.core.errors.IbcException;

/** Go's {@code strconv.ParseUint(s, 10, 64)}, with its exact error texts (plain Go errors). */
public final class GoStrconv {
  private GoStrconv() {}

  /**
   * Parses a base-10 unsigned 64-bit integer as Go does: digits only (no sign, no underscores, no
   * spaces), returned as the signed long with the same bits. Errors render {@code
   * strconv.ParseUint: parsing "<s>": invalid syntax} or {@code ... value out of range}.
   */
  public static long parseUint(String s) {
    if (s.isEmpty()) {
      throw syntax(s);
    }
    long value = 0;
    boolean overflow = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw syntax(s);
      }
      int digit = c - '0';
      if (!overflow) {
        // value * 10 + digit must stay within 2^64 - 1.
        if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, 10)) > 0) {
          overflow = true;
        } else {
          long next = value * 10 + digit;
          if (Long.compareUnsigned(next, value * 10) < 0) {
            overflow = true;
          } else {
            value = next;
          }
        }
      }
    }
    if (overflow) {
      throw IbcException.plain("strconv.ParseUint: parsing " + quote(s) + ": value out of range");
    }
    return value;
  }

  private static IbcException syntax(String s) {
    return IbcException.plain("strconv.ParseUint: parsing " + quote(s) + ": invalid syntax");
  }

  /** {@code strconv.Quote} for the printable ASCII inputs parse errors carry; escapes others. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case 0x0B -> b.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7F) {
            b.append(String.format("\\x%02x", cp));
          } else if (Character.isISOControl(cp)) {
            b.append(String.format("\\u%04x", cp));
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
