package io.wasm08.wasm.api;

import io.wasm08.wasm.api.GoJsonValue.JArray;
import io.wasm08.wasm.api.GoJsonValue.JBool;
import io.wasm08.wasm.api.GoJsonValue.JNull;
import io.wasm08.wasm.api.GoJsonValue.JNumber;
import io.wasm08.wasm.api.GoJsonValue.JObject;
import io.wasm08.wasm.api.GoJsonValue.JString;
import io.wasm08.wasm.api.GoJsonValue.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses JSON with the acceptance rules and error texts of Go's {@code encoding/json} scanner
 * ({@code checkValid}): the first offending byte in input order is reported as {@code "invalid
 * character 'x' <context>"}, a truncated input as {@code "unexpected end of JSON input"}, nesting
 * beyond 10 000 as {@code "… exceeded max depth"}. Iterative, so hostile nesting cannot exhaust the
 * Java stack. Strings are not UTF-8-checked by the scanner; unquoting replaces bad bytes with
 * U+FFFD.
 */
public final class GoJsonParser {
  private static final int MAX_NESTING_DEPTH = 10_000;

  private final byte[] src;
  private int pos;

  private GoJsonParser(byte[] src) {
    this.src = src;
  }

  /** Parses a complete JSON document; throws {@link GoJsonException} with Go's text. */
  public static GoJsonValue parse(byte[] json) {
    return new GoJsonParser(json).document();
  }

  public static GoJsonValue parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A container being filled. */
  private static final class Frame {
    final boolean object;
    final int start;
    final List<Member> members = new ArrayList<>();
    final List<GoJsonValue> elements = new ArrayList<>();
    String pendingKey;

    Frame(boolean object, int start) {
      this.object = object;
      this.start = start;
    }
  }

  private GoJsonValue document() {
    Deque<Frame> stack = new ArrayDeque<>();
    GoJsonValue completed = null;
    skipWhitespace();
    // State: expecting a value (at top level, after '[' / ',' in arrays, after ':' in objects).
    boolean expectValue = true;
    while (true) {
      if (expectValue) {
        expectValue = false;
        int c = peek();
        if (c < 0) {
          throw eof();
        }
        if (c == '{' || c == '[') {
          if (stack.size() + 1 > MAX_NESTING_DEPTH) {
            throw error(c, "exceeded max depth");
          }
          boolean object = c == '{';
          stack.push(new Frame(object, pos));
          pos++;
          skipWhitespace();
          int next = peek();
          if (next < 0) {
            throw eof();
          }
          if (object) {
            if (next == '}') {
              pos++;
              completed = close(stack.pop());
            } else {
              readKey(stack.peek());
              expectValue = true;
              continue;
            }
          } else {
            if (next == ']') {
              pos++;
              completed = close(stack.pop());
            } else {
              expectValue = true;
              continue;
            }
          }
        } else {
          completed = scalar(c);
        }
      }
      // A value was completed: attach it and decide what comes next.
      if (stack.isEmpty()) {
        skipWhitespace();
        if (pos < src.length) {
          throw error(src[pos] & 0xFF, "after top-level value");
        }
        return completed;
      }
      Frame top = stack.peek();
      skipWhitespace();
      int c = peek();
      if (c < 0) {
        throw eof();
      }
      if (top.object) {
        top.members.add(new Member(top.pendingKey, completed));
        if (c == ',') {
          pos++;
          skipWhitespace();
          if (peek() < 0) {
            throw eof();
          }
          readKey(top);
          expectValue = true;
        } else if (c == '}') {
          pos++;
          completed = close(stack.pop());
          continue;
        } else {
          throw error(c, "after object key:value pair");
        }
      } else {
        top.elements.add(completed);
        if (c == ',') {
          pos++;
          skipWhitespace();
          expectValue = true;
        } else if (c == ']') {
          pos++;
          completed = close(stack.pop());
          continue;
        } else {
          throw error(c, "after array element");
        }
      }
      // expectValue set: skip whitespace before the value
      skipWhitespace();
    }
  }

  private GoJsonValue close(Frame frame) {
    return frame.object
        ? new JObject(frame.members, frame.start, pos)
        : new JArray(frame.elements, frame.start, pos);
  }

  /** At a key position (whitespace skipped): a string, then ':' . */
  private void readKey(Frame frame) {
    int c = peek();
    if (c != '"') {
      throw error(c, "looking for beginning of object key string");
    }
    frame.pendingKey = string().value();
    skipWhitespace();
    int next = peek();
    if (next < 0) {
      throw eof();
    }
    if (next != ':') {
      throw error(next, "after object key");
    }
    pos++;
    skipWhitespace();
  }

  private GoJsonValue scalar(int c) {
    int start = pos;
    switch (c) {
      case '"' -> {
        return string();
      }
      case 't' -> {
        literal("true", "in literal true");
        return new JBool(true, start, pos);
      }
      case 'f' -> {
        literal("false", "in literal false");
        return new JBool(false, start, pos);
      }
      case 'n' -> {
        literal("null", "in literal null");
        return new JNull(start, pos);
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error(c, "looking for beginning of value");
      }
    }
  }

  private void literal(String word, String context) {
    pos++;
    for (int i = 1; i < word.length(); i++) {
      int c = peekOrSpace();
      if (c != word.charAt(i)) {
        throw error(c, context + " (expecting '" + word.charAt(i) + "')");
      }
      pos++;
    }
  }

  private JNumber number() {
    int start = pos;
    if (src[pos] == '-') {
      pos++;
      int c = peekOrSpace();
      if (!(c >= '0' && c <= '9')) {
        throw error(c, "in numeric literal");
      }
    }
    if (src[pos] == '0') {
      pos++;
    } else {
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == '.') {
      pos++;
      int c = peekOrSpace();
      if (!isDigit(c)) {
        throw error(c, "after decimal point in numeric literal");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      int c = peek();
      if (c == '+' || c == '-') {
        pos++;
        c = peekOrSpace();
      }
      if (c < 0) {
        c = ' ';
      }
      if (!isDigit(c)) {
        throw error(c, "in exponent of numeric literal");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    return new JNumber(new String(src, start, pos - start, StandardCharsets.US_ASCII), start, pos);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** Scans a string literal (validity as Go's scanner) and unquotes it (as Go's unquote). */
  private JString string() {
    int start = pos;
    pos++;
    while (true) {
      int c = peek();
      if (c < 0) {
        throw eof();
      }
      pos++;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        int e = peekOrSpace();
        pos++;
        switch (e) {
          case 'b', 'f', 'n', 'r', 't', '\\', '/', '"' -> {}
          case 'u' -> {
            for (int i = 0; i < 4; i++) {
              int h = peekOrSpace();
              if (!isHex(h)) {
                throw error(h, "in \\u hexadecimal character escape");
              }
              pos++;
            }
          }
          default -> throw error(e, "in string escape code");
        }
      } else if (c < 0x20) {
        throw error(c, "in string literal");
      }
    }
    return new JString(unquote(start + 1, pos - 1), start, pos);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Go's {@code unquote} of a scanned literal body {@code [from, to)}. */
  private String unquote(int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int r = from;
    while (r < to) {
      int c = src[r] & 0xFF;
      if (c == '\\') {
        int e = src[r + 1] & 0xFF;
        switch (e) {
          case '"', '\\', '/', '\'' -> {
            sb.append((char) e);
            r += 2;
          }
          case 'b' -> {
            sb.append('\b');
            r += 2;
          }
          case 'f' -> {
            sb.append('\f');
            r += 2;
          }
          case 'n' -> {
            sb.append('\n');
            r += 2;
          }
          case 'r' -> {
            sb.append('\r');
            r += 2;
          }
          case 't' -> {
            sb.append('\t');
            r += 2;
          }
          default -> {
            // 'u' (the scanner admitted nothing else)
            int rr = hex4(r + 2);
            r += 6;
            if (rr >= 0xD800 && rr < 0xE000) {
              int rr1 = r + 6 <= to && src[r] == '\\' && src[r + 1] == 'u' ? hex4(r + 2) : -1;
              if (rr < 0xDC00 && rr1 >= 0xDC00 && rr1 < 0xE000) {
                sb.appendCodePoint(((rr - 0xD800) << 10 | (rr1 - 0xDC00)) + 0x10000);
                r += 6;
                continue;
              }
              rr = Utf8.RUNE_ERROR;
            }
            sb.appendCodePoint(rr);
          }
        }
      } else if (c < 0x80) {
        sb.append((char) c);
        r++;
      } else {
        int[] decoded = Utf8.decodeRune(java.util.Arrays.copyOfRange(src, r, to), 0);
        sb.appendCodePoint(decoded[0]);
        r += decoded[1];
      }
    }
    return sb.toString();
  }

  private int hex4(int at) {
    return Integer.parseInt(new String(src, at, 4, StandardCharsets.US_ASCII), 16);
  }

  private void skipWhitespace() {
    while (pos < src.length) {
      byte b = src[pos];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  /**
   * At the end of input Go's scanner is fed one more space: inside a number, literal or escape that
   * space is the offending character, not the end.
   */
  private int peekOrSpace() {
    return pos < src.length ? src[pos] & 0xFF : ' ';
  }

  private int peek() {
    return pos < src.length ? src[pos] & 0xFF : -1;
  }

  private static GoJsonException eof() {
    return new GoJsonException("unexpected end of JSON input");
  }

  private static GoJsonException error(int c, String context) {
    return new GoJsonException("invalid character " + quoteChar(c) + " " + context);
  }

  /** Go's {@code quoteChar}: the byte as a rune literal, escaped as {@code strconv.Quote} does. */
  static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    return "'" + quoteRune(c) + "'";
  }

  private static String quoteRune(int c) {
    switch (c) {
      case 0x07 -> {
        return "\\a";
      }
      case '\b' -> {
        return "\\b";
      }
      case '\f' -> {
        return "\\f";
      }
      case '\n' -> {
        return "\\n";
      }
      case '\r' -> {
        return "\\r";
      }
      case '\t' -> {
        return "\\t";
      }
      case 0x0B -> {
        return "\\v";
      }
      case '\\' -> {
        return "\\\\";
      }
      default -> {}
    }
    if (c < 0x20 || c == 0x7F) {
      return String.format("\\x%02x", c);
    }
    // bytes >= 0x80 are printed as the Latin-1 rune of the same value (string(rune(c)))
    if ((c >= 0x80 && c < 0xA0) || c == 0xAD) {
      return String.format("\\u%04x", c);
    }
    return new String(Character.toChars(c));
  }
}
