package io.wasm08.core.gostd;

import java.nio.charset.StandardCharsets;

/**
 * The few Go {@code strings} semantics that decide validation outcomes: Go measures length in UTF-8
 * bytes and trims with {@code unicode.IsSpace}, which differs from {@link String#strip()} at the
 * edges (NBSP counts as space in Go; U+001C..U+001F do not).
 */
public final class GoStrings {
  private GoStrings() {}

  /** {@code len(s)} of a Go string: its UTF-8 byte length. */
  public static int len(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return n;
  }

  /** {@code strings.TrimSpace(s)}. */
  public static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end) {
      int cp = s.codePointAt(start);
      if (!isSpace(cp)) {
        break;
      }
      start += Character.charCount(cp);
    }
    while (end > start) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(start, end);
  }

  /** {@code strings.TrimSpace(s) == ""}. */
  public static boolean isBlank(String s) {
    return trimSpace(s).isEmpty();
  }

  /** {@code unicode.IsSpace}: Latin-1 spaces plus the Unicode White_Space property. */
  public static boolean isSpace(int cp) {
    if (cp <= 0xFF) {
      return switch (cp) {
        case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
        default -> false;
      };
    }
    return cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Go's string order ({@code <} on strings): byte-wise over the UTF-8 encodings. */
  public static int compare(String a, String b) {
    return java.util.Arrays.compareUnsigned(utf8(a), utf8(b));
  }

  /**
   * {@code string(bytes)} for splitting store keys: one char per byte (ISO-8859-1), so splitting on
   * ASCII separators never alters the other bytes; {@link #latin1Bytes} turns a piece back.
   */
  public static String latin1(io.wasm08.common.Bytes bytes) {
    return new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The bytes of a string made by {@link #latin1}. */
  public static byte[] latin1Bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The UTF-8 bytes of {@code s}. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
