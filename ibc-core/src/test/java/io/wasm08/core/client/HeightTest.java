package io.wasm08.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors ibc-go {@code 02-client/types/height_test.go}. */
class HeightTest {
  private static final long MAX_UINT64 = -1L;

  @Test
  void zeroHeight() {
    assertThat(Height.ZERO).isEqualTo(Height.of(0, 0));
    assertThat(Height.ZERO.isZero()).isTrue();
    assertThat(Height.of(0, 1).isZero()).isFalse();
  }

  static Stream<Arguments> compareHeights() {
    return Stream.of(
        arguments("revision number 1 is lesser", Height.of(1, 3), Height.of(3, 4), -1),
        arguments("revision number 1 is greater", Height.of(7, 5), Height.of(4, 5), 1),
        arguments("revision height 1 is lesser", Height.of(3, 4), Height.of(3, 9), -1),
        arguments("revision height 1 is greater", Height.of(3, 8), Height.of(3, 3), 1),
        arguments("revision number is MaxUint64", Height.of(MAX_UINT64, 1), Height.of(0, 1), 1),
        arguments("revision height is MaxUint64", Height.of(1, MAX_UINT64), Height.of(1, 0), 1),
        arguments("height is equal", Height.of(4, 4), Height.of(4, 4), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void compareHeights(String name, Height h1, Height h2, int sign) {
    assertThat(Integer.signum(h1.compareTo(h2))).isEqualTo(sign);
    assertThat(h1.lt(h2)).isEqualTo(sign < 0);
    assertThat(h1.lte(h2)).isEqualTo(sign <= 0);
    assertThat(h1.gt(h2)).isEqualTo(sign > 0);
    assertThat(h1.gte(h2)).isEqualTo(sign >= 0);
  }

  @Test
  void decrement() {
    assertThat(Height.of(3, 3).decrement()).contains(Height.of(3, 2));
    assertThat(Height.of(3, 0).decrement()).isEqualTo(Optional.empty());
    assertThat(Height.of(3, 3).increment()).isEqualTo(Height.of(3, 4));
  }

  @Test
  void stringRoundTripAndParseErrors() {
    assertThat(Height.parse(Height.of(3, 4).toString())).isEqualTo(Height.of(3, 4));
    assertThat(Height.parse("3-10")).isEqualTo(Height.of(3, 10));
    assertThat(Height.parse("111-1")).isEqualTo(Height.of(111, 1));
    assertThat(Height.parse("0-0")).isEqualTo(Height.ZERO);
    assertThat(Height.of(MAX_UINT64, MAX_UINT64))
        .hasToString("18446744073709551615-18446744073709551615");
    assertThat(Height.parse("18446744073709551615-18446744073709551615"))
        .isEqualTo(Height.of(MAX_UINT64, MAX_UINT64));
  }

  static Stream<Arguments> parseErrors() {
    // Texts: ibc-go ParseHeight wrapping Go's strconv.ParseUint errors.
    return Stream.of(
        arguments(
            "height",
            "expected height string format: {revision}-{height}. Got: height: invalid height"),
        arguments(
            "revision-10",
            "invalid revision number. parse err: strconv.ParseUint: parsing \"revision\": invalid"
                + " syntax: invalid height"),
        arguments(
            "3-height",
            "invalid revision height. parse err: strconv.ParseUint: parsing \"height\": invalid"
                + " syntax: invalid height"),
        arguments(
            "1-2-3",
            "expected height string format: {revision}-{height}. Got: 1-2-3: invalid height"),
        arguments(
            "1-18446744073709551616",
            "invalid revision height. parse err: strconv.ParseUint: parsing"
                + " \"18446744073709551616\": value out of range: invalid height"),
        arguments(
            "-1-1",
            "expected height string format: {revision}-{height}. Got: -1-1: invalid height"),
        arguments(
            "+1-1",
            "invalid revision number. parse err: strconv.ParseUint: parsing \"+1\": invalid"
                + " syntax: invalid height"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void parseErrors(String text, String message) {
    assertThatThrownBy(() -> Height.parse(text))
        .isInstanceOf(IbcException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((IbcException) e).is(IbcErrorCode.INVALID_HEIGHT)).isTrue());
  }

  static Stream<Arguments> parseChainId() {
    return Stream.of(
        arguments("gaiamainnet-3", 3L, true),
        arguments("a-1", 1L, true),
        arguments("gaia-mainnet-40", 40L, true),
        arguments("gaiamainnet-3-39", 39L, true),
        arguments("gaiamainnet--", 0L, false),
        arguments("gaiamainnet-03", 0L, false),
        arguments("gaiamainnet--4", 0L, false),
        arguments("gaiamainnet-3.4", 0L, false),
        arguments("gaiamainnet", 0L, false),
        arguments("gaiamain\nnet-1", 0L, false),
        arguments("gaiamainnet-1\n", 0L, false),
        arguments("gaiamainnet\n-3", 0L, false),
        arguments("a--1", 0L, false),
        arguments("-1", 0L, false),
        arguments("--1", 0L, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void parseChainId(String chainId, long revision, boolean formatted) {
    assertThat(Height.isRevisionFormat(chainId)).isEqualTo(formatted);
    assertThat(Height.parseChainId(chainId)).isEqualTo(revision);
  }

  @Test
  void setRevisionNumber() {
    assertThatThrownBy(() -> Height.setRevisionNumber("gaiamainnet", 3))
        .hasMessage("chainID is not in revision format: gaiamainnet: invalid chain-id");
    assertThat(Height.setRevisionNumber("gaiamainnet-3", 4)).isEqualTo("gaiamainnet-4");
  }

  @Test
  void selfHeight() {
    assertThat(Height.selfHeight("gaiamainnet", 10)).isEqualTo(Height.of(0, 10));
    assertThat(Height.selfHeight("gaiamainnet-3", 18)).isEqualTo(Height.of(3, 18));
  }

  @Test
  void jsonAlwaysCarriesBothFields() {
    // ibc-go >= v9 (PR #6640): no omitempty on either field.
    assertThat(Height.ZERO.toJson()).isEqualTo("{\"revision_number\":0,\"revision_height\":0}");
    assertThat(Height.of(1, 5).toJson()).isEqualTo("{\"revision_number\":1,\"revision_height\":5}");
  }

  @Test
  void protoRoundTrip() {
    Height h = Height.of(MAX_UINT64, 7);
    assertThat(Height.fromProto(h.toProto())).isEqualTo(h);
  }
}
