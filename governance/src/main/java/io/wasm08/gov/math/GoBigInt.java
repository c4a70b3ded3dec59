package io.wasm08.gov.math;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Go's {@code (*big.Int).SetString} for bases 10 and 0, which decide what the SDK accepts as
 * integer text: {@code math.Int} decodes with base 0 (so {@code "0x10"}, {@code "010"} (octal) and
 * {@code "1_000"} are numbers), {@code LegacyDec} parses its digits with base 10. Only ASCII digits
 * count, unlike {@link BigInteger#BigInteger(String)}, which also takes other Unicode digits.
 */
final class GoBigInt {
  private GoBigInt() {}

  /** {@code SetString(s, 10)}: an optional sign, then one or more ASCII decimal digits. */
  static Optional<BigInteger> parseBase10(String s) {
    int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (start == s.length()) {
      return Optional.empty();
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(new BigInteger(s));
  }

  /**
   * {@code SetString(s, 0)}: an optional sign, a base prefix ({@code 0b}, {@code 0o}, {@code 0x} in
   * either case, or a bare leading {@code 0} for octal), digits of that base, and underscores only
   * between a prefix or digit and a following digit.
   */
  static Optional<BigInteger> parseBase0(String s) {
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    // Whether the character before the current one may precede an underscore (digit or prefix).
    boolean separable = false;
    int digits = 0;
    if (i < s.length() && s.charAt(i) == '0') {
      if (i + 1 < s.length() && "bBoOxX".indexOf(s.charAt(i + 1)) >= 0) {
        char p = Character.toLowerCase(s.charAt(i + 1));
        radix = p == 'b' ? 2 : p == 'o' ? 8 : 16;
        i += 2;
      } else {
        // A bare leading zero selects octal and is itself a digit.
        radix = 8;
        i += 1;
        digits = 1;
      }
      separable = true;
    }
    StringBuilder body = new StringBuilder(s.length());
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        boolean nextIsDigit = i + 1 < s.length() && digitValue(s.charAt(i + 1)) < radix;
        if (!separable || !nextIsDigit) {
          return Optional.empty();
        }
        separable = false;
        continue;
      }
      if (digitValue(c) >= radix) {
        return Optional.empty();
      }
      body.append(c);
      digits++;
      separable = true;
    }
    if (digits == 0) {
      return Optional.empty();
    }
    BigInteger value = body.isEmpty() ? BigInteger.ZERO : new BigInteger(body.toString(), radix);
    return Optional.of(negative ? value.negate() : value);
  }

  /** The value of an ASCII digit or letter in bases up to 36; 99 for anything else. */
  private static int digitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    return 99;
  }
}
