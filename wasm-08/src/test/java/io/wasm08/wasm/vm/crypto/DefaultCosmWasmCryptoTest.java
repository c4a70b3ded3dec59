package io.wasm08.wasm.vm.crypto;

import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.assertCryptoError;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.concat;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.hex;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.sha256;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.wasm.vm.crypto.CosmWasmCrypto.HashFunction;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link CosmWasmCrypto} method through the production implementation, as the VM's imports
 * call it: a valid input, an invalid one and wrong lengths, with the verdict or the code the import
 * returns. The inputs are upstream vectors used in the per-scheme tests.
 */
class DefaultCosmWasmCryptoTest {
  private static final CosmWasmCrypto CRYPTO = DefaultCosmWasmCrypto.INSTANCE;

  // secp256k1: cosmjs vector (testdata/secp256k1_tests.json #1) and its recovery (secp256k1.rs)
  private static final byte[] K1_HASH =
      hex("5ae8317d34d1e595e3fa7247db80c0af4320cce1116de187f8f7e2e099c0d8d0");
  private static final byte[] K1_SIG =
      hex(
          "207082eb2c3dfa0b454e0906051270ba4074ac93760ba9e7110cd9471475111151eb0dbbc9920e72146fb564f99d039802bf6ef2561446eb126ef364d21ee9c4");
  private static final byte[] K1_KEY =
      hex(
          "04051c1ee2190ecfb174bfe4f90763f2b4ff7517b70a2aec1876ebcfd644c4633fb03f3cfbd94b1f376e34592d9d41ccaf640bb751b00a1fadeb0c01157769eb73");
  private static final byte[] K1_RECOVER_SIG =
      hex(
          "45c0b7f8c09a9e1f1cea0c25785594427b6bf8f9f878a8af0b1abbb48e16d0920d8becd0c220f67c51217eecfd7184ef0732481c843857e6bc7fc095c4f6b788");
  private static final byte[] K1_RECOVERED =
      hex(
          "044a071e8a6e10aada2b8cf39fa3b5fb3400b04e99ea8ae64ceea1a977dbeaf5d5f8c8fbd10b71ab14cd561f7df8eb6da50f8a8d81ba564342244d26d1d4211595");

  // secp256r1: NIST vector (testdata/secp256r1_tests.json #1)
  private static final byte[] R1_HASH =
      sha256(
          hex(
              "5905238877c77421f73e43ee3da6f2d9e2ccad5fc942dcec0cbd25482935faaf416983fe165b1a045ee2bcd2e6dca3bdf46c4310a7461f9a37960ca672d3feb5473e253605fb1ddfd28065b53cb5858a8ad28175bf9bd386a5e471ea7a65c17cc934a9d791e91491eb3754d03799790fe2d308d16146d5c9b0d0debd97d79ce8"));
  private static final byte[] R1_SIG =
      hex(
          "f3ac8061b514795b8843e3d6629527ed2afd6b1f6a555a7acabb5e6f79c8c2ac8bf77819ca05a6b2786c76262bf7371cef97b218e96f175a3ccdda2acc058903");
  private static final byte[] R1_KEY =
      hex(
          "041ccbe91c075fc7f4f033bfa248db8fccd3565de94bbfb12f3c59ff46c271bf83ce4014c68811f9a21a1fdb2c0e6113e06db7ca93b7404e78dc7ccd5ca89a4ca9");

  // ed25519: RFC 8032 TEST 2
  private static final byte[] ED_MSG = hex("72");
  private static final byte[] ED_SIG =
      hex(
          "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  private static final byte[] ED_KEY =
      hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");

  private static final byte[] G1 = Bls12381Test.G1_GENERATOR;
  private static final byte[] G2 = Bls12381Test.G2_GENERATOR;
  private static final byte[] G1_HASH_ABC =
      hex(
          "83567bc5ef9c690c2ab2ecdf6a96ef1c139cc0b2f284dca0a9a7943388a49a3aee664ba5379a7655d3c68900be2f6903");

  private static Arguments row(String name, Supplier<Object> call, Object expected) {
    return arguments(name, call, expected);
  }

  static Stream<Arguments> table() {
    byte[] tampered = K1_HASH.clone();
    tampered[0] ^= 1;
    return Stream.of(
        row("secp256k1_verify valid", () -> CRYPTO.secp256k1Verify(K1_HASH, K1_SIG, K1_KEY), true),
        row(
            "secp256k1_verify wrong hash",
            () -> CRYPTO.secp256k1Verify(tampered, K1_SIG, K1_KEY),
            false),
        row(
            "secp256k1_verify hash 31",
            () -> CRYPTO.secp256k1Verify(new byte[31], K1_SIG, K1_KEY),
            CryptoErrorCode.INVALID_HASH_FORMAT),
        row(
            "secp256k1_verify sig 63",
            () -> CRYPTO.secp256k1Verify(K1_HASH, new byte[63], K1_KEY),
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        row(
            "secp256k1_verify key 64",
            () -> CRYPTO.secp256k1Verify(K1_HASH, K1_SIG, new byte[64]),
            CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        row(
            "secp256k1_verify r = 0",
            () -> CRYPTO.secp256k1Verify(K1_HASH, new byte[64], K1_KEY),
            CryptoErrorCode.GENERIC_ERR),
        row(
            "secp256k1_recover valid",
            () -> hex(CRYPTO.secp256k1RecoverPubkey(K1_HASH, K1_RECOVER_SIG, 1)),
            hex(K1_RECOVERED)),
        row(
            "secp256k1_recover id 2",
            () -> CRYPTO.secp256k1RecoverPubkey(K1_HASH, K1_RECOVER_SIG, 2),
            CryptoErrorCode.INVALID_RECOVERY_PARAM),
        row(
            "secp256k1_recover hash 33",
            () -> CRYPTO.secp256k1RecoverPubkey(new byte[33], K1_RECOVER_SIG, 1),
            CryptoErrorCode.INVALID_HASH_FORMAT),
        row(
            "secp256k1_recover sig 0",
            () -> CRYPTO.secp256k1RecoverPubkey(K1_HASH, new byte[0], 1),
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        row(
            "secp256k1_recover s = 0",
            () ->
                CRYPTO.secp256k1RecoverPubkey(
                    K1_HASH, concat(Arrays.copyOf(K1_RECOVER_SIG, 32), new byte[32]), 0),
            CryptoErrorCode.GENERIC_ERR),
        row("secp256r1_verify valid", () -> CRYPTO.secp256r1Verify(R1_HASH, R1_SIG, R1_KEY), true),
        row(
            "secp256r1_verify other key",
            () ->
                CRYPTO.secp256r1Verify(
                    R1_HASH,
                    R1_SIG,
                    hex(
                        "04e266ddfdc12668db30d4ca3e8f7749432c416044f2d2b8c10bf3d4012aeffa8abfa86404a2e9ffe67d47c587ef7a97a7f456b863b4d02cfc6928973ab5b1cb39")),
            false),
        row(
            "secp256r1_verify hash 0",
            () -> CRYPTO.secp256r1Verify(new byte[0], R1_SIG, R1_KEY),
            CryptoErrorCode.INVALID_HASH_FORMAT),
        row(
            "secp256r1_verify key 33 tagged 04",
            () -> CRYPTO.secp256r1Verify(R1_HASH, R1_SIG, concat(hex("04"), new byte[32])),
            CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        row(
            "secp256r1_recover id 4",
            () -> CRYPTO.secp256r1RecoverPubkey(R1_HASH, R1_SIG, 4),
            CryptoErrorCode.INVALID_RECOVERY_PARAM),
        row(
            "secp256r1_recover sig 65",
            () -> CRYPTO.secp256r1RecoverPubkey(R1_HASH, new byte[65], 0),
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        row("ed25519_verify valid", () -> CRYPTO.ed25519Verify(ED_MSG, ED_SIG, ED_KEY), true),
        row(
            "ed25519_verify other message",
            () -> CRYPTO.ed25519Verify(hex("73"), ED_SIG, ED_KEY),
            false),
        row(
            "ed25519_verify sig 65",
            () -> CRYPTO.ed25519Verify(ED_MSG, new byte[65], ED_KEY),
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        row(
            "ed25519_verify key 31",
            () -> CRYPTO.ed25519Verify(ED_MSG, ED_SIG, new byte[31]),
            CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        row(
            "ed25519_batch_verify valid",
            () ->
                CRYPTO.ed25519BatchVerify(
                    List.of(ED_MSG, ED_MSG), List.of(ED_SIG, ED_SIG), List.of(ED_KEY)),
            true),
        row(
            "ed25519_batch_verify empty",
            () -> CRYPTO.ed25519BatchVerify(List.of(), List.of(), List.of()),
            true),
        row(
            "ed25519_batch_verify invalid",
            () -> CRYPTO.ed25519BatchVerify(List.of(hex("73")), List.of(ED_SIG), List.of(ED_KEY)),
            false),
        row(
            "ed25519_batch_verify shape",
            () ->
                CRYPTO.ed25519BatchVerify(
                    List.of(ED_MSG, ED_MSG), List.of(ED_SIG), List.of(ED_KEY, ED_KEY)),
            CryptoErrorCode.BATCH_ERR),
        row(
            "ed25519_batch_verify key 33",
            () ->
                CRYPTO.ed25519BatchVerify(List.of(ED_MSG), List.of(ED_SIG), List.of(new byte[33])),
            CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        row(
            "bls12_381_aggregate_g1 valid",
            () -> hex(CRYPTO.bls12381AggregateG1(concat(G1, Bls12381Test.G1_INFINITY))),
            hex(G1)),
        row(
            "bls12_381_aggregate_g1 empty",
            () -> CRYPTO.bls12381AggregateG1(new byte[0]),
            CryptoErrorCode.AGGREGATION_EMPTY),
        row(
            "bls12_381_aggregate_g1 50 bytes",
            () -> CRYPTO.bls12381AggregateG1(new byte[50]),
            CryptoErrorCode.AGGREGATION_NOT_MULTIPLE),
        row(
            "bls12_381_aggregate_g1 invalid",
            () -> CRYPTO.bls12381AggregateG1(new byte[48]),
            CryptoErrorCode.INVALID_POINT),
        row("bls12_381_aggregate_g2 valid", () -> hex(CRYPTO.bls12381AggregateG2(G2)), hex(G2)),
        row(
            "bls12_381_aggregate_g2 empty",
            () -> CRYPTO.bls12381AggregateG2(new byte[0]),
            CryptoErrorCode.AGGREGATION_EMPTY),
        row(
            "bls12_381_aggregate_g2 48 bytes",
            () -> CRYPTO.bls12381AggregateG2(G1),
            CryptoErrorCode.AGGREGATION_NOT_MULTIPLE),
        row(
            "bls12_381_pairing_equality equal",
            () -> CRYPTO.bls12381PairingEquality(G1, G2, G1, G2),
            true),
        row(
            "bls12_381_pairing_equality unequal",
            () -> CRYPTO.bls12381PairingEquality(G1, G2, G1, Bls12381.aggregateG2(concat(G2, G2))),
            false),
        row(
            "bls12_381_pairing_equality ps 1",
            () -> CRYPTO.bls12381PairingEquality(new byte[1], G2, G1, G2),
            CryptoErrorCode.PAIRING_NOT_MULTIPLE_G1),
        row(
            "bls12_381_pairing_equality qs 1",
            () -> CRYPTO.bls12381PairingEquality(G1, new byte[1], G1, G2),
            CryptoErrorCode.PAIRING_NOT_MULTIPLE_G2),
        row(
            "bls12_381_pairing_equality counts",
            () -> CRYPTO.bls12381PairingEquality(G1, new byte[0], G1, G2),
            CryptoErrorCode.PAIRING_UNEQUAL_POINT_AMOUNT),
        row(
            "bls12_381_pairing_equality r 49",
            () -> CRYPTO.bls12381PairingEquality(G1, G2, new byte[49], G2),
            CryptoErrorCode.INVALID_POINT),
        row(
            "bls12_381_hash_to_g1 RFC 9380 abc",
            () ->
                hex(
                    CRYPTO.bls12381HashToG1(
                        HashFunction.SHA256, utf8("abc"), utf8(Bls12381HashToCurveTest.G1_DST))),
            hex(G1_HASH_ABC)),
        row(
            "bls12_381_hash_to_g1 unknown hash function",
            () -> CRYPTO.bls12381HashToG1(HashFunction.fromCode(1), utf8("abc"), utf8("dst")),
            CryptoErrorCode.UNKNOWN_HASH_FUNCTION),
        row(
            "bls12_381_hash_to_g2 point in G2",
            () -> CRYPTO.bls12381HashToG2(HashFunction.SHA256, utf8("abc"), utf8("dst")).length,
            96));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void importVerdictsAndCodes(String name, Supplier<Object> call, Object expected) {
    if (expected instanceof CryptoErrorCode code) {
      assertCryptoError(call::get, code);
    } else {
      assertThat(call.get()).isEqualTo(expected);
    }
  }
}
