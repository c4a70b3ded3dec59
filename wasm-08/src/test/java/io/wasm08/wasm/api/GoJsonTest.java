package io.wasm08.wasm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go {@code encoding/json} decoding semantics and error texts, checked against the cases of Go's
 * own {@code decode_test.go} ({@code unmarshalTests} 35–47, 96–98, 134) and the texts ibc-go's
 * 08-wasm tests assert; the rest derive from Go's scanner rules as documented per case.
 */
class GoJsonTest {
  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        // Go decode_test.go unmarshalTests
        arguments("{\"X\": \"foo\", \"Y\"}", "invalid character '}' after object key"),
        arguments("[1, 2, 3+]", "invalid character '+' after array element"),
        arguments("{\"X\":12x}", "invalid character 'x' after object key:value pair"),
        arguments("[2, 3", "unexpected end of JSON input"),
        arguments("\u0001 42", "invalid character '\\x01' looking for beginning of value"),
        arguments(" 42 \u0001", "invalid character '\\x01' after top-level value"),
        arguments(" false \u0001", "invalid character '\\x01' after top-level value"),
        arguments(" \"string\" \u0001", "invalid character '\\x01' after top-level value"),
        // ibc-go light_client_module_test: contract returned "invalid json"
        arguments("invalid json", "invalid character 'i' looking for beginning of value"),
        // Go's scanner: empty input, EOF mid-literal/number/escape (fed a space), bad keys
        arguments("", "unexpected end of JSON input"),
        arguments("  ", "unexpected end of JSON input"),
        arguments("tr", "invalid character ' ' in literal true (expecting 'u')"),
        arguments("nul", "invalid character ' ' in literal null (expecting 'l')"),
        arguments("fals", "invalid character ' ' in literal false (expecting 'e')"),
        arguments("-", "invalid character ' ' in numeric literal"),
        arguments("1.", "invalid character ' ' after decimal point in numeric literal"),
        arguments("1e+", "invalid character ' ' in exponent of numeric literal"),
        arguments("\"a\\", "invalid character ' ' in string escape code"),
        arguments("\"\\u12", "invalid character ' ' in \\u hexadecimal character escape"),
        arguments("\"abc", "unexpected end of JSON input"),
        arguments("{\"a\":1,}", "invalid character '}' looking for beginning of object key string"),
        arguments("{a:1}", "invalid character 'a' looking for beginning of object key string"),
        arguments("[1,]", "invalid character ']' looking for beginning of value"),
        arguments("01", "invalid character '1' after top-level value"),
        arguments("\"a\tb\"", "invalid character '\\t' in string literal"),
        arguments("\"\\x\"", "invalid character 'x' in string escape code"),
        arguments("{\"a\" 1}", "invalid character '1' after object key"),
        arguments("{'a':1}", "invalid character '\\'' looking for beginning of object key string"),
        arguments("[\"]", "unexpected end of JSON input"));
  }

  @ParameterizedTest(name = "#{index} {0}")
  @MethodSource("syntaxErrors")
  void syntaxErrorsHaveGosTexts(String input, String expected) {
    assertThatThrownBy(() -> GoJsonParser.parse(input))
        .isInstanceOf(GoJsonException.class)
        .hasMessage(expected);
  }

  @Test
  void hostileNestingIsAnErrorNotAStackOverflow() {
    String deep = "[".repeat(10_001) + "]".repeat(10_001);
    assertThatThrownBy(() -> GoJsonParser.parse(deep))
        .hasMessage("invalid character '[' exceeded max depth");
    String ok = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(GoJsonParser.parse(ok)).isInstanceOf(GoJsonValue.JArray.class);
  }

  /** Go decode_test 96–98: lone surrogates unquote to U+FFFD. */
  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    assertThat(((GoJsonValue.JString) GoJsonParser.parse("\"hello\\ud800world\"")).value())
        .isEqualTo("hello\ufffdworld");
    assertThat(((GoJsonValue.JString) GoJsonParser.parse("\"hello\\ud800\\ud800world\"")).value())
        .isEqualTo("hello\ufffd\ufffdworld");
    assertThat(((GoJsonValue.JString) GoJsonParser.parse("\"\\ud83d\\ude00\"")).value())
        .isEqualTo("\uD83D\uDE00");
    byte[] invalidUtf8 = {'"', 'a', (byte) 0xFF, 'b', '"'};
    assertThat(((GoJsonValue.JString) GoJsonParser.parse(invalidUtf8)).value())
        .isEqualTo("a\ufffdb");
  }

  static Stream<Arguments> statusResults() {
    return Stream.of(
        arguments("{\"status\":\"Active\"}", "Active", null),
        arguments("{\"status\":\"Frozen\",\"extra\":1}", "Frozen", null),
        // Go matches keys case-insensitively when no exact match exists
        arguments("{\"STATUS\":\"Expired\"}", "Expired", null),
        arguments("{}", "", null),
        arguments("null", "", null),
        arguments("{\"status\":null}", "", null),
        // duplicate keys: the last one wins
        arguments("{\"status\":\"Active\",\"status\":\"Frozen\"}", "Frozen", null),
        arguments(
            "{\"status\":1}",
            null,
            "json: cannot unmarshal number into Go struct field StatusResult.status of type string"),
        arguments(
            "\"Active\"",
            null,
            "json: cannot unmarshal string into Go value of type types.StatusResult"));
  }

  @ParameterizedTest(name = "#{index} {0}")
  @MethodSource("statusResults")
  void statusResult(String json, String status, String error) {
    if (error == null) {
      assertThat(ContractResults.status(Bytes.ofUtf8(json))).isEqualTo(status);
    } else {
      assertThatThrownBy(() -> ContractResults.status(Bytes.ofUtf8(json))).hasMessage(error);
    }
  }

  @Test
  void timestampAndMisbehaviourAndHeights() {
    assertThat(
            ContractResults.timestampAtHeight(Bytes.ofUtf8("{\"timestamp\":1700000000000000000}")))
        .isEqualTo(1_700_000_000_000_000_000L);
    assertThat(
            ContractResults.timestampAtHeight(Bytes.ofUtf8("{\"timestamp\":18446744073709551615}")))
        .isEqualTo(-1L);
    assertThatThrownBy(
            () ->
                ContractResults.timestampAtHeight(
                    Bytes.ofUtf8("{\"timestamp\":18446744073709551616}")))
        .hasMessage(
            "json: cannot unmarshal number 18446744073709551616 into Go struct field"
                + " TimestampAtHeightResult.timestamp of type uint64");
    assertThatThrownBy(
            () -> ContractResults.timestampAtHeight(Bytes.ofUtf8("{\"timestamp\":\"1\"}")))
        .hasMessage(
            "json: cannot unmarshal string into Go struct field TimestampAtHeightResult.timestamp"
                + " of type uint64");
    assertThatThrownBy(() -> ContractResults.timestampAtHeight(Bytes.ofUtf8("{\"timestamp\":-1}")))
        .hasMessageContaining("number -1");
    assertThat(ContractResults.checkForMisbehaviour(Bytes.ofUtf8("{\"found_misbehaviour\":true}")))
        .isTrue();
    assertThat(ContractResults.checkForMisbehaviour(Bytes.ofUtf8("{}"))).isFalse();
    assertThat(
            ContractResults.updateState(
                Bytes.ofUtf8("{\"heights\":[{\"revision_number\":1,\"revision_height\":50}]}")))
        .containsExactly(Height.of(1, 50));
    assertThat(ContractResults.updateState(Bytes.ofUtf8("{\"heights\":[]}"))).isEmpty();
    assertThat(ContractResults.updateState(Bytes.ofUtf8("{\"heights\":null}"))).isEmpty();
    assertThat(ContractResults.updateState(Bytes.ofUtf8("{\"heights\":[{\"revision_height\":7}]}")))
        .containsExactly(Height.of(0, 7));
    assertThatThrownBy(
            () ->
                ContractResults.updateState(
                    Bytes.ofUtf8("{\"heights\":[{\"revision_number\":\"x\"}]}")))
        .hasMessage(
            "json: cannot unmarshal string into Go struct field Height.heights.revision_number of"
                + " type uint64");
    assertThatThrownBy(() -> ContractResults.updateState(Bytes.ofUtf8("{\"heights\":5}")))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field UpdateStateResult.heights of type"
                + " []types.Height");
  }

  /** Go's first type error wins, but decoding continues (later fields still apply). */
  @Test
  void firstTypeErrorIsReported() {
    assertThatThrownBy(
            () ->
                ContractResults.updateState(
                    Bytes.ofUtf8(
                        "{\"heights\":[{\"revision_number\":true,\"revision_height\":\"y\"}]}")))
        .hasMessage(
            "json: cannot unmarshal bool into Go struct field Height.heights.revision_number of"
                + " type uint64");
  }

  static Stream<Arguments> base64Cases() {
    return Stream.of(
        arguments("", ""),
        arguments("QQ==", "41"),
        arguments("QUI=", "4142"),
        arguments("QUJD", "414243"),
        arguments("QU\nJD", "414243"),
        arguments("QUJD\r\n", "414243"),
        arguments("QQ", "error: illegal base64 data at input byte 0"),
        arguments("QUI", "error: illegal base64 data at input byte 0"),
        arguments("Q===", "error: illegal base64 data at input byte 1"),
        arguments("QQ=", "error: illegal base64 data at input byte 3"),
        arguments("QQ==QQ==", "error: illegal base64 data at input byte 4"),
        arguments("Q!==", "error: illegal base64 data at input byte 1"),
        arguments("QR==", "41"));
  }

  /** Go's {@code StdEncoding}: padding required, newlines skipped, Go's error offsets. */
  @ParameterizedTest(name = "#{index} {0}")
  @MethodSource("base64Cases")
  void goBase64(String input, String expected) {
    byte[] in = input.getBytes(StandardCharsets.US_ASCII);
    if (expected.startsWith("error: ")) {
      assertThatThrownBy(() -> GoBase64.decode(in)).hasMessage(expected.substring(7));
    } else {
      assertThat(GoBase64.decode(in).toHex()).isEqualTo(expected);
    }
  }

  @Test
  void wasmvmResultsDecode() {
    VmResults.ContractResult ok =
        VmResults.contractResult(
            Bytes.ofUtf8(
                "{\"ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":\"e30=\"}}"));
    assertThat(ok.error()).isEmpty();
    assertThat(ok.ok()).isEqualTo(new VmResults.Response(0, Bytes.ofUtf8("{}"), 0, 0));
    VmResults.ContractResult counted =
        VmResults.contractResult(
            Bytes.ofUtf8(
                "{\"ok\":{\"messages\":[{\"id\":1}],\"attributes\":[{\"key\":\"a\",\"value\":\"b\"}],\"events\":[{\"type\":\"t\",\"attributes\":[]}],\"data\":null}}"));
    assertThat(counted.ok()).isEqualTo(new VmResults.Response(1, null, 1, 1));
    assertThat(VmResults.contractResult(Bytes.ofUtf8("{\"error\":\"boom\"}")))
        .isEqualTo(new VmResults.ContractResult(null, "boom"));
    assertThat(VmResults.contractResult(Bytes.ofUtf8("{}")))
        .isEqualTo(new VmResults.ContractResult(null, ""));
    assertThat(
            VmResults.queryResult(Bytes.ofUtf8("{\"ok\":\"eyJzdGF0dXMiOiJBY3RpdmUifQ==\"}"))
                .ok()
                .toUtf8())
        .isEqualTo("{\"status\":\"Active\"}");
    assertThatThrownBy(() -> VmResults.queryResult(Bytes.ofUtf8("{\"ok\":\"not base64\"}")))
        .hasMessage("illegal base64 data at input byte 3");
    assertThatThrownBy(() -> VmResults.contractResult(Bytes.ofUtf8("{\"ok\":{\"events\":[1]}}")))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field Response.ok.events of type"
                + " types.Event");
    assertThat(List.of(1)).hasSize(1);
  }
}
