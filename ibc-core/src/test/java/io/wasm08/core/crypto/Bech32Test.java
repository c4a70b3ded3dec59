package io.wasm08.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BIP-173 test vectors (valid and invalid bech32 strings from the BIP text), with the error
 * texts btcutil produces for each invalid one (derived by hand from btcutil's checks, in its order:
 * length, character range, case, separator position, charset, checksum), and the Cosmos SDK's
 * address-level texts seen in upstream tests.
 */
class Bech32Test {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl"
      })
  void bip173ValidStringsDecodeAndReencode(String valid) {
    Bech32.Decoded decoded = Bech32.decode5(valid, 90);
    String lower = valid.toLowerCase(Locale.ROOT);
    assertThat(decoded.hrp()).isEqualTo(lower.substring(0, lower.lastIndexOf('1')));
    assertThat(Bech32.encode5(decoded.hrp(), decoded.data().toByteArray())).isEqualTo(lower);
  }

  static Stream<Arguments> bip173Invalid() {
    return Stream.of(
        arguments("\u00201nwldj5", "invalid character in string: ' '"),
        arguments("\u007F1axkwrx", "invalid character in string: '\u007F'"),
        // U+0080 is two UTF-8 bytes; Go reports the first byte (0xC2) as a rune.
        arguments("\u00801eym55h", "invalid character in string: '\u00C2'"),
        arguments(
            "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
            "invalid bech32 string length 91"),
        arguments("pzry9x0s0muk", "invalid separator index -1"),
        arguments("1pzry9x0s0muk", "invalid separator index 0"),
        arguments("x1b4n0q5v", "invalid character not part of charset: 98"),
        arguments("li1dgmt3", "invalid separator index 2"),
        arguments("de1lg7wt\u00FF", "invalid character in string: '\u00C3'"),
        arguments("10a06t8", "invalid bech32 string length 7"),
        arguments("1qzzfhee", "invalid separator index 0"));
  }

  @ParameterizedTest
  @MethodSource("bip173Invalid")
  void bip173InvalidStringsFailWithBtcutilTexts(String invalid, String message) {
    assertThatThrownBy(() -> Bech32.decode5(invalid, 90))
        .isInstanceOf(IbcException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((IbcException) e).isPlain()).isTrue());
  }

  @Test
  void checksumOverUppercaseHrpIsRejected() {
    // BIP-173: "A1G7SGD8" has a checksum computed with the upper-case HRP.
    assertThatThrownBy(() -> Bech32.decode5("A1G7SGD8", 90))
        .hasMessageStartingWith("invalid checksum (expected ")
        .hasMessageEndingWith(" got g7sgd8)");
  }

  @Test
  void sdkLimitAcceptsTheOverlongBip173Example() {
    // 91 characters: over BIP-173's 90 but within the SDK's 1023.
    Bech32.Decoded decoded =
        Bech32.decode(
            "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx");
    assertThat(decoded.data()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void convertBitsRejectsNonZeroPadding() {
    // 5-bit value 1 alone leaves 5 bits of which the low one is set: more than 4 bits pending.
    assertThatThrownBy(() -> Bech32.convertBits(new byte[] {1}, 5, 8, false))
        .hasMessage("invalid incomplete group");
    // value 16 = 10000b: 5 pending bits > 4 → invalid even though the extra bits are 0000.
    assertThatThrownBy(() -> Bech32.convertBits(new byte[] {16}, 5, 8, false))
        .hasMessage("invalid incomplete group");
  }

  static Stream<Arguments> sdkAddressErrors() {
    return Stream.of(
        // cosmos-sdk x/gov msg_server_test "empty authority field"
        arguments("", "cosmos", "empty address string is not allowed"),
        arguments("   ", "cosmos", "empty address string is not allowed"),
        // x/gov msg_server_test "invalid authority field"
        arguments("xxx", "cosmos", "decoding bech32 failed: invalid bech32 string length 3"),
        arguments("invalid", "cosmos", "decoding bech32 failed: invalid bech32 string length 7"),
        // stride keeper test (SDK v0.50 address parsing)
        arguments(
            "stride1g6qdx6kdhpf000afvvpte7hp0vnpzapuyxp8uf",
            "stride",
            "decoding bech32 failed: invalid checksum (expected 8dpmg9 got yxp8uf)"),
        arguments(
            "stride1g6qdx6kdhpf000afvvpte7hp0vnpzapuyxp8ufabc",
            "stride",
            "decoding bech32 failed: invalid character not part of charset: 98"),
        arguments(
            "Cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn",
            "cosmos",
            "decoding bech32 failed: string not all lowercase or all uppercase"),
        arguments(
            "cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn",
            "wasm",
            "invalid Bech32 prefix; expected wasm, got cosmos"));
  }

  @ParameterizedTest
  @MethodSource("sdkAddressErrors")
  void accAddressFromBech32Errors(String address, String prefix, String message) {
    assertThatThrownBy(() -> AccAddress.fromBech32(address, prefix)).hasMessage(message);
  }

  @Test
  void upperCaseAddressDecodesLikeGo() {
    AccAddress gov = AccAddress.module("gov");
    assertThat(AccAddress.fromBech32("COSMOS10D07Y265GMMUVT4Z0W9AW880JNSR700J6ZN9KN", "cosmos"))
        .isEqualTo(gov);
  }

  @Test
  void verifyAddressFormatBounds() {
    String empty = Bech32.encode("cosmos", Bytes.EMPTY);
    assertThatThrownBy(() -> AccAddress.fromBech32(empty, "cosmos"))
        .hasMessage("addresses cannot be empty: unknown address")
        .satisfies(e -> assertThat(((IbcException) e).is(SdkErrorCode.UNKNOWN_ADDRESS)).isTrue());
    String tooLong = Bech32.encode("cosmos", Bytes.wrapOwned(new byte[256]));
    assertThatThrownBy(() -> AccAddress.fromBech32(tooLong, "cosmos"))
        .hasMessage("address max length is 255, got 256: unknown address");
    Bytes thirtyTwo = Bytes.wrapOwned(new byte[32]);
    assertThat(AccAddress.fromBech32(Bech32.encode("cosmos", thirtyTwo), "cosmos").bytes())
        .isEqualTo(thirtyTwo);
  }

  @Test
  void addressCodecUsesItsOwnPrefixError() {
    AddressCodec codec = new AddressCodec("wasm");
    assertThatThrownBy(() -> codec.stringToBytes("cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn"))
        .hasMessage(
            "hrp does not match bech32 prefix: expected 'wasm' got 'cosmos': internal logic error")
        .satisfies(e -> assertThat(((IbcException) e).is(SdkErrorCode.LOGIC)).isTrue());
    assertThat(codec.bytesToString(Bytes.EMPTY)).isEmpty();
    assertThat(codec.stringToBytes(codec.bytesToString(AccAddress.module("gov").bytes())))
        .isEqualTo(AccAddress.module("gov").bytes());
  }
}
