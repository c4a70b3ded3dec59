package io.wasm08.gov.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.core.errors.IbcException;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SdkInt text decoding as gogoproto's {@code math.Int.Unmarshal} does it: Go's {@code
 * big.Int.UnmarshalText}, i.e. {@code SetString(s, 0)}. Expected values follow the Go spec of
 * {@code SetString} (base prefixes, a bare leading 0 meaning octal, underscores only between
 * digits) and are derived by hand.
 */
class SdkIntTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("0", "0"),
        Arguments.of("10000000", "10000000"),
        Arguments.of("+7", "7"),
        Arguments.of("-7", "-7"),
        Arguments.of("010", "8"),
        Arguments.of("0x10", "16"),
        Arguments.of("0XfF", "255"),
        Arguments.of("0b101", "5"),
        Arguments.of("0o17", "15"),
        Arguments.of("1_000", "1000"),
        Arguments.of("0x_1f", "31"),
        Arguments.of("0_7", "7"),
        Arguments.of("00", "0"),
        // 2^256 - 1: the largest magnitude.
        Arguments.of(
            "115792089237316195423570985008687907853269984665640564039457584007913129639935",
            "115792089237316195423570985008687907853269984665640564039457584007913129639935"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesGoBaseZeroSyntax(String text, String expected) {
    assertThat(SdkInt.parse(text).toString()).isEqualTo(expected);
  }

  static Stream<String> invalid() {
    return Stream.of(
        "", "+", "-", "abc", "1.5", " 1", "1 ", "08", "0x", "0b2", "1__0", "_1", "1_", "0_", "+-1",
        "٣", "1e3");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> SdkInt.parse(text))
        .isInstanceOf(IbcException.class)
        .hasMessage("math/big: cannot unmarshal \"" + text + "\" into a *big.Int");
  }

  @org.junit.jupiter.api.Test
  void boundsAreTwoHundredFiftySixBits() {
    String twoTo256 = BigInteger.ONE.shiftLeft(256).toString();
    assertThatThrownBy(() -> SdkInt.parse(twoTo256))
        .hasMessage("integer out of range; got: 257, max: 256");
    SdkInt max = new SdkInt(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    assertThatThrownBy(() -> max.add(SdkInt.ONE))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("Int overflow");
  }
}
