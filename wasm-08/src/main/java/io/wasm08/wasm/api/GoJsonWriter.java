package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON exactly as Go's {@code encoding/json.Marshal} does for the structs 08-wasm sends:
 * fields in struct order, no whitespace, {@code []byte} as padded base64 ({@code null} for nil),
 * {@code uint64} as a number, strings with Go's escaping (HTML characters and controls as
 * six-character unicode escapes, {@code \b \f \n \r \t} short forms, U+2028/U+2029 escaped, invalid
 * UTF-8 as an escaped U+FFFD). Byte-exactness matters: the contract pays VM gas per byte it parses,
 * and that gas is consensus data.
 */
public final class GoJsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder();
  private boolean needComma;

  public GoJsonWriter beginObject() {
    separate();
    out.append('{');
    needComma = false;
    return this;
  }

  public GoJsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  public GoJsonWriter beginArray() {
    separate();
    out.append('[');
    needComma = false;
    return this;
  }

  public GoJsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes {@code "name":}; the next value call writes the value. */
  public GoJsonWriter name(String name) {
    separate();
    appendString(out, name);
    out.append(':');
    needComma = false;
    return this;
  }

  /** A {@code []byte}: base64 with padding, or {@code null} when {@code value} is null. */
  public GoJsonWriter bytes(Bytes value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      out.append('"').append(value.toBase64()).append('"');
    }
    needComma = true;
    return this;
  }

  /** A Go {@code string} (UTF-8 bytes, escaped as Go does). */
  public GoJsonWriter string(String value) {
    separate();
    appendString(out, value);
    needComma = true;
    return this;
  }

  /** A Go {@code string} holding arbitrary bytes (e.g. {@code string(key)}). */
  public GoJsonWriter stringBytes(Bytes value) {
    separate();
    appendString(out, value.toByteArray());
    needComma = true;
    return this;
  }

  /** A {@code uint64} as a JSON number. */
  public GoJsonWriter uint64(long value) {
    separate();
    out.append(Long.toUnsignedString(value));
    needComma = true;
    return this;
  }

  public GoJsonWriter bool(boolean value) {
    separate();
    out.append(value);
    needComma = true;
    return this;
  }

  public GoJsonWriter nullValue() {
    separate();
    out.append("null");
    needComma = true;
    return this;
  }

  /** An already-encoded JSON value, as {@code json.RawMessage}. */
  public GoJsonWriter raw(String json) {
    separate();
    out.append(json);
    needComma = true;
    return this;
  }

  /**
   * {@code clienttypes.Height}: both fields always (ibc-go ≥ v9), or — {@code omitEmpty} — as v7/v8
   * did, each field only when non-zero.
   */
  public GoJsonWriter height(Height height, boolean omitEmpty) {
    beginObject();
    if (!omitEmpty || height.revisionNumber() != 0) {
      name("revision_number").uint64(height.revisionNumber());
    }
    if (!omitEmpty || height.revisionHeight() != 0) {
      name("revision_height").uint64(height.revisionHeight());
    }
    return endObject();
  }

  private void separate() {
    if (needComma) {
      out.append(',');
      needComma = false;
    }
  }

  public String toJson() {
    return out.toString();
  }

  public Bytes toBytes() {
    return Bytes.ofUtf8(out.toString());
  }

  /** Go's encoding of a string value. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder();
    appendString(sb, value);
    return sb.toString();
  }

  static void appendString(StringBuilder sb, String value) {
    appendString(sb, value.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code encodeState.string} with {@code escapeHTML = true} over the raw bytes. */
  static void appendString(StringBuilder sb, byte[] s) {
    sb.append('"');
    int i = 0;
    while (i < s.length) {
      int b = s[i] & 0xFF;
      if (b < 0x80) {
        if (b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&') {
          sb.append((char) b);
        } else {
          switch (b) {
            case '\\', '"' -> sb.append('\\').append((char) b);
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append("\\u00").append(HEX[b >> 4]).append(HEX[b & 0xF]);
          }
        }
        i++;
        continue;
      }
      int[] decoded = Utf8.decodeRune(s, i);
      int rune = decoded[0];
      int size = decoded[1];
      if (rune == Utf8.RUNE_ERROR && size == 1) {
        sb.append("\\ufffd");
      } else if (rune == 0x2028 || rune == 0x2029) {
        sb.append("\\u202").append(HEX[rune & 0xF]);
      } else {
        sb.appendCodePoint(rune);
      }
      i += size;
    }
    sb.append('"');
  }
}
