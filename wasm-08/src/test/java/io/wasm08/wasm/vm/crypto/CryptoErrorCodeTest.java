package io.wasm08.wasm.vm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Codes from {@code packages/crypto/src/errors.rs::CryptoError::code} and Display texts from its
 * {@code #[error(...)]} attributes (with the nested {@code Aggregation}, {@code PairingEquality}
 * and {@code InvalidPoint} sources).
 */
class CryptoErrorCodeTest {
  static Stream<Arguments> variants() {
    return Stream.of(
        arguments(CryptoErrorCode.INVALID_HASH_FORMAT, 3, null, "Invalid hash format"),
        arguments(CryptoErrorCode.INVALID_SIGNATURE_FORMAT, 4, null, "Invalid signature format"),
        arguments(CryptoErrorCode.INVALID_PUBKEY_FORMAT, 5, null, "Invalid public key format"),
        arguments(
            CryptoErrorCode.INVALID_RECOVERY_PARAM,
            6,
            "recovery param 2",
            "Invalid recovery parameter. Supported values: 0 and 1."),
        arguments(
            CryptoErrorCode.BATCH_ERR,
            7,
            "Mismatched / erroneous number of messages / signatures / public keys",
            "Batch verify error: Mismatched / erroneous number of messages / signatures / public"
                + " keys"),
        arguments(
            CryptoErrorCode.INVALID_POINT, 8, "Invalid point", "Invalid point: Invalid point"),
        arguments(CryptoErrorCode.UNKNOWN_HASH_FUNCTION, 9, null, "Unknown hash function"),
        arguments(
            CryptoErrorCode.GENERIC_ERR, 10, "signature error", "Crypto error: signature error"),
        arguments(
            CryptoErrorCode.PAIRING_NOT_MULTIPLE_G1,
            11,
            "List is not a multiple of 48. Remainder: 1",
            "Pairing equality error: List is not a multiple of 48. Remainder: 1"),
        arguments(
            CryptoErrorCode.PAIRING_NOT_MULTIPLE_G2,
            12,
            "List is not a multiple of 96. Remainder: 95",
            "Pairing equality error: List is not a multiple of 96. Remainder: 95"),
        arguments(
            CryptoErrorCode.PAIRING_UNEQUAL_POINT_AMOUNT,
            13,
            "Not the same amount of points passed. Left: 2, Right: 1",
            "Pairing equality error: Not the same amount of points passed. Left: 2, Right: 1"),
        arguments(
            CryptoErrorCode.AGGREGATION_EMPTY,
            14,
            "List of points is empty",
            "Point aggregation error: List of points is empty"),
        arguments(
            CryptoErrorCode.AGGREGATION_NOT_MULTIPLE,
            15,
            "List is not a multiple of 48. Remainder: 47",
            "Point aggregation error: List is not a multiple of 48. Remainder: 47"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void codesAndDisplayTextsAreUpstreams(
      CryptoErrorCode code, int number, String detail, String display) {
    CryptoException error = new CryptoException(code, detail);
    assertThat(code.code()).isEqualTo(number);
    assertThat(code.codespace()).isEqualTo("cosmwasm-crypto");
    assertThat(error.getMessage()).isEqualTo(display);
    assertThat(error.cryptoCode()).isEqualTo(code);
    assertThat(error.detail()).isEqualTo(detail);
  }

  @Test
  void everyVariantIsCovered() {
    assertThat(variants().map(a -> a.get()[0]))
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(CryptoErrorCode.values()));
  }

  @Test
  void unknownHashFunctionIsCodeNine() {
    assertThat(CosmWasmCrypto.HashFunction.fromCode(0))
        .isEqualTo(CosmWasmCrypto.HashFunction.SHA256);
    for (int code : new int[] {1, 2, -1, Integer.MAX_VALUE}) {
      CryptoTestSupport.assertCryptoError(
          () -> CosmWasmCrypto.HashFunction.fromCode(code), CryptoErrorCode.UNKNOWN_HASH_FUNCTION);
    }
  }
}
