package io.wasm08.wasm.api;

/** Go's {@code utf8.DecodeRune}: the rune at {@code i} and its size; bad input → (U+FFFD, 1). */
final class Utf8 {
  private Utf8() {}

  static final int RUNE_ERROR = 0xFFFD;

  static int[] decodeRune(byte[] s, int i) {
    int b0 = s[i] & 0xFF;
    if (b0 < 0x80) {
      return new int[] {b0, 1};
    }
    int need;
    int min;
    int rune;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      min = 0x80;
      rune = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      min = 0x800;
      rune = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      min = 0x10000;
      rune = b0 & 0x07;
    } else {
      return new int[] {RUNE_ERROR, 1};
    }
    if (i + need >= s.length) {
      return new int[] {RUNE_ERROR, 1};
    }
    for (int k = 1; k <= need; k++) {
      int b = s[i + k] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        return new int[] {RUNE_ERROR, 1};
      }
      rune = rune << 6 | (b & 0x3F);
    }
    if (rune < min || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) {
      return new int[] {RUNE_ERROR, 1};
    }
    return new int[] {rune, need + 1};
  }
}
