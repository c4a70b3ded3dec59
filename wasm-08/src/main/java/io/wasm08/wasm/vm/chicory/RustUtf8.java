package io.wasm08.wasm.vm.chicory;

/**
 * Rust's {@code String::from_utf8_lossy}: each maximal subpart of an ill-formed sequence (Unicode
 * §3.9, Table 3-7) becomes one U+FFFD. The JDK decoder replaces an encoded surrogate ({@code ED A0
 * 80}) with a single U+FFFD where Rust writes three, and abort messages are consensus data.
 */
final class RustUtf8 {
  private RustUtf8() {}

  static String lossy(byte[] data) {
    StringBuilder out = new StringBuilder(data.length);
    int i = 0;
    while (i < data.length) {
      int b0 = data[i] & 0xFF;
      if (b0 < 0x80) {
        out.append((char) b0);
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        lo = b0 == 0xE0 ? 0xA0 : 0x80;
        hi = b0 == 0xED ? 0x9F : 0xBF;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF;
      } else {
        out.append('\uFFFD');
        i++;
        continue;
      }
      int codePoint = b0 & (0x3F >> need);
      int j = 1;
      boolean valid = true;
      for (; j <= need; j++) {
        if (i + j >= data.length) {
          valid = false;
          break;
        }
        int b = data[i + j] & 0xFF;
        int min = j == 1 ? lo : 0x80;
        int max = j == 1 ? hi : 0xBF;
        if (b < min || b > max) {
          valid = false;
          break;
        }
        codePoint = (codePoint << 6) | (b & 0x3F);
      }
      if (valid) {
        out.appendCodePoint(codePoint);
        i += need + 1;
      } else {
        // the maximal subpart is everything accepted so far (at least the lead byte)
        out.append('\uFFFD');
        i += j;
      }
    }
    return out.toString();
  }
}
