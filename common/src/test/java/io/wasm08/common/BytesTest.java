package io.wasm08.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void ordersAsUnsignedBytesLikeTheSdkStores() {
    List<Bytes> values =
        new ArrayList<>(
            List.of(
                Bytes.fromHex("ff"),
                Bytes.fromHex("00"),
                Bytes.fromHex("7f"),
                Bytes.fromHex("80"),
                Bytes.fromHex("0000"),
                Bytes.EMPTY));
    values.sort(null);
    assertThat(values)
        .containsExactly(
            Bytes.EMPTY,
            Bytes.fromHex("00"),
            Bytes.fromHex("0000"),
            Bytes.fromHex("7f"),
            Bytes.fromHex("80"),
            Bytes.fromHex("ff"));
  }

  @Test
  void isImmutableAgainstTheSourceAndTheCopyOut() {
    byte[] source = {1, 2, 3};
    Bytes value = Bytes.of(source);
    source[0] = 9;
    value.toByteArray()[1] = 9;
    assertThat(value.toHex()).isEqualTo("010203");
  }

  @Test
  void equalsAndHashCodeCompareContent() {
    assertThat(Bytes.of(new byte[] {1, 2})).isEqualTo(Bytes.fromHex("0102"));
    assertThat(Bytes.of(new byte[] {1, 2}).hashCode()).isEqualTo(Bytes.fromHex("0102").hashCode());
    assertThat(Bytes.of(new byte[] {1, 2})).isNotEqualTo(Bytes.fromHex("0103"));
  }

  @Test
  void encodesHexAndPaddedBase64() {
    Bytes value = Bytes.ofUtf8("hello");
    assertThat(value.toHex()).isEqualTo("68656c6c6f");
    assertThat(value.toBase64()).isEqualTo("aGVsbG8=");
    assertThat(Bytes.fromBase64("aGVsbG8=")).isEqualTo(value);
    assertThat(Bytes.fromHex("68656C6C6F")).isEqualTo(value);
  }

  @Test
  void slicesConcatenatesAndTestsPrefixes() {
    Bytes value = Bytes.fromHex("0102030405");
    assertThat(value.slice(1, 3)).isEqualTo(Bytes.fromHex("0203"));
    assertThat(value.concat(Bytes.fromHex("06"))).isEqualTo(Bytes.fromHex("010203040506"));
    assertThat(value.startsWith(Bytes.fromHex("0102"))).isTrue();
    assertThat(value.startsWith(Bytes.fromHex("02"))).isFalse();
    assertThat(Bytes.fromHex("01").startsWith(value)).isFalse();
  }

  @Test
  void rejectsMalformedHex() {
    assertThatThrownBy(() -> Bytes.fromHex("0g")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bytes.fromHex("012")).isInstanceOf(IllegalArgumentException.class);
  }
}
