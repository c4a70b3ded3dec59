package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lossy decoding as Rust's {@code from_utf8_lossy}: the examples are the Unicode Standard's "U+FFFD
 * substitution of maximal subparts" table (§3.9, Table 3-8) and Rust's documented cases.
 */
class RustUtf8Test {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("48656c6c6f", "Hello"),
        Arguments.of("e282ac", "€"),
        Arguments.of("f09f9a80", "🚀"),
        // Table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 → a � � b � c � � d
        Arguments.of("61f18080e180c262806380bf64", "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd"),
        // an encoded surrogate: ED may only be followed by 80..9F, so three replacements
        Arguments.of("eda080", "\uFFFD\uFFFD\uFFFD"),
        // overlong forms and out-of-range lead bytes
        Arguments.of("c0af", "\uFFFD\uFFFD"),
        Arguments.of("e08080", "\uFFFD\uFFFD\uFFFD"),
        Arguments.of("f4908080", "\uFFFD\uFFFD\uFFFD\uFFFD"),
        // a truncated sequence is one maximal subpart
        Arguments.of("e282", "\uFFFD"),
        Arguments.of("e28261", "\uFFFDa"),
        Arguments.of("ff", "\uFFFD"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesAsRust(String hex, String expected) {
    assertThat(RustUtf8.lossy(HexFormat.of().parseHex(hex))).isEqualTo(expected);
  }
}
