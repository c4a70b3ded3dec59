package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crypto imports with the production {@link DefaultCosmWasmCrypto}, on cosmwasm-vm's own import
 * test vectors and expected return codes ({@code imports.rs} tests).
 */
class RealCryptoImportsTest {
  static final String K1_HASH = "5ae8317d34d1e595e3fa7247db80c0af4320cce1116de187f8f7e2e099c0d8d0";
  static final String K1_SIG =
      "207082eb2c3dfa0b454e0906051270ba4074ac93760ba9e7110cd9471475111151eb0dbbc9920e72146fb564f99d039802bf6ef2561446eb126ef364d21ee9c4";
  static final String K1_PUBKEY =
      "04051c1ee2190ecfb174bfe4f90763f2b4ff7517b70a2aec1876ebcfd644c4633fb03f3cfbd94b1f376e34592d9d41ccaf640bb751b00a1fadeb0c01157769eb73";
  static final String R1_HASH = "b804cf88af0c2eff8bbbfb3660ebb3294138e9d3ebd458884e19818061dacff0";
  static final String R1_SIG =
      "35fb60f5ca0f3ca08542fb3cc641c8263a2cab7a90ee6a5e1583fac2bb6f6bd1ee59d81bc9db1055cc0ed97b159d8784af04e98511d0a9a407b99bb292572e96";
  static final String R1_PUBKEY =
      "0474ccd8a62fba0e667c50929a53f78c21b8ff0c3c737b0b40b1750b2302b0bde829074e21f3a0ef88b9efdf10d06aa4c295cc1671f758ca0e4cd108803d0f2614";
  static final String ED_MSG = "";
  static final String ED_SIG =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
  static final String ED_PUBKEY =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  /** The BLS12-381 generators in ZCash compressed form. */
  static final String G1 =
      "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";

  static final String G2 =
      "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

  static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  static byte[] flip(String h, int index) {
    byte[] b = hex(h);
    b[index] ^= 0x01;
    return b;
  }

  static long call(String export, Function<Harness, long[]> args) {
    return DualEngine.same(
        mode -> {
          Harness h =
              new Harness(
                  mode,
                  new MockStorage(),
                  new MockApi(),
                  Harness.GAS_LIMIT,
                  DefaultCosmWasmCrypto.INSTANCE);
          Harness.Outcome o = h.call(export, args.apply(h));
          assertThat(o.error()).isNull();
          return o.single();
        });
  }

  static long[] regions(Harness h, byte[]... inputs) {
    return CryptoImportsTest.regions(h, inputs);
  }

  static Stream<Arguments> verify() {
    return Stream.of(
        Arguments.of(
            "secp256k1 works",
            "call_secp256k1_verify",
            hex(K1_HASH),
            hex(K1_SIG),
            hex(K1_PUBKEY),
            0L),
        Arguments.of(
            "secp256k1 wrong hash",
            "call_secp256k1_verify",
            flip(K1_HASH, 0),
            hex(K1_SIG),
            hex(K1_PUBKEY),
            1L),
        Arguments.of(
            "secp256k1 shorter hash",
            "call_secp256k1_verify",
            Bytes.fromHex(K1_HASH).slice(0, 31).toByteArray(),
            hex(K1_SIG),
            hex(K1_PUBKEY),
            3L),
        Arguments.of(
            "secp256k1 wrong sig",
            "call_secp256k1_verify",
            hex(K1_HASH),
            flip(K1_SIG, 0),
            hex(K1_PUBKEY),
            1L),
        Arguments.of(
            "secp256k1 shorter sig",
            "call_secp256k1_verify",
            hex(K1_HASH),
            Bytes.fromHex(K1_SIG).slice(0, 63).toByteArray(),
            hex(K1_PUBKEY),
            4L),
        Arguments.of(
            "secp256k1 wrong pubkey format",
            "call_secp256k1_verify",
            hex(K1_HASH),
            hex(K1_SIG),
            flip(K1_PUBKEY, 0),
            5L),
        Arguments.of(
            "secp256k1 wrong pubkey",
            "call_secp256k1_verify",
            hex(K1_HASH),
            hex(K1_SIG),
            flip(K1_PUBKEY, 1),
            10L),
        Arguments.of(
            "secp256k1 empty pubkey",
            "call_secp256k1_verify",
            hex(K1_HASH),
            hex(K1_SIG),
            new byte[0],
            5L),
        Arguments.of(
            "secp256k1 wrong data",
            "call_secp256k1_verify",
            Bytes.fromHex("22".repeat(32)).toByteArray(),
            Bytes.fromHex("22".repeat(64)).toByteArray(),
            Bytes.fromHex("04".repeat(65)).toByteArray(),
            10L),
        Arguments.of(
            "secp256r1 works",
            "call_secp256r1_verify",
            hex(R1_HASH),
            hex(R1_SIG),
            hex(R1_PUBKEY),
            0L),
        Arguments.of(
            "secp256r1 wrong hash",
            "call_secp256r1_verify",
            flip(R1_HASH, 0),
            hex(R1_SIG),
            hex(R1_PUBKEY),
            1L),
        Arguments.of(
            "secp256r1 wrong pubkey format",
            "call_secp256r1_verify",
            hex(R1_HASH),
            hex(R1_SIG),
            flip(R1_PUBKEY, 0),
            5L),
        Arguments.of(
            "ed25519 works", "call_ed25519_verify", hex(ED_MSG), hex(ED_SIG), hex(ED_PUBKEY), 0L),
        Arguments.of(
            "ed25519 wrong msg",
            "call_ed25519_verify",
            new byte[] {1},
            hex(ED_SIG),
            hex(ED_PUBKEY),
            1L),
        Arguments.of(
            "ed25519 wrong sig",
            "call_ed25519_verify",
            hex(ED_MSG),
            flip(ED_SIG, 0),
            hex(ED_PUBKEY),
            1L),
        Arguments.of(
            "ed25519 shorter sig",
            "call_ed25519_verify",
            hex(ED_MSG),
            Bytes.fromHex(ED_SIG).slice(0, 63).toByteArray(),
            hex(ED_PUBKEY),
            4L),
        Arguments.of(
            "ed25519 shorter pubkey",
            "call_ed25519_verify",
            hex(ED_MSG),
            hex(ED_SIG),
            Bytes.fromHex(ED_PUBKEY).slice(0, 31).toByteArray(),
            5L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void verify(String name, String export, byte[] a, byte[] b, byte[] c, long expected) {
    assertThat(call(export, h -> regions(h, a, b, c))).isEqualTo(expected);
  }

  static Stream<Arguments> recover() {
    // do_secp256k1_recover_pubkey_works / do_secp256r1_recover_pubkey_works
    return Stream.of(
        Arguments.of(
            "call_secp256k1_recover_pubkey",
            "5ae8317d34d1e595e3fa7247db80c0af4320cce1116de187f8f7e2e099c0d8d0",
            "45c0b7f8c09a9e1f1cea0c25785594427b6bf8f9f878a8af0b1abbb48e16d0920d8becd0c220f67c51217eecfd7184ef0732481c843857e6bc7fc095c4f6b788",
            1,
            "044a071e8a6e10aada2b8cf39fa3b5fb3400b04e99ea8ae64ceea1a977dbeaf5d5f8c8fbd10b71ab14cd561f7df8eb6da50f8a8d81ba564342244d26d1d4211595"),
        Arguments.of(
            "call_secp256r1_recover_pubkey",
            "12135386c09e0bf6fd5c454a95bcfe9b3edb25c71e455c73a212405694b29002",
            "b53ce4da1aa7c0dc77a1896ab716b921499aed78df725b1504aba1597ba0c64bd7c246dc7ad0e67700c373edcfdd1c0a0495fc954549ad579df6ed1438840851",
            0,
            "040a7dbb8bf50cb605eb2268b081f26d6b08e012f952c4b70a5a1e6e7d46af98bbf26dd7d799930062480849962ccf5004edcfd307c044f4e8f667c9baa834eeae"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void recover(String export, String hash, String sig, int param, String expected) {
    String recovered =
        DualEngine.same(
            mode -> {
              Harness h =
                  new Harness(
                      mode,
                      new MockStorage(),
                      new MockApi(),
                      Harness.GAS_LIMIT,
                      DefaultCosmWasmCrypto.INSTANCE);
              long[] a = regions(h, hex(hash), hex(sig));
              Harness.Outcome o = h.call(export, a[0], a[1], param);
              assertThat(o.single() >>> 32).as("no error code").isZero();
              return HexFormat.of().formatHex(h.contents(o.single()));
            });
    assertThat(recovered).isEqualTo(expected);
  }

  @Test
  void ed25519BatchShapes() {
    byte[] m = hex(ED_MSG);
    byte[] s = hex(ED_SIG);
    byte[] k = hex(ED_PUBKEY);
    assertThat(
            call(
                "call_ed25519_batch_verify",
                h ->
                    regions(
                        h,
                        Sections.encode(List.of(m)),
                        Sections.encode(List.of(s)),
                        Sections.encode(List.of(k)))))
        .isZero();
    // one key, two messages and signatures
    assertThat(
            call(
                "call_ed25519_batch_verify",
                h ->
                    regions(
                        h,
                        Sections.encode(List.of(m, m)),
                        Sections.encode(List.of(s, s)),
                        Sections.encode(List.of(k)))))
        .isZero();
    // two messages, three signatures: BatchErr
    assertThat(
            call(
                "call_ed25519_batch_verify",
                h ->
                    regions(
                        h,
                        Sections.encode(List.of(m, m)),
                        Sections.encode(List.of(s, s, s)),
                        Sections.encode(List.of(k, k, k)))))
        .isEqualTo(7L);
  }

  @Test
  void blsPairingEqualityOnTheGenerators() {
    // e(G1, G2) == e(G1, G2): valid; an empty product (1) ≠ e(G1, G2): invalid
    assertThat(
            call(
                "call_bls12_381_pairing_equality",
                h -> regions(h, hex(G1), hex(G2), hex(G1), hex(G2))))
        .isZero();
    assertThat(
            call(
                "call_bls12_381_pairing_equality",
                h -> regions(h, new byte[0], new byte[0], hex(G1), hex(G2))))
        .isEqualTo(1L);
    // a G1 point given where a G2 list is expected: not a multiple of 96 bytes
    assertThat(
            call(
                "call_bls12_381_pairing_equality",
                h -> regions(h, hex(G1), hex(G1), hex(G1), hex(G2))))
        .isEqualTo(12L);
  }

  @Test
  void blsAggregateOfOnePointIsThePoint() {
    String aggregated =
        DualEngine.same(
            mode -> {
              Harness h =
                  new Harness(
                      mode,
                      new MockStorage(),
                      new MockApi(),
                      Harness.GAS_LIMIT,
                      DefaultCosmWasmCrypto.INSTANCE);
              long out = h.buffer(48);
              Harness.Outcome o = h.call("call_bls12_381_aggregate_g1", h.region(hex(G1)), out);
              assertThat(o.single()).isZero();
              return HexFormat.of().formatHex(h.contents(out));
            });
    assertThat(aggregated).isEqualTo(G1);
    assertThat(
            call(
                "call_bls12_381_aggregate_g1",
                h -> new long[] {h.region(new byte[0]), h.buffer(48)}))
        .as("empty list")
        .isEqualTo(14L);
  }
}
