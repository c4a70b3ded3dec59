package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.crypto.CryptoErrorCode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crypto imports' marshalling, limits, return codes and charge order, with a programmable fake
 * behind them (the cryptography itself is CosmWasmCrypto's business). Costs: GasConfig
 * (cosmwasm-vm.md §6), charged after the inputs are read and before the computation.
 */
class CryptoImportsTest {
  static final long HOST = 18_000;
  static final long US = 1_000_000;
  static final String RUNTIME = StorageImportsTest.RUNTIME;
  static final String TOO_BIG =
      RUNTIME + "Error in guest/host communication: Region length too big. ";

  static long rr(long n) {
    return StorageImportsTest.rr(n);
  }

  static long wr(long n) {
    return StorageImportsTest.wr(n);
  }

  record Result(Harness.Outcome outcome, List<String> calls, String output) {}

  /** Builds regions from {@code inputs}, calls {@code export}, returns outcome and fake log. */
  static Result run(
      Consumer<FakeCrypto> setup, String export, Function<Harness, long[]> args, int outIndex) {
    return DualEngine.same(
        mode -> {
          Harness h = new Harness(mode);
          setup.accept(h.crypto);
          long[] a = args.apply(h);
          Harness.Outcome o = h.call(export, a);
          String out =
              outIndex >= 0 && o.error() == null && o.single() == 0
                  ? HexFormat.of().formatHex(h.contents(a[outIndex]))
                  : null;
          return new Result(o, List.copyOf(h.crypto.calls), out);
        });
  }

  static long[] regions(Harness h, byte[]... inputs) {
    long[] out = new long[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      out[i] = h.region(inputs[i]);
    }
    return out;
  }

  static Consumer<FakeCrypto> answers(boolean verdict) {
    return c -> c.verdict = verdict;
  }

  static Consumer<FakeCrypto> fails(CryptoErrorCode code) {
    return c -> c.error = code;
  }

  static Stream<Arguments> ecdsaVerify() {
    List<Arguments> rows = new ArrayList<>();
    for (String curve : List.of("secp256k1", "secp256r1")) {
      long cost = curve.equals("secp256k1") ? 96 * US : 279 * US;
      long reads = rr(32) + rr(64) + rr(65);
      rows.add(Arguments.of(curve, "valid", answers(true), 32, 0L, HOST + reads + cost, null));
      rows.add(Arguments.of(curve, "invalid", answers(false), 32, 1L, HOST + reads + cost, null));
      rows.add(
          Arguments.of(
              curve,
              "bad hash format",
              fails(CryptoErrorCode.INVALID_HASH_FORMAT),
              32,
              3L,
              HOST + reads + cost,
              null));
      rows.add(
          Arguments.of(
              curve,
              "bad signature",
              fails(CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
              32,
              4L,
              HOST + reads + cost,
              null));
      rows.add(
          Arguments.of(
              curve,
              "bad pubkey",
              fails(CryptoErrorCode.INVALID_PUBKEY_FORMAT),
              32,
              5L,
              HOST + reads + cost,
              null));
      rows.add(
          Arguments.of(
              curve,
              "generic",
              fails(CryptoErrorCode.GENERIC_ERR),
              32,
              10L,
              HOST + reads + cost,
              null));
      rows.add(
          Arguments.of(
              curve,
              "hash over 32 bytes traps before the crypto cost",
              answers(true),
              33,
              null,
              HOST + rr(33),
              TOO_BIG + "Got 33, limit 32"));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource
  void ecdsaVerify(
      String curve,
      String name,
      Consumer<FakeCrypto> setup,
      int hashLength,
      Long expectedCode,
      long expectedGas,
      String expectedError) {
    Result r =
        run(
            setup,
            "call_" + curve + "_verify",
            h -> regions(h, new byte[hashLength], new byte[64], new byte[65]),
            -1);
    assertThat(r.outcome().error()).isEqualTo(expectedError);
    assertThat(r.outcome().gasUsed()).isEqualTo(expectedGas);
    if (expectedError == null) {
      assertThat(r.outcome().single()).isEqualTo(expectedCode);
      assertThat(r.calls()).hasSize(1);
    } else {
      assertThat(r.calls()).isEmpty();
    }
  }

  @Test
  void cryptoErrorsAnImportCannotProduceAreHostBugs() {
    // cosmwasm-vm panics ("Error must not happen for this call"); here: an IllegalStateException
    // that escapes the engine instead of becoming a contract-visible result.
    for (ExecutionMode mode : ExecutionMode.values()) {
      Harness h = new Harness(mode);
      h.crypto.error = CryptoErrorCode.INVALID_POINT;
      long[] args = regions(h, new byte[32], new byte[64], new byte[65]);
      assertThatThrownBy(() -> h.instance.callExport("call_secp256k1_verify", args))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Error must not happen for this call");
    }
  }

  static Stream<Arguments> ecdsaRecover() {
    List<Arguments> rows = new ArrayList<>();
    for (String curve : List.of("secp256k1", "secp256r1")) {
      long cost = curve.equals("secp256k1") ? 194 * US : 592 * US;
      long reads = rr(32) + rr(64);
      rows.add(
          Arguments.of(curve, "recovered", answers(true), 1L, -1L, HOST + reads + cost + wr(65)));
      rows.add(
          Arguments.of(
              curve,
              "param over u8 range: code 6 without the crypto cost",
              answers(true),
              256L,
              6L << 32,
              HOST + reads));
      rows.add(
          Arguments.of(
              curve,
              "param 2 rejected by the crypto, charged",
              fails(CryptoErrorCode.INVALID_RECOVERY_PARAM),
              2L,
              6L << 32,
              HOST + reads + cost));
      rows.add(
          Arguments.of(
              curve,
              "bad signature",
              fails(CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
              0L,
              4L << 32,
              HOST + reads + cost));
      rows.add(
          Arguments.of(
              curve,
              "generic",
              fails(CryptoErrorCode.GENERIC_ERR),
              0L,
              10L << 32,
              HOST + reads + cost));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource
  void ecdsaRecover(
      String curve, String name, Consumer<FakeCrypto> setup, long param, long expected, long gas) {
    byte[] key = new byte[65];
    key[0] = 4;
    key[64] = 9;
    Result r =
        DualEngine.same(
            mode -> {
              Harness h = new Harness(mode);
              setup.accept(h.crypto);
              h.crypto.point = key;
              long[] a = regions(h, new byte[32], new byte[64]);
              Harness.Outcome o = h.call("call_" + curve + "_recover_pubkey", a[0], a[1], param);
              String out =
                  o.error() == null && (o.single() >>> 32) == 0
                      ? HexFormat.of().formatHex(h.contents(o.single()))
                      : null;
              return new Result(o, List.copyOf(h.crypto.calls), out);
            });
    assertThat(r.outcome().error()).isNull();
    assertThat(r.outcome().gasUsed()).isEqualTo(gas);
    if (expected == -1L) {
      assertThat(r.outcome().single() >>> 32).as("pointer in the low half").isZero();
      assertThat(r.output()).isEqualTo(HexFormat.of().formatHex(key));
    } else {
      assertThat(r.outcome().single()).isEqualTo(expected);
    }
  }

  @Test
  void ed25519VerifyLimitsAndCodes() {
    long reads = rr(5) + rr(64) + rr(32);
    Result ok =
        run(
            answers(true),
            "call_ed25519_verify",
            h -> regions(h, new byte[5], new byte[64], new byte[32]),
            -1);
    assertThat(ok.outcome().single()).isZero();
    assertThat(ok.outcome().gasUsed()).isEqualTo(HOST + reads + 35 * US);
    Result bad =
        run(
            fails(CryptoErrorCode.INVALID_PUBKEY_FORMAT),
            "call_ed25519_verify",
            h -> regions(h, new byte[5], new byte[64], new byte[32]),
            -1);
    assertThat(bad.outcome().single()).isEqualTo(5L);
    Result longKey =
        run(
            answers(true),
            "call_ed25519_verify",
            h -> regions(h, new byte[5], new byte[64], new byte[33]),
            -1);
    assertThat(longKey.outcome().error()).isEqualTo(TOO_BIG + "Got 33, limit 32");
    Result longMessage =
        run(
            answers(true),
            "call_ed25519_verify",
            h -> regions(h, new byte[128 * 1024 + 1], new byte[64], new byte[32]),
            -1);
    assertThat(longMessage.outcome().error()).isEqualTo(TOO_BIG + "Got 131073, limit 131072");
  }

  static byte[] sections(int count, int size) {
    List<byte[]> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new byte[size]);
    }
    return Sections.encode(list);
  }

  @Test
  void ed25519BatchVerifyDecodesSectionsAndPicksTheCost() {
    // three messages, signatures and keys: linear 24e6 + 21e6 per signature
    Result three =
        run(
            answers(true),
            "call_ed25519_batch_verify",
            h -> regions(h, sections(3, 4), sections(3, 64), sections(3, 32)),
            -1);
    assertThat(three.outcome().single()).isZero();
    assertThat(three.calls()).containsExactly("ed25519BatchVerify 3 3 3");
    assertThat(three.outcome().gasUsed())
        .isEqualTo(HOST + rr(24) + rr(204) + rr(108) + 24 * US + 3 * 21 * US);
    // one public key: 36e6 + 10e6 per signature
    Result oneKey =
        run(
            answers(false),
            "call_ed25519_batch_verify",
            h -> regions(h, sections(2, 4), sections(2, 64), sections(1, 32)),
            -1);
    assertThat(oneKey.outcome().single()).isEqualTo(1L);
    assertThat(oneKey.outcome().gasUsed())
        .isEqualTo(HOST + rr(16) + rr(136) + rr(36) + 36 * US + 2 * 10 * US);
    Result mismatch =
        run(
            fails(CryptoErrorCode.BATCH_ERR),
            "call_ed25519_batch_verify",
            h -> regions(h, sections(2, 4), sections(3, 64), sections(2, 32)),
            -1);
    assertThat(mismatch.outcome().single()).isEqualTo(7L);
    Result empty =
        run(
            answers(true),
            "call_ed25519_batch_verify",
            h -> regions(h, new byte[0], new byte[0], new byte[0]),
            -1);
    assertThat(empty.calls()).containsExactly("ed25519BatchVerify 0 0 0");
    assertThat(empty.outcome().gasUsed()).isEqualTo(HOST + 3 * rr(0) + 24 * US);
  }

  @Test
  void malformedSectionsTrapBeforeTheCryptoCost() {
    Result r =
        run(
            answers(true),
            "call_ed25519_batch_verify",
            h -> regions(h, new byte[] {1, 2, 3}, new byte[0], new byte[0]),
            -1);
    assertThat(r.outcome().error())
        .isEqualTo(
            RUNTIME
                + "Error in guest/host communication: Got an invalid section: extra data outside of any section");
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST + rr(3) + rr(0) + rr(0));
    Result overflow =
        run(
            answers(true),
            "call_ed25519_batch_verify",
            h -> regions(h, new byte[] {0, 0, 0, 9}, new byte[0], new byte[0]),
            -1);
    assertThat(overflow.outcome().error())
        .isEqualTo(
            RUNTIME
                + "Error in guest/host communication: Got an invalid section: section length overflow");
  }

  @Test
  void blsAggregateChargesByEstimatedCountAndWritesThePoint() {
    byte[] g1 = new byte[48];
    g1[0] = (byte) 0xc0;
    Result r =
        run(
            c -> c.point = g1,
            "call_bls12_381_aggregate_g1",
            h -> new long[] {h.region(new byte[96]), h.buffer(48)},
            1);
    assertThat(r.outcome().single()).isZero();
    assertThat(r.output()).isEqualTo(HexFormat.of().formatHex(g1));
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST + rr(96) + 68 * US + 2 * 12 * US + wr(48));
    // g2: the byte-length estimate is used even for malformed input (100 bytes → 1 point)
    Result g2 =
        run(
            fails(CryptoErrorCode.AGGREGATION_NOT_MULTIPLE),
            "call_bls12_381_aggregate_g2",
            h -> new long[] {h.region(new byte[100]), h.buffer(96)},
            -1);
    assertThat(g2.outcome().single()).isEqualTo(15L);
    assertThat(g2.outcome().gasUsed()).isEqualTo(HOST + rr(100) + 103_500_000 + 24_500_000);
    Result empty =
        run(
            fails(CryptoErrorCode.AGGREGATION_EMPTY),
            "call_bls12_381_aggregate_g1",
            h -> new long[] {h.region(new byte[0]), h.buffer(48)},
            -1);
    assertThat(empty.outcome().single()).isEqualTo(14L);
    Result invalid =
        run(
            fails(CryptoErrorCode.INVALID_POINT),
            "call_bls12_381_aggregate_g1",
            h -> new long[] {h.region(new byte[48]), h.buffer(48)},
            -1);
    assertThat(invalid.outcome().single()).isEqualTo(8L);
    Result small =
        run(
            c -> c.point = g1,
            "call_bls12_381_aggregate_g1",
            h -> new long[] {h.region(new byte[48]), h.buffer(47)},
            -1);
    assertThat(small.outcome().error())
        .isEqualTo(
            RUNTIME + "Error in guest/host communication: Region too small. Got 47, required 48");
  }

  @Test
  void blsPairingEqualityChargesPerPairPlusOne() {
    Result r =
        run(
            answers(true),
            "call_bls12_381_pairing_equality",
            h -> regions(h, new byte[96], new byte[192], new byte[48], new byte[96]),
            -1);
    assertThat(r.outcome().single()).isZero();
    assertThat(r.outcome().gasUsed())
        .isEqualTo(HOST + rr(96) + rr(192) + rr(48) + rr(96) + 2112 * US + 3 * 163 * US);
    for (var row :
        List.of(
            List.of(CryptoErrorCode.PAIRING_NOT_MULTIPLE_G1, 11L),
            List.of(CryptoErrorCode.PAIRING_NOT_MULTIPLE_G2, 12L),
            List.of(CryptoErrorCode.PAIRING_UNEQUAL_POINT_AMOUNT, 13L),
            List.of(CryptoErrorCode.INVALID_POINT, 8L))) {
      Result e =
          run(
              fails((CryptoErrorCode) row.get(0)),
              "call_bls12_381_pairing_equality",
              h -> regions(h, new byte[96], new byte[192], new byte[48], new byte[96]),
              -1);
      assertThat(e.outcome().single()).isEqualTo(row.get(1));
    }
    Result longR =
        run(
            answers(true),
            "call_bls12_381_pairing_equality",
            h -> regions(h, new byte[0], new byte[0], new byte[49], new byte[96]),
            -1);
    assertThat(longR.outcome().error()).isEqualTo(TOO_BIG + "Got 49, limit 48");
  }

  @Test
  void blsHashToCurveChecksTheHashFunctionAfterCharging() {
    byte[] g2 = new byte[96];
    g2[0] = (byte) 0xa0;
    Result ok =
        run(
            c -> c.point = g2,
            "call_bls12_381_hash_to_g2",
            h -> new long[] {0, h.region("msg"), h.region("dst"), h.buffer(96)},
            3);
    assertThat(ok.outcome().single()).isZero();
    assertThat(ok.output()).isEqualTo(HexFormat.of().formatHex(g2));
    assertThat(ok.calls()).containsExactly("bls12381HashToG2 SHA256 6d7367 647374");
    assertThat(ok.outcome().gasUsed()).isEqualTo(HOST + rr(3) + rr(3) + 871 * US + wr(96));
    Result unknown =
        run(
            answers(true),
            "call_bls12_381_hash_to_g1",
            h -> new long[] {1, h.region("msg"), h.region("dst"), h.buffer(48)},
            -1);
    assertThat(unknown.outcome().single()).isEqualTo(9L);
    assertThat(unknown.calls()).isEmpty();
    assertThat(unknown.outcome().gasUsed()).isEqualTo(HOST + rr(3) + rr(3) + 563 * US);
    Result longDst =
        run(
            answers(true),
            "call_bls12_381_hash_to_g1",
            h -> new long[] {0, h.region("m"), h.region(new byte[5 * 1024 + 1]), h.buffer(48)},
            -1);
    assertThat(longDst.outcome().error()).isEqualTo(TOO_BIG + "Got 5121, limit 5120");
  }

  @Test
  void inputsReachTheCryptoByteExact() {
    Result r =
        run(
            answers(true),
            "call_secp256k1_verify",
            h ->
                regions(
                    h,
                    Bytes.fromHex("01".repeat(32)).toByteArray(),
                    Bytes.fromHex("02".repeat(64)).toByteArray(),
                    Bytes.fromHex("03".repeat(33)).toByteArray()),
            -1);
    assertThat(r.calls())
        .containsExactly(
            "secp256k1Verify " + "01".repeat(32) + " " + "02".repeat(64) + " " + "03".repeat(33));
  }
}
