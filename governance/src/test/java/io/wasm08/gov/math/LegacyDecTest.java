package io.wasm08.gov.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.core.errors.IbcException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LegacyDec against the tables of cosmossdk.io/math v1.3.0 {@code dec_test.go} (the math SDK
 * v0.50.5 uses): TestNewDecFromStr, TestDecString, TestArithmetic (Mul, Quo, Add, Sub),
 * TestBankerRoundChop and TestTruncate. Expected values are upstream's, written as decimal strings.
 */
class LegacyDecTest {

  static Stream<Arguments> fromStr() {
    return Stream.of(
        Arguments.of("0", "0.000000000000000000"),
        Arguments.of("1", "1.000000000000000000"),
        Arguments.of("1.1", "1.100000000000000000"),
        Arguments.of("0.75", "0.750000000000000000"),
        Arguments.of("0.8", "0.800000000000000000"),
        Arguments.of("0.11111", "0.111110000000000000"),
        Arguments.of(
            "314460551102969314427823434337.1835",
            "314460551102969314427823434337.183500000000000000"),
        Arguments.of(
            "8888888888888888888888888888888888888888888888888888888888888888888844444440",
            "8888888888888888888888888888888888888888888888888888888888888888888844444440.000000000000000000"),
        Arguments.of(
            "33499189745056880149688856635597007162669032647290798121690100488888732861290.034376435130433535",
            "33499189745056880149688856635597007162669032647290798121690100488888732861290.034376435130433535"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fromStr")
  void parsesValidStrings(String text, String expected) {
    assertThat(LegacyDec.parse(text).toString()).isEqualTo(expected);
    LegacyDec negative = LegacyDec.parse("-" + text);
    assertThat(negative).isEqualTo(LegacyDec.parse(text).mul(LegacyDec.of(-1)));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "decimal string cannot be empty"),
        Arguments.of("0.-75", "failed to set decimal string with base 10: 0-75000000000000000"),
        Arguments.of(
            "314460551102969.3144278234343371835",
            "value '314460551102969.3144278234343371835' exceeds max precision by -1 decimal"
                + " places: max precision 18"),
        Arguments.of(".", "invalid decimal length"),
        Arguments.of(".0", "invalid decimal length"),
        Arguments.of("1.", "invalid decimal length"),
        Arguments.of(
            "foobar", "failed to set decimal string with base 10: foobar000000000000000000"),
        Arguments.of("0.foobar", "failed to set decimal string with base 10: 0foobar000000000000"),
        Arguments.of("0.foobar.", "invalid decimal string"),
        Arguments.of(
            "133499189745056880149688856635597007162669032647290798121690100488888732861291",
            "decimal '133499189745056880149688856635597007162669032647290798121690100488888732861291'"
                + " out of range; bitLen: got 317, max 315"),
        // Non-ASCII digits are not digits to Go (BigInteger alone would accept them).
        Arguments.of("٣", "failed to set decimal string with base 10: ٣000000000000000000"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void rejectsInvalidStringsWithUpstreamTexts(String text, String message) {
    assertThatThrownBy(() -> LegacyDec.parse(text))
        .isInstanceOf(IbcException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> LegacyDec.parse("-" + text)).isInstanceOf(IbcException.class);
  }

  /** Go's base-10 SetString takes a sign of its own after the stripped '-': derived by hand. */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void signQuirks(String text, String expected) {
    assertThat(LegacyDec.parse(text).toString()).isEqualTo(expected);
  }

  static Stream<Arguments> signQuirks() {
    return Stream.of(
        Arguments.of("+.5", "0.500000000000000000"),
        Arguments.of("--1", "1.000000000000000000"),
        Arguments.of("-+1", "-1.000000000000000000"));
  }

  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of(LegacyDec.of(0), "0.000000000000000000"),
        Arguments.of(LegacyDec.of(1), "1.000000000000000000"),
        Arguments.of(LegacyDec.of(10), "10.000000000000000000"),
        Arguments.of(LegacyDec.of(12340), "12340.000000000000000000"),
        Arguments.of(LegacyDec.withPrec(12340, 4), "1.234000000000000000"),
        Arguments.of(LegacyDec.withPrec(12340, 5), "0.123400000000000000"),
        Arguments.of(LegacyDec.withPrec(12340, 8), "0.000123400000000000"),
        Arguments.of(LegacyDec.withPrec(1009009009009009009L, 17), "10.090090090090090090"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("strings")
  void printsEighteenDecimals(LegacyDec d, String expected) {
    assertThat(d.toString()).isEqualTo(expected);
  }

  // d1, d2, mul, quo (null: division by zero), add, sub
  static Stream<Arguments> arithmetic() {
    return Stream.of(
        Arguments.of("0", "0", "0", null, "0", "0"),
        Arguments.of("1", "0", "0", null, "1", "1"),
        Arguments.of("0", "1", "0", "0", "1", "-1"),
        Arguments.of("0", "-1", "0", "0", "-1", "1"),
        Arguments.of("-1", "0", "0", null, "-1", "-1"),
        Arguments.of("1", "1", "1", "1", "2", "0"),
        Arguments.of("-1", "-1", "1", "1", "-2", "0"),
        Arguments.of("1", "-1", "-1", "-1", "0", "2"),
        Arguments.of("-1", "1", "-1", "-1", "0", "-2"),
        Arguments.of("3", "7", "21", "0.428571428571428571", "10", "-4"),
        Arguments.of("2", "4", "8", "0.5", "6", "-2"),
        Arguments.of("100", "100", "10000", "1", "200", "0"),
        Arguments.of("1.5", "1.5", "2.25", "1", "3", "0"),
        Arguments.of("0.3333", "0.0333", "0.01109889", "10.009009009009009009", "0.3666", "0.3"));
  }

  @ParameterizedTest(name = "{0} op {1}")
  @MethodSource("arithmetic")
  void arithmeticMatchesUpstream(
      String a, String b, String mul, String quo, String add, String sub) {
    LegacyDec d1 = LegacyDec.parse(a);
    LegacyDec d2 = LegacyDec.parse(b);
    assertThat(d1.mul(d2)).isEqualTo(LegacyDec.parse(mul));
    assertThat(d1.add(d2)).isEqualTo(LegacyDec.parse(add));
    assertThat(d1.sub(d2)).isEqualTo(LegacyDec.parse(sub));
    if (quo == null) {
      assertThatThrownBy(() -> d1.quo(d2)).isInstanceOf(ArithmeticException.class);
    } else {
      assertThat(d1.quo(d2)).isEqualTo(LegacyDec.parse(quo));
    }
  }

  // value, RoundInt (banker's), TruncateInt
  static Stream<Arguments> rounding() {
    return Stream.of(
        Arguments.of("0.25", 0, 0),
        Arguments.of("0", 0, 0),
        Arguments.of("1", 1, 1),
        Arguments.of("0.75", 1, 0),
        Arguments.of("0.5", 0, 0),
        Arguments.of("7.5", 8, 7),
        Arguments.of("1.5", 2, 1),
        Arguments.of("2.5", 2, 2),
        Arguments.of("0.545", 1, 0),
        Arguments.of("1.545", 2, 1),
        Arguments.of("7.6", 8, 7),
        Arguments.of("7.4", 7, 7),
        Arguments.of("100.1", 100, 100),
        Arguments.of("1000.1", 1000, 1000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rounding")
  void roundsHalfToEvenAndTruncatesTowardZero(String value, long round, long truncate) {
    LegacyDec d = LegacyDec.parse(value);
    assertThat(d.roundInt()).isEqualTo(SdkInt.of(round));
    assertThat(d.truncateInt()).isEqualTo(SdkInt.of(truncate));
    LegacyDec negative = LegacyDec.ZERO.sub(d);
    assertThat(negative.roundInt()).isEqualTo(SdkInt.of(-round));
    assertThat(negative.truncateInt()).isEqualTo(SdkInt.of(-truncate));
  }
}
