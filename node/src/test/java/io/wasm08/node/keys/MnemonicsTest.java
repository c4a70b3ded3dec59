package io.wasm08.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.node.NodeErrorCode;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MnemonicsTest {
  /**
   * Derived by hand from BIP-39: all-zero entropy makes every 11-bit group index 0 ("abandon")
   * except the last, whose low bits are the checksum — the top bits of SHA-256(entropy). For 16
   * zero bytes SHA-256 starts 0x37 → 4 bits 0011 → index 3 "about"; for 32 zero bytes it starts
   * 0x66 → 8 bits, the last word is 0b000_0110_0110 = 102 "art". All-ones entropy gives index 2047
   * ("zoo") and SHA-256(32 × 0xff) starting 0xaf → 0b111_1010_1111 = 1967 "vote". These are also
   * the first vectors of the BIP-39 reference test file.
   */
  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("00".repeat(16), "abandon ".repeat(11) + "about"),
        Arguments.of("00".repeat(32), "abandon ".repeat(23) + "art"),
        Arguments.of("ff".repeat(32), "zoo ".repeat(23) + "vote"));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void entropyToWords(String entropyHex, String words) {
    assertThat(Mnemonics.fromEntropy(Bytes.fromHex(entropyHex))).isEqualTo(words);
    assertThat(Mnemonics.validate(words.toUpperCase())).isEqualTo(words);
  }

  @Test
  void generatedMnemonicsHave24WordsAndAValidChecksum() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 20; i++) {
      String words = Mnemonics.generate(random);
      assertThat(words.split(" ")).hasSize(24);
      assertThat(Mnemonics.validate(words)).isEqualTo(words);
    }
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("abandon ".repeat(11) + "abandon", "checksum mismatch"),
        Arguments.of(
            "abandon ".repeat(10) + "about", "expected 12, 15, 18, 21 or 24 words, got 11"),
        Arguments.of(
            "abandon ".repeat(11) + "aboutt", "word 12 is not in the BIP-39 English list"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidMnemonicsAreRejected(String words, String detail) {
    assertThatThrownBy(() -> Mnemonics.validate(words))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(NodeErrorCode.INVALID_MNEMONIC)).isTrue())
        .hasMessage(detail + ": invalid mnemonic");
  }
}
