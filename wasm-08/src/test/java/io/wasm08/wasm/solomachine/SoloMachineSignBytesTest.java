package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sign-bytes layout, checked against bytes assembled by hand from the protobuf wire rules (key
 * byte = field number << 3 | wire type; varints little-endian base 128, e.g. 150 = {@code 96 01} as
 * in the protobuf encoding guide; proto3 omits zero and empty fields) and the field numbers of
 * ibc-go's {@code solomachine.proto} v3 and cosmos-sdk's {@code ed25519/keys.proto}.
 */
class SoloMachineSignBytesTest {
  private static final Bytes KEY = Bytes.wrapOwned(filled(32, 0x01));

  /** SignBytes key bytes: sequence 08, timestamp 10, diversifier 1a, path 22, data 2a. */
  @Test
  void headerSignBytes() {
    Bytes pubKey = concat(bytes(0x0a, 0x20), KEY); // PubKey{key = 1}: 0a, length 32
    Bytes any =
        concat(
            bytes(0x0a, 29), // Any.type_url = 1, 29 characters
            ascii("/cosmos.crypto.ed25519.PubKey"),
            bytes(0x12, 34), // Any.value = 2, the 34-byte PubKey
            pubKey);
    Bytes headerData =
        concat(
            bytes(0x0a, 67), // HeaderData.new_pub_key = 1, the 67-byte Any
            any,
            bytes(0x12, 2), // HeaderData.new_diversifier = 2
            ascii("d2"));
    Bytes expected =
        concat(
            bytes(0x08, 0x01), // sequence 1
            bytes(0x10, 0x96, 0x01), // timestamp 150
            bytes(0x1a, 0x01),
            ascii("d"),
            bytes(0x22, 18),
            ascii("solomachine:header"),
            bytes(0x2a, 73), // data = the 73-byte HeaderData
            headerData);

    assertThat(SoloMachineSignBytes.header(1, 150, "d", KEY, "d2")).isEqualTo(expected);
  }

  @Test
  void emptyDiversifiersAreOmitted() {
    Bytes any =
        concat(
            bytes(0x0a, 29),
            ascii("/cosmos.crypto.ed25519.PubKey"),
            bytes(0x12, 34, 0x0a, 0x20),
            KEY);
    Bytes expected =
        concat(
            bytes(0x08, 0x02, 0x10, 0x96, 0x01, 0x22, 18),
            ascii("solomachine:header"),
            bytes(0x2a, 69, 0x0a, 67), // HeaderData without new_diversifier
            any);

    assertThat(SoloMachineSignBytes.header(2, 150, "", KEY, "")).isEqualTo(expected);
  }

  @Test
  void membershipSignsPathAndValue() {
    Bytes expected =
        concat(
            bytes(0x08, 0x05, 0x10, 0x96, 0x01, 0x1a, 0x03),
            ascii("div"),
            bytes(0x22, 24),
            ascii("connections/connection-0"),
            bytes(0x2a, 0x05),
            ascii("value"));

    assertThat(
            SoloMachineSignBytes.membership(
                5, 150, "div", ascii("connections/connection-0"), ascii("value")))
        .isEqualTo(expected);
  }

  @Test
  void nonMembershipHasNoData() {
    Bytes expected =
        concat(
            bytes(0x08, 0x05, 0x10, 0x96, 0x01, 0x1a, 0x03),
            ascii("div"),
            bytes(0x22, 24),
            ascii("connections/connection-0"));

    assertThat(SoloMachineSignBytes.nonMembership(5, 150, "div", ascii("connections/connection-0")))
        .isEqualTo(expected);
  }

  static Stream<Arguments> unsignedVarints() {
    return Stream.of(
        // 2^64 - 1: nine bytes of seven 1-bits (ff) and a final 01
        Arguments.of(-1L, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)),
        // 2^63: 63 = 9 × 7, so nine 80 continuation bytes and a final 01
        Arguments.of(
            Long.MIN_VALUE, bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)),
        Arguments.of(127L, bytes(0x7f)),
        Arguments.of(128L, bytes(0x80, 0x01)));
  }

  @ParameterizedTest
  @MethodSource("unsignedVarints")
  void timestampsAreUnsigned(long timestamp, Bytes varint) {
    Bytes expected = concat(bytes(0x08, 0x01, 0x10), varint, bytes(0x22, 0x01), ascii("p"));

    assertThat(SoloMachineSignBytes.nonMembership(1, timestamp, "", ascii("p")))
        .isEqualTo(expected);
  }

  @Test
  void anEmptyMembershipValueIsRefused() {
    assertThatThrownBy(() -> SoloMachineSignBytes.membership(1, 1, "d", ascii("p"), Bytes.EMPTY))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> assertThat(e.errorCode()).isEqualTo(SoloMachineErrorCode.INVALID_PROOF))
        .hasMessage("value cannot be empty: invalid solo machine proof");
  }

  static Bytes bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.wrapOwned(out);
  }

  static Bytes ascii(String s) {
    return Bytes.wrapOwned(s.getBytes(StandardCharsets.US_ASCII));
  }

  static Bytes concat(Bytes... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Bytes part : parts) {
      out.writeBytes(part.toByteArray());
    }
    return Bytes.wrapOwned(out.toByteArray());
  }

  static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    java.util.Arrays.fill(out, (byte) value);
    return out;
  }
}
