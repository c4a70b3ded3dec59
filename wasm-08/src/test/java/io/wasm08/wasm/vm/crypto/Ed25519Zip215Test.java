package io.wasm08.wasm.vm.crypto;

import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.assertCryptoError;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.concat;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.hex;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.seeded;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ed25519 with ZIP-215 rules as cosmwasm-crypto's {@code ed25519.rs} on ed25519-zebra 4.0.3. */
class Ed25519Zip215Test {
  private static final byte[] ZCASH = utf8("Zcash");

  // ---------------------------------------------------------------- RFC 8032

  /**
   * RFC 8032 §7.1 TEST 1, 2, 3 and TEST SHA(abc), as in cosmwasm's {@code
   * testdata/ed25519_tests.json}: public key, message, signature.
   */
  static Stream<Arguments> rfc8032() {
    return Stream.of(
        arguments(
            "TEST 1",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        arguments(
            "TEST 2",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        arguments(
            "TEST 3",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
        arguments(
            "TEST SHA(abc)",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032")
  void rfc8032VectorsVerify(String name, String key, String message, String signature) {
    assertThat(Ed25519Zip215.verify(hex(message), hex(signature), hex(key))).isTrue();
    byte[] tamperedMessage = concat(hex(message), new byte[] {0});
    assertThat(Ed25519Zip215.verify(tamperedMessage, hex(signature), hex(key))).isFalse();
    for (int bit : new int[] {0, 255, 256, 511}) {
      byte[] flipped = hex(signature);
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Ed25519Zip215.verify(hex(message), flipped, hex(key))).as("bit " + bit).isFalse();
    }
  }

  // ---------------------------------------------------------------- ZIP-215 test set

  /**
   * ZIP-215's 196 test cases, rebuilt by ed25519-zebra's generation rule ({@code
   * tests/small_order.rs}): every pair (A, R) of the 14 small-order encodings — the 8 canonical
   * 8-torsion points and the 6 small-order non-canonical encodings — with s = 0 over "Zcash". All
   * are valid under ZIP-215: with A and R torsion, [8]R = [8][k]A = 0 = [8][0]B.
   */
  static List<Arguments> zip215Cases() {
    List<byte[]> encodings = new ArrayList<>(Ed25519TestCurve.eightTorsionEncodings());
    encodings.addAll(Ed25519TestCurve.nonCanonicalEncodings().subList(0, 6));
    List<Arguments> cases = new ArrayList<>();
    for (int a = 0; a < encodings.size(); a++) {
      for (int r = 0; r < encodings.size(); r++) {
        byte[] signature = concat(encodings.get(r), new byte[32]);
        cases.add(arguments(a * 14 + r, encodings.get(a), signature));
      }
    }
    return cases;
  }

  @Test
  void zip215SetHas196DistinctCases() {
    List<Arguments> cases = zip215Cases();
    assertThat(cases).hasSize(196);
    assertThat(cases.stream().map(c -> hex((byte[]) c.get()[1]) + hex((byte[]) c.get()[2])))
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("zip215Cases")
  void zip215SmallOrderCasesAreValid(int index, byte[] publicKey, byte[] signature) {
    assertThat(Ed25519Zip215.verify(ZCASH, signature, publicKey)).isTrue();
    // Bouncy Castle's verifier (cofactored, but with RFC 8032's strict decoding: canonical y only,
    // no small-order A, no "negative zero") rejects them all: why it is not used
    assertThat(Ed25519.verify(signature, 0, publicKey, 0, ZCASH, 0, ZCASH.length)).isFalse();
    // s = ℓ makes the same equation hold ([ℓ]B = 0) but is not canonical: rejected
    byte[] nonCanonicalS = concat(Arrays.copyOf(signature, 32), littleEndian(Ed25519Point.L));
    assertThat(Ed25519Zip215.verify(ZCASH, nonCanonicalS, publicKey)).isFalse();
  }

  @Test
  void zip215SetVerifiesAsOneBatch() {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    for (Arguments c : zip215Cases()) {
      keys.add((byte[]) c.get()[1]);
      signatures.add((byte[]) c.get()[2]);
    }
    assertThat(Ed25519Zip215.batchVerify(List.of(ZCASH), signatures, keys)).isTrue();
  }

  // ---------------------------------------------------------------- ZIP-215 rules on real keys

  /** A signer that can choose its own R and public key encoding (the ZIP-215 corner cases). */
  private static final class Signed {
    private final byte[] message;
    private final byte[] signature;
    private final byte[] publicKey;

    Signed(byte[] message, byte[] signature, byte[] publicKey) {
      this.message = message;
      this.signature = signature;
      this.publicKey = publicKey;
    }

    byte[] message() {
      return message;
    }

    byte[] signature() {
      return signature;
    }

    byte[] publicKey() {
      return publicKey;
    }
  }

  private static BigInteger scalar(String label) {
    return new BigInteger(1, seeded(label, 64)).mod(Ed25519Point.L);
  }

  private static byte[] littleEndian(BigInteger value) {
    return Ed25519Point.encodeLittleEndian(value);
  }

  private static BigInteger challenge(byte[] r, byte[] a, byte[] message) {
    SHA512Digest digest = new SHA512Digest();
    digest.update(r, 0, 32);
    digest.update(a, 0, 32);
    digest.update(message, 0, message.length);
    byte[] hash = new byte[64];
    digest.doFinal(hash, 0);
    return Ed25519Point.decodeLittleEndian(hash).mod(Ed25519Point.L);
  }

  private static Ed25519Point times(BigInteger k) {
    return Ed25519Point.doubleScalarMulBase(BigInteger.ZERO, Ed25519Point.IDENTITY, k);
  }

  /** s = r + k·a for R = [r]B (+ optional torsion), A = [a]B (+ optional torsion). */
  private static Signed sign(
      String label, byte[] message, Ed25519Point keyTorsion, Ed25519Point nonceTorsion) {
    BigInteger a = scalar(label + "-a");
    BigInteger r = scalar(label + "-r");
    byte[] publicKey = times(a).add(keyTorsion).compress();
    byte[] rBytes = times(r).add(nonceTorsion).compress();
    BigInteger k = challenge(rBytes, publicKey, message);
    BigInteger s = r.add(k.multiply(a)).mod(Ed25519Point.L);
    return new Signed(message, concat(rBytes, littleEndian(s)), publicKey);
  }

  private static Ed25519Point orderEightPoint() {
    return Ed25519Point.decompress(Ed25519TestCurve.eightTorsionEncodings().get(4));
  }

  @Test
  void cofactoredEquationAcceptsMixedOrderKeysAndNonces() {
    Ed25519Point t8 = orderEightPoint();
    assertThat(t8.dbl().dbl().isIdentity()).as("order 8").isFalse();
    byte[] message = utf8("mixed order");
    for (int i = 0; i < 8; i++) {
      Signed key = sign("mixed-key-" + i, message, t8, Ed25519Point.IDENTITY);
      Signed nonce = sign("mixed-nonce-" + i, message, Ed25519Point.IDENTITY, t8);
      assertThat(Ed25519Zip215.verify(key.message(), key.signature(), key.publicKey())).isTrue();
      assertThat(Ed25519Zip215.verify(nonce.message(), nonce.signature(), nonce.publicKey()))
          .isTrue();
      // the cofactorless check [s]B = R + [k]A fails whenever [k]T ≠ 0, i.e. 8 ∤ k: the cofactor
      // in [8][s]B = [8]R + [8][k]A is what accepts these
      BigInteger k = challenge(Arrays.copyOf(key.signature(), 32), key.publicKey(), message);
      BigInteger s = Ed25519Point.decodeLittleEndian(Arrays.copyOfRange(key.signature(), 32, 64));
      Ed25519Point a = Ed25519Point.decompress(key.publicKey());
      Ed25519Point r = Ed25519Point.decompress(Arrays.copyOf(key.signature(), 32));
      boolean cofactorless =
          Ed25519Point.doubleScalarMulBase(k, a.negate(), s).add(r.negate()).isIdentity();
      assertThat(cofactorless).isEqualTo(k.mod(BigInteger.valueOf(8)).signum() == 0);
    }
  }

  @Test
  void sAtOrAboveTheGroupOrderIsRejected() {
    Signed signed = sign("s-range", utf8("s range"), Ed25519Point.IDENTITY, Ed25519Point.IDENTITY);
    assertThat(Ed25519Zip215.verify(signed.message(), signed.signature(), signed.publicKey()))
        .isTrue();
    BigInteger s = Ed25519Point.decodeLittleEndian(Arrays.copyOfRange(signed.signature(), 32, 64));
    for (BigInteger alias : List.of(s.add(Ed25519Point.L), s.add(Ed25519Point.L.shiftLeft(3)))) {
      byte[] sig = concat(Arrays.copyOf(signed.signature(), 32), littleEndian(alias));
      assertThat(Ed25519Zip215.verify(signed.message(), sig, signed.publicKey())).isFalse();
    }
    byte[] maxS = concat(Arrays.copyOf(signed.signature(), 32), hex("ff".repeat(32)));
    assertThat(Ed25519Zip215.verify(signed.message(), maxS, signed.publicKey())).isFalse();
  }

  @Test
  void undecodableKeyOrNonceIsInvalidNotAnError() {
    Signed signed = sign("decode", utf8("decode"), Ed25519Point.IDENTITY, Ed25519Point.IDENTITY);
    byte[] noPoint = null;
    for (int y = 2; noPoint == null; y++) {
      if (!Ed25519TestCurve.isOrdinate(BigInteger.valueOf(y))) {
        noPoint = littleEndian(BigInteger.valueOf(y));
      }
    }
    assertThat(Ed25519Zip215.verify(signed.message(), signed.signature(), noPoint)).isFalse();
    byte[] badR = concat(noPoint, Arrays.copyOfRange(signed.signature(), 32, 64));
    assertThat(Ed25519Zip215.verify(signed.message(), badR, signed.publicKey())).isFalse();
  }

  // ---------------------------------------------------------------- formats

  static Stream<Arguments> formatErrors() {
    byte[] sig = new byte[64];
    byte[] key = new byte[32];
    return Stream.of(
        arguments(
            "signature of 63 bytes", new byte[63], key, CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        arguments(
            "signature of 65 bytes", new byte[65], key, CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        arguments("empty signature", new byte[0], key, CryptoErrorCode.INVALID_SIGNATURE_FORMAT),
        arguments("key of 31 bytes", sig, new byte[31], CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        arguments("key of 33 bytes", sig, new byte[33], CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        arguments("empty key", sig, new byte[0], CryptoErrorCode.INVALID_PUBKEY_FORMAT),
        arguments(
            "signature checked first",
            new byte[0],
            new byte[0],
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formatErrors")
  void wrongLengthsRaiseUpstreamCodes(String name, byte[] sig, byte[] key, CryptoErrorCode code) {
    assertCryptoError(() -> Ed25519Zip215.verify(new byte[0], sig, key), code);
    assertCryptoError(
        () -> Ed25519Zip215.batchVerify(List.of(new byte[0]), List.of(sig), List.of(key)), code);
  }

  // ---------------------------------------------------------------- batches

  private static List<Signed> signedBatch(
      String label, int count, boolean oneKey, boolean oneMessage) {
    List<Signed> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] message = oneMessage ? utf8("BatchVerifyTest") : seeded(label + "-msg-" + i, i * 7);
      byte[] secret = seeded(label + "-key-" + (oneKey ? 0 : i), 32);
      byte[] publicKey = new byte[32];
      Ed25519.generatePublicKey(secret, 0, publicKey, 0);
      byte[] signature = new byte[64];
      Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
      out.add(new Signed(message, signature, publicKey));
    }
    return out;
  }

  private static List<byte[]> messages(List<Signed> batch) {
    return batch.stream().map(Signed::message).toList();
  }

  private static List<byte[]> signatures(List<Signed> batch) {
    return batch.stream().map(Signed::signature).toList();
  }

  private static List<byte[]> keys(List<Signed> batch) {
    return batch.stream().map(Signed::publicKey).toList();
  }

  @Test
  void batchShapesAsUpstream() {
    List<Signed> distinct = signedBatch("distinct", 5, false, false);
    List<Signed> multisig = signedBatch("multisig", 5, false, true);
    List<Signed> oneSigner = signedBatch("one-signer", 5, true, false);
    // n messages, n signatures, n keys
    assertThat(Ed25519Zip215.batchVerify(messages(distinct), signatures(distinct), keys(distinct)))
        .isTrue();
    // one message, n signatures and keys (multisig)
    assertThat(
            Ed25519Zip215.batchVerify(
                messages(multisig).subList(0, 1), signatures(multisig), keys(multisig)))
        .isTrue();
    // one key, n messages and signatures
    assertThat(
            Ed25519Zip215.batchVerify(
                messages(oneSigner), signatures(oneSigner), keys(oneSigner).subList(0, 1)))
        .isTrue();
    // a batch of one
    assertThat(
            Ed25519Zip215.batchVerify(
                messages(distinct).subList(0, 1),
                signatures(distinct).subList(0, 1),
                keys(distinct).subList(0, 1)))
        .isTrue();
  }

  static Stream<Arguments> batchCounts() {
    // (messages, signatures, keys) → valid shape?
    return Stream.of(
        arguments(0, 0, 0, true),
        arguments(1, 0, 0, true),
        arguments(0, 0, 1, true),
        arguments(1, 1, 1, true),
        arguments(3, 3, 3, true),
        arguments(1, 3, 3, true),
        arguments(3, 3, 1, true),
        arguments(2, 3, 3, false),
        arguments(3, 2, 3, false),
        arguments(3, 3, 2, false),
        arguments(1, 2, 3, false),
        arguments(3, 2, 1, false),
        arguments(0, 1, 1, false),
        arguments(1, 1, 0, false),
        arguments(0, 1, 0, false),
        arguments(2, 0, 0, false));
  }

  @ParameterizedTest(name = "{0} messages, {1} signatures, {2} keys")
  @MethodSource("batchCounts")
  void batchShapeErrorsAreCodeSeven(int m, int s, int k, boolean validShape) {
    List<Signed> pool = signedBatch("shape", 3, true, true);
    List<byte[]> msgs = messages(pool).subList(0, m);
    List<byte[]> sigs = signatures(pool).subList(0, s);
    List<byte[]> keys = keys(pool).subList(0, k);
    if (validShape) {
      assertThat(Ed25519Zip215.batchVerify(msgs, sigs, keys)).isTrue();
    } else {
      assertCryptoError(
              () -> Ed25519Zip215.batchVerify(msgs, sigs, keys), CryptoErrorCode.BATCH_ERR)
          .hasMessage(
              "Batch verify error: Mismatched / erroneous number of messages / signatures /"
                  + " public keys");
    }
  }

  @ParameterizedTest(name = "bad item {0}")
  @MethodSource("badIndices")
  void oneBadSignatureFailsTheBatch(int bad) {
    List<Signed> batch = new ArrayList<>(signedBatch("one-bad", 8, false, false));
    Signed victim = batch.get(bad);
    batch.set(bad, new Signed(utf8("badmsg"), victim.signature(), victim.publicKey()));
    assertThat(Ed25519Zip215.batchVerify(messages(batch), signatures(batch), keys(batch)))
        .isFalse();
    for (int i = 0; i < batch.size(); i++) {
      Signed item = batch.get(i);
      assertThat(Ed25519Zip215.verify(item.message(), item.signature(), item.publicKey()))
          .isEqualTo(i != bad);
    }
  }

  static IntStream badIndices() {
    return IntStream.of(0, 3, 7);
  }

  @Test
  void lengthsOfEveryItemAreCheckedBeforeAnyVerification() {
    List<Signed> batch = signedBatch("lengths", 3, false, false);
    List<byte[]> sigs = new ArrayList<>(signatures(batch));
    List<byte[]> keys = new ArrayList<>(keys(batch));
    sigs.set(0, new byte[64]); // a wrong (but well-formed) signature first ...
    keys.set(2, new byte[31]); // ... and a malformed key last: the format error wins
    assertCryptoError(
        () -> Ed25519Zip215.batchVerify(messages(batch), sigs, keys),
        CryptoErrorCode.INVALID_PUBKEY_FORMAT);
    sigs.set(2, new byte[10]); // per item, the signature is checked before the key
    assertCryptoError(
        () -> Ed25519Zip215.batchVerify(messages(batch), sigs, keys),
        CryptoErrorCode.INVALID_SIGNATURE_FORMAT);
  }

  @Test
  void replicatedKeyIsNotCheckedForAnEmptyBatch() {
    // upstream validates keys while enqueueing items; with no signatures nothing is enqueued
    assertThat(
            Ed25519Zip215.batchVerify(
                Collections.emptyList(), Collections.emptyList(), List.of(new byte[5])))
        .isTrue();
  }

  @Test
  void batchVerdictEqualsTheConjunctionOfSingleVerdicts() {
    // mixes valid RFC-style signatures, ZIP-215 small-order cases and invalid ones
    List<byte[]> msgs = new ArrayList<>();
    List<byte[]> sigs = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    for (Signed s : signedBatch("mixed", 4, false, false)) {
      msgs.add(s.message());
      sigs.add(s.signature());
      keys.add(s.publicKey());
    }
    for (Arguments c : zip215Cases().subList(0, 20)) {
      msgs.add(ZCASH);
      keys.add((byte[]) c.get()[1]);
      sigs.add((byte[]) c.get()[2]);
    }
    assertThat(Ed25519Zip215.batchVerify(msgs, sigs, keys)).isTrue();
    for (int drop = 0; drop < msgs.size(); drop += 5) {
      List<byte[]> tampered = new ArrayList<>(msgs);
      tampered.set(drop, concat(msgs.get(drop), hex("00")));
      boolean expected = true;
      for (int i = 0; i < msgs.size(); i++) {
        expected &= Ed25519Zip215.verify(tampered.get(i), sigs.get(i), keys.get(i));
      }
      assertThat(Ed25519Zip215.batchVerify(tampered, sigs, keys)).isEqualTo(expected);
    }
  }
}
