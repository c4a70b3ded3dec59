package io.wasm08.gov.types;

/**
 * Go's {@code encoding/json} string encoding (HTML-safe, as {@code json.Marshal} writes it). Input
 * comes from proto3 strings, which protobuf-java has already checked to be valid UTF-8.
 */
final class GoJson {
  private GoJson() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static void appendString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(b, c);
        default -> {
          if (c < 0x20) {
            unicode(b, c);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static void unicode(StringBuilder b, char c) {
    b.append("\\u00");
    if (c > 0xFF) {
      b.setLength(b.length() - 2);
      b.append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]);
    }
    b.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
  }
}
