package io.wasm08.wasm.vm.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * RFC 9380 hash-to-curve for the DSTs jblst cannot carry.
 *
 * <p>Why this exists: jblst's {@code hash_to(msg, String DST)} hands the DST to blst through JNI's
 * {@code GetStringUTFChars}, i.e. as <em>modified</em> UTF-8 — a 0x00 byte becomes {@code C0 80},
 * supplementary characters become surrogate pairs, and byte strings that are not UTF-8 cannot be
 * expressed at all. CosmWasm accepts any DST bytes, so for those DSTs the suites {@code
 * BLS12381G1_XMD:SHA-256_SSWU_RO_} and {@code BLS12381G2_XMD:SHA-256_SSWU_RO_} are computed here:
 * expand_message_xmd (§5.3.1, long DSTs per §5.3.3) → hash_to_field (§5.2) → simplified SWU on the
 * isogenous curve (§6.6.2) → isogeny map (Appendix E.2 / E.3) → Q₀ + Q₁ and h_eff cofactor clearing
 * (§7) on blst. The code is the RFC's straight-line, variable-time description (inputs are public);
 * {@code Bls12381HashToCurveTest} checks it against RFC 9380's vectors and against blst for every
 * DST both can take.
 */
final class Bls12381HashToCurve {
  static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  /** L = ceil((ceil(log2(p)) + k) / 8) with k = 128. */
  private static final int L = 64;

  private static final int SHA256_BLOCK = 64;
  private static final int SHA256_OUT = 32;
  private static final byte[] OVERSIZE_DST_PREFIX =
      "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);

  private static final BigInteger P_MINUS_1_HALF = P.subtract(BigInteger.ONE).shiftRight(1);
  private static final BigInteger P_PLUS_1_QUARTER = P.add(BigInteger.ONE).shiftRight(2);
  private static final BigInteger TWO_INV = BigInteger.TWO.modInverse(P);

  /** §8.8.1: E₁': y² = x³ + A'x + B', Z = 11. */
  private static final BigInteger G1_A =
      hex(
          "144698a3b8e9433d693a02c96d4982b0ea985383ee66a8d8e8981aefd881ac98936f8da0e0f97f5cf428082d584c1d");

  private static final BigInteger G1_B =
      hex(
          "12e2908d11688030018b12e8753eee3b2016c1f0f24f4070a0b9c14fcef35ef55a23215a316ceaa5d1cc48e98e172be0");
  private static final BigInteger G1_Z = BigInteger.valueOf(11);

  /** §8.8.1: h_eff = 1 − x for G1. */
  private static final BigInteger G1_H_EFF = hex("d201000000010001");

  /** Appendix E.2: the 11-isogeny E₁' → E₁, coefficients from degree 0 up. */
  private static final BigInteger[] G1_X_NUM = {
    hex(
        "11a05f2b1e833340b809101dd99815856b303e88a2d7005ff2627b56cdb4e2c85610c2d5f2e62d6eaeac1662734649b7"),
    hex(
        "17294ed3e943ab2f0588bab22147a81c7c17e75b2f6a8417f565e33c70d1e86b4838f2a6f318c356e834eef1b3cb83bb"),
    hex(
        "d54005db97678ec1d1048c5d10a9a1bce032473295983e56878e501ec68e25c958c3e3d2a09729fe0179f9dac9edcb0"),
    hex(
        "1778e7166fcc6db74e0609d307e55412d7f5e4656a8dbf25f1b33289f1b330835336e25ce3107193c5b388641d9b6861"),
    hex(
        "e99726a3199f4436642b4b3e4118e5499db995a1257fb3f086eeb65982fac18985a286f301e77c451154ce9ac8895d9"),
    hex(
        "1630c3250d7313ff01d1201bf7a74ab5db3cb17dd952799b9ed3ab9097e68f90a0870d2dcae73d19cd13c1c66f652983"),
    hex(
        "d6ed6553fe44d296a3726c38ae652bfb11586264f0f8ce19008e218f9c86b2a8da25128c1052ecaddd7f225a139ed84"),
    hex(
        "17b81e7701abdbe2e8743884d1117e53356de5ab275b4db1a682c62ef0f2753339b7c8f8c8f475af9ccb5618e3f0c88e"),
    hex(
        "80d3cf1f9a78fc47b90b33563be990dc43b756ce79f5574a2c596c928c5d1de4fa295f296b74e956d71986a8497e317"),
    hex(
        "169b1f8e1bcfa7c42e0c37515d138f22dd2ecb803a0c5c99676314baf4bb1b7fa3190b2edc0327797f241067be390c9e"),
    hex(
        "10321da079ce07e272d8ec09d2565b0dfa7dccdde6787f96d50af36003b14866f69b771f8c285decca67df3f1605fb7b"),
    hex(
        "6e08c248e260e70bd1e962381edee3d31d79d7e22c837bc23c0bf1bc24c6b68c24b1b80b64d391fa9c8ba2e8ba2d229"),
  };

  private static final BigInteger[] G1_X_DEN = {
    hex(
        "8ca8d548cff19ae18b2e62f4bd3fa6f01d5ef4ba35b48ba9c9588617fc8ac62b558d681be343df8993cf9fa40d21b1c"),
    hex(
        "12561a5deb559c4348b4711298e536367041e8ca0cf0800c0126c2588c48bf5713daa8846cb026e9e5c8276ec82b3bff"),
    hex(
        "b2962fe57a3225e8137e629bff2991f6f89416f5a718cd1fca64e00b11aceacd6a3d0967c94fedcfcc239ba5cb83e19"),
    hex(
        "3425581a58ae2fec83aafef7c40eb545b08243f16b1655154cca8abc28d6fd04976d5243eecf5c4130de8938dc62cd8"),
    hex(
        "13a8e162022914a80a6f1d5f43e7a07dffdfc759a12062bb8d6b44e833b306da9bd29ba81f35781d539d395b3532a21e"),
    hex(
        "e7355f8e4e667b955390f7f0506c6e9395735e9ce9cad4d0a43bcef24b8982f7400d24bc4228f11c02df9a29f6304a5"),
    hex(
        "772caacf16936190f3e0c63e0596721570f5799af53a1894e2e073062aede9cea73b3538f0de06cec2574496ee84a3a"),
    hex(
        "14a7ac2a9d64a8b230b3f5b074cf01996e7f63c21bca68a81996e1cdf9822c580fa5b9489d11e2d311f7d99bbdcc5a5e"),
    hex(
        "a10ecf6ada54f825e920b3dafc7a3cce07f8d1d7161366b74100da67f39883503826692abba43704776ec3a79a1d641"),
    hex(
        "95fc13ab9e92ad4476d6e3eb3a56680f682b4ee96f7d03776df533978f31c1593174e4b4b7865002d6384d168ecdd0a"),
    BigInteger.ONE,
  };

  private static final BigInteger[] G1_Y_NUM = {
    hex(
        "90d97c81ba24ee0259d1f094980dcfa11ad138e48a869522b52af6c956543d3cd0c7aee9b3ba3c2be9845719707bb33"),
    hex(
        "134996a104ee5811d51036d776fb46831223e96c254f383d0f906343eb67ad34d6c56711962fa8bfe097e75a2e41c696"),
    hex(
        "cc786baa966e66f4a384c86a3b49942552e2d658a31ce2c344be4b91400da7d26d521628b00523b8dfe240c72de1f6"),
    hex(
        "1f86376e8981c217898751ad8746757d42aa7b90eeb791c09e4a3ec03251cf9de405aba9ec61deca6355c77b0e5f4cb"),
    hex(
        "8cc03fdefe0ff135caf4fe2a21529c4195536fbe3ce50b879833fd221351adc2ee7f8dc099040a841b6daecf2e8fedb"),
    hex(
        "16603fca40634b6a2211e11db8f0a6a074a7d0d4afadb7bd76505c3d3ad5544e203f6326c95a807299b23ab13633a5f0"),
    hex(
        "4ab0b9bcfac1bbcb2c977d027796b3ce75bb8ca2be184cb5231413c4d634f3747a87ac2460f415ec961f8855fe9d6f2"),
    hex(
        "987c8d5333ab86fde9926bd2ca6c674170a05bfe3bdd81ffd038da6c26c842642f64550fedfe935a15e4ca31870fb29"),
    hex(
        "9fc4018bd96684be88c9e221e4da1bb8f3abd16679dc26c1e8b6e6a1f20cabe69d65201c78607a360370e577bdba587"),
    hex(
        "e1bba7a1186bdb5223abde7ada14a23c42a0ca7915af6fe06985e7ed1e4d43b9b3f7055dd4eba6f2bafaaebca731c30"),
    hex(
        "19713e47937cd1be0dfd0b8f1d43fb93cd2fcbcb6caf493fd1183e416389e61031bf3a5cce3fbafce813711ad011c132"),
    hex(
        "18b46a908f36f6deb918c143fed2edcc523559b8aaf0c2462e6bfe7f911f643249d9cdf41b44d606ce07c8a4d0074d8e"),
    hex(
        "b182cac101b9399d155096004f53f447aa7b12a3426b08ec02710e807b4633f06c851c1919211f20d4c04f00b971ef8"),
    hex(
        "245a394ad1eca9b72fc00ae7be315dc757b3b080d4c158013e6632d3c40659cc6cf90ad1c232a6442d9d3f5db980133"),
    hex(
        "5c129645e44cf1102a159f748c4a3fc5e673d81d7e86568d9ab0f5d396a7ce46ba1049b6579afb7866b1e715475224b"),
    hex(
        "15e6be4e990f03ce4ea50b3b42df2eb5cb181d8f84965a3957add4fa95af01b2b665027efec01c7704b456be69c8b604"),
  };

  private static final BigInteger[] G1_Y_DEN = {
    hex(
        "16112c4c3a9c98b252181140fad0eae9601a6de578980be6eec3232b5be72e7a07f3688ef60c206d01479253b03663c1"),
    hex(
        "1962d75c2381201e1a0cbd6c43c348b885c84ff731c4d59ca4a10356f453e01f78a4260763529e3532f6102c2e49a03d"),
    hex(
        "58df3306640da276faaae7d6e8eb15778c4855551ae7f310c35a5dd279cd2eca6757cd636f96f891e2538b53dbf67f2"),
    hex(
        "16b7d288798e5395f20d23bf89edb4d1d115c5dbddbcd30e123da489e726af41727364f2c28297ada8d26d98445f5416"),
    hex(
        "be0e079545f43e4b00cc912f8228ddcc6d19c9f0f69bbb0542eda0fc9dec916a20b15dc0fd2ededda39142311a5001d"),
    hex(
        "8d9e5297186db2d9fb266eaac783182b70152c65550d881c5ecd87b6f0f5a6449f38db9dfa9cce202c6477faaf9b7ac"),
    hex(
        "166007c08a99db2fc3ba8734ace9824b5eecfdfa8d0cf8ef5dd365bc400a0051d5fa9c01a58b1fb93d1a1399126a775c"),
    hex(
        "16a3ef08be3ea7ea03bcddfabba6ff6ee5a4375efa1f4fd7feb34fd206357132b920f5b00801dee460ee415a15812ed9"),
    hex(
        "1866c8ed336c61231a1be54fd1d74cc4f9fb0ce4c6af5920abc5750c4bf39b4852cfe2f7bb9248836b233d9d55535d4a"),
    hex(
        "167a55cda70a6e1cea820597d94a84903216f763e13d87bb5308592e7ea7d4fbc7385ea3d529b35e346ef48bb8913f55"),
    hex(
        "4d2f259eea405bd48f010a01ad2911d9c6dd039bb61a6290e591b36e636a5c871a5c29f4f83060400f8b49cba8f6aa8"),
    hex(
        "accbb67481d033ff5852c1e48c50c477f94ff8aefce42d28c0f9a88cea7913516f968986f7ebbea9684b529e2561092"),
    hex(
        "ad6b9514c767fe3c3613144b45f1496543346d98adf02267d5ceef9a00d9b8693000763e3b90ac11e99b138573345cc"),
    hex(
        "2660400eb2e4f3b628bdd0d53cd76f2bf565b94e72927c1cb748df27942480e420517bd8714cc80d1fadc1326ed06f7"),
    hex(
        "e0fa1d816ddc03e6b24255e0d7819c171c40f65e273b853324efcd6356caa205ca2f570f13497804415473a1d634b8f"),
    BigInteger.ONE,
  };

  /** §8.8.2: E₂': y² = x³ + 240·I·x + 1012·(1 + I), Z = −(2 + I). */
  private static final Fp2 G2_A = new Fp2(BigInteger.ZERO, BigInteger.valueOf(240));

  private static final Fp2 G2_B = new Fp2(BigInteger.valueOf(1012), BigInteger.valueOf(1012));
  private static final Fp2 G2_Z = new Fp2(P.subtract(BigInteger.TWO), P.subtract(BigInteger.ONE));

  /** §8.8.2: h_eff for G2. */
  private static final BigInteger G2_H_EFF =
      hex(
          "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551");

  private static final BigInteger K1 =
      hex(
          "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6");

  /** Appendix E.3: the 3-isogeny E₂' → E₂, coefficients from degree 0 up. */
  private static final Fp2[] G2_X_NUM = {
    new Fp2(K1, K1),
    new Fp2(
        BigInteger.ZERO,
        hex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a")),
    new Fp2(
        hex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e"),
        hex(
            "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d")),
    new Fp2(
        hex(
            "171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1"),
        BigInteger.ZERO),
  };

  private static final Fp2[] G2_X_DEN = {
    new Fp2(
        BigInteger.ZERO,
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63")),
    new Fp2(
        BigInteger.valueOf(12),
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f")),
    Fp2.ONE,
  };

  private static final BigInteger K3 =
      hex(
          "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706");

  private static final Fp2[] G2_Y_NUM = {
    new Fp2(K3, K3),
    new Fp2(
        BigInteger.ZERO,
        hex(
            "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be")),
    new Fp2(
        hex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c"),
        hex(
            "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f")),
    new Fp2(
        hex(
            "124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10"),
        BigInteger.ZERO),
  };

  private static final BigInteger K4 =
      hex(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb");

  private static final Fp2[] G2_Y_DEN = {
    new Fp2(K4, K4),
    new Fp2(
        BigInteger.ZERO,
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3")),
    new Fp2(
        BigInteger.valueOf(18),
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99")),
    Fp2.ONE,
  };

  private Bls12381HashToCurve() {}

  /**
   * The DST as a Java string whose JNI modified-UTF-8 form is exactly {@code dst}, or {@code null}
   * when no such string exists (a 0x00 byte, bytes that are not UTF-8, or a character outside the
   * Basic Multilingual Plane) and the hash must be computed by this class.
   */
  static String jniTransportableDst(byte[] dst) {
    for (byte b : dst) {
      if (b == 0) {
        return null;
      }
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(dst))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < decoded.length(); i++) {
      if (Character.isSurrogate(decoded.charAt(i))) {
        return null;
      }
    }
    // Without NUL and supplementary characters modified UTF-8 equals standard UTF-8.
    return Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), dst) ? decoded : null;
  }

  static byte[] hashToG1(byte[] message, byte[] dst) {
    BigInteger[] u = hashToFieldFp(message, dst);
    P1 sum = new P1(new P1_Affine(g1Uncompressed(mapToG1(u[0]))));
    sum.add(new P1_Affine(g1Uncompressed(mapToG1(u[1]))));
    return sum.mult(G1_H_EFF).compress();
  }

  static byte[] hashToG2(byte[] message, byte[] dst) {
    Fp2[] u = hashToFieldFp2(message, dst);
    P2 sum = new P2(new P2_Affine(g2Uncompressed(mapToG2(u[0]))));
    sum.add(new P2_Affine(g2Uncompressed(mapToG2(u[1]))));
    return sum.mult(G2_H_EFF).compress();
  }

  /** §5.2 hash_to_field(msg, 2) for Fp (m = 1). */
  static BigInteger[] hashToFieldFp(byte[] message, byte[] dst) {
    byte[] uniform = expandMessageXmd(message, dst, 2 * L);
    return new BigInteger[] {fieldElement(uniform, 0), fieldElement(uniform, L)};
  }

  /** §5.2 hash_to_field(msg, 2) for Fp² (m = 2): u_i = (e_{i,0}, e_{i,1}). */
  static Fp2[] hashToFieldFp2(byte[] message, byte[] dst) {
    byte[] uniform = expandMessageXmd(message, dst, 4 * L);
    return new Fp2[] {
      new Fp2(fieldElement(uniform, 0), fieldElement(uniform, L)),
      new Fp2(fieldElement(uniform, 2 * L), fieldElement(uniform, 3 * L))
    };
  }

  /** §5.3.1 expand_message_xmd with SHA-256; a DST over 255 bytes is first hashed (§5.3.3). */
  static byte[] expandMessageXmd(byte[] message, byte[] dst, int lenInBytes) {
    int ell = (lenInBytes + SHA256_OUT - 1) / SHA256_OUT;
    if (ell > 255 || lenInBytes > 65535) {
      throw new IllegalArgumentException("expand_message_xmd: len_in_bytes too large");
    }
    byte[] dstPrime = dstPrime(dst);
    SHA256Digest digest = new SHA256Digest();
    digest.update(new byte[SHA256_BLOCK], 0, SHA256_BLOCK);
    digest.update(message, 0, message.length);
    digest.update((byte) (lenInBytes >>> 8));
    digest.update((byte) lenInBytes);
    digest.update((byte) 0);
    digest.update(dstPrime, 0, dstPrime.length);
    byte[] b0 = new byte[SHA256_OUT];
    digest.doFinal(b0, 0);

    byte[] out = new byte[ell * SHA256_OUT];
    byte[] previous = new byte[SHA256_OUT];
    for (int i = 1; i <= ell; i++) {
      byte[] input = new byte[SHA256_OUT];
      for (int j = 0; j < SHA256_OUT; j++) {
        input[j] = (byte) (b0[j] ^ (i == 1 ? 0 : previous[j]));
      }
      digest.update(input, 0, SHA256_OUT);
      digest.update((byte) i);
      digest.update(dstPrime, 0, dstPrime.length);
      digest.doFinal(previous, 0);
      System.arraycopy(previous, 0, out, (i - 1) * SHA256_OUT, SHA256_OUT);
    }
    return Arrays.copyOf(out, lenInBytes);
  }

  private static byte[] dstPrime(byte[] dst) {
    byte[] effective = dst;
    if (dst.length > 255) {
      SHA256Digest digest = new SHA256Digest();
      digest.update(OVERSIZE_DST_PREFIX, 0, OVERSIZE_DST_PREFIX.length);
      digest.update(dst, 0, dst.length);
      effective = new byte[SHA256_OUT];
      digest.doFinal(effective, 0);
    }
    byte[] prime = Arrays.copyOf(effective, effective.length + 1);
    prime[effective.length] = (byte) effective.length;
    return prime;
  }

  private static BigInteger fieldElement(byte[] uniform, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(uniform, offset, offset + L)).mod(P);
  }

  /** §6.6.2 simplified SWU on E₁' followed by the 11-isogeny; affine (x, y) on E₁. */
  static BigInteger[] mapToG1(BigInteger u) {
    BigInteger zu2 = G1_Z.multiply(u.multiply(u)).mod(P);
    BigInteger tv1 = inv0(zu2.multiply(zu2).add(zu2).mod(P));
    BigInteger x1 =
        tv1.signum() == 0
            ? G1_B.multiply(G1_Z.multiply(G1_A).modInverse(P)).mod(P)
            : G1_B.negate().multiply(G1_A.modInverse(P)).multiply(BigInteger.ONE.add(tv1)).mod(P);
    BigInteger gx1 = curveRhs(x1);
    BigInteger x;
    BigInteger y;
    if (isSquare(gx1)) {
      x = x1;
      y = sqrt(gx1);
    } else {
      x = zu2.multiply(x1).mod(P);
      y = sqrt(curveRhs(x));
    }
    if (sgn0(u) != sgn0(y)) {
      y = P.subtract(y).mod(P);
    }
    BigInteger xDen = horner(G1_X_DEN, x);
    BigInteger yDen = horner(G1_Y_DEN, x);
    if (xDen.signum() == 0 || yDen.signum() == 0) {
      return null; // a kernel point of the isogeny: maps to the point at infinity
    }
    BigInteger isoX = horner(G1_X_NUM, x).multiply(xDen.modInverse(P)).mod(P);
    BigInteger isoY = y.multiply(horner(G1_Y_NUM, x)).multiply(yDen.modInverse(P)).mod(P);
    return new BigInteger[] {isoX, isoY};
  }

  /** §6.6.2 simplified SWU on E₂' followed by the 3-isogeny; affine (x, y) on E₂. */
  static Fp2[] mapToG2(Fp2 u) {
    Fp2 zu2 = G2_Z.mul(u.square());
    Fp2 tv1 = zu2.square().add(zu2).inv0();
    Fp2 x1 =
        tv1.isZero()
            ? G2_B.mul(G2_Z.mul(G2_A).inv0())
            : G2_B.neg().mul(G2_A.inv0()).mul(Fp2.ONE.add(tv1));
    Fp2 gx1 = x1.square().mul(x1).add(G2_A.mul(x1)).add(G2_B);
    Fp2 x;
    Fp2 y;
    if (gx1.isSquare()) {
      x = x1;
      y = gx1.sqrt();
    } else {
      x = zu2.mul(x1);
      y = x.square().mul(x).add(G2_A.mul(x)).add(G2_B).sqrt();
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.neg();
    }
    Fp2 xDen = horner(G2_X_DEN, x);
    Fp2 yDen = horner(G2_Y_DEN, x);
    if (xDen.isZero() || yDen.isZero()) {
      return null;
    }
    return new Fp2[] {
      horner(G2_X_NUM, x).mul(xDen.inv0()), y.mul(horner(G2_Y_NUM, x)).mul(yDen.inv0())
    };
  }

  /** blst's uncompressed serialisation: x ‖ y big-endian, or the infinity flag. */
  private static byte[] g1Uncompressed(BigInteger[] point) {
    byte[] out = new byte[96];
    if (point == null) {
      out[0] = 0x40;
      return out;
    }
    put48(point[0], out, 0);
    put48(point[1], out, 48);
    return out;
  }

  /** x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (ZCash order), or the infinity flag. */
  private static byte[] g2Uncompressed(Fp2[] point) {
    byte[] out = new byte[192];
    if (point == null) {
      out[0] = 0x40;
      return out;
    }
    put48(point[0].c1(), out, 0);
    put48(point[0].c0(), out, 48);
    put48(point[1].c1(), out, 96);
    put48(point[1].c0(), out, 144);
    return out;
  }

  private static void put48(BigInteger value, byte[] out, int offset) {
    byte[] be = value.toByteArray();
    int len = Math.min(be.length, 48);
    System.arraycopy(be, be.length - len, out, offset + 48 - len, len);
  }

  private static BigInteger curveRhs(BigInteger x) {
    return x.multiply(x).multiply(x).add(G1_A.multiply(x)).add(G1_B).mod(P);
  }

  private static BigInteger horner(BigInteger[] coefficients, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = acc.multiply(x).add(coefficients[i]).mod(P);
    }
    return acc;
  }

  private static Fp2 horner(Fp2[] coefficients, Fp2 x) {
    Fp2 acc = Fp2.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(coefficients[i]);
    }
    return acc;
  }

  private static BigInteger inv0(BigInteger a) {
    return a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
  }

  private static boolean isSquare(BigInteger a) {
    return a.signum() == 0 || a.modPow(P_MINUS_1_HALF, P).equals(BigInteger.ONE);
  }

  /** p ≡ 3 (mod 4): √a = a^((p+1)/4) for a square a. */
  private static BigInteger sqrt(BigInteger a) {
    BigInteger root = a.modPow(P_PLUS_1_QUARTER, P);
    if (!root.multiply(root).mod(P).equals(a.mod(P))) {
      throw new IllegalStateException("not a square");
    }
    return root;
  }

  private static int sgn0(BigInteger a) {
    return a.testBit(0) ? 1 : 0;
  }

  private static BigInteger hex(String digits) {
    return new BigInteger(digits, 16);
  }

  /** An element c0 + c1·I of Fp² = Fp[I]/(I² + 1). */
  record Fp2(BigInteger c0, BigInteger c1) {
    static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

    Fp2 add(Fp2 o) {
      return new Fp2(c0.add(o.c0).mod(P), c1.add(o.c1).mod(P));
    }

    Fp2 neg() {
      return new Fp2(c0.negate().mod(P), c1.negate().mod(P));
    }

    Fp2 mul(Fp2 o) {
      BigInteger r0 = c0.multiply(o.c0).subtract(c1.multiply(o.c1)).mod(P);
      BigInteger r1 = c0.multiply(o.c1).add(c1.multiply(o.c0)).mod(P);
      return new Fp2(r0, r1);
    }

    Fp2 square() {
      return mul(this);
    }

    boolean isZero() {
      return c0.signum() == 0 && c1.signum() == 0;
    }

    /** The norm c0² + c1² is an Fp-square exactly when this is an Fp²-square. */
    boolean isSquare() {
      return Bls12381HashToCurve.isSquare(c0.multiply(c0).add(c1.multiply(c1)).mod(P));
    }

    Fp2 inv0() {
      if (isZero()) {
        return ZERO;
      }
      BigInteger normInv = c0.multiply(c0).add(c1.multiply(c1)).mod(P).modInverse(P);
      return new Fp2(c0.multiply(normInv).mod(P), c1.negate().multiply(normInv).mod(P));
    }

    /** §4.1 sgn0 for m = 2. */
    int sgn0() {
      int sign0 = c0.testBit(0) ? 1 : 0;
      boolean zero0 = c0.signum() == 0;
      int sign1 = c1.testBit(0) ? 1 : 0;
      return sign0 | (zero0 ? sign1 : 0);
    }

    /**
     * A square root of a square, by the norm method: with α = √(c0² + c1²), one of (c0 ± α)/2 is an
     * Fp-square δ, and √δ + c1/(2√δ)·I squares to this. Which root is returned does not matter: the
     * caller fixes the sign with sgn0.
     */
    Fp2 sqrt() {
      if (c1.signum() == 0) {
        return Bls12381HashToCurve.isSquare(c0)
            ? new Fp2(Bls12381HashToCurve.sqrt(c0), BigInteger.ZERO)
            : new Fp2(BigInteger.ZERO, Bls12381HashToCurve.sqrt(c0.negate().mod(P)));
      }
      BigInteger alpha = Bls12381HashToCurve.sqrt(c0.multiply(c0).add(c1.multiply(c1)).mod(P));
      BigInteger delta = c0.add(alpha).multiply(TWO_INV).mod(P);
      if (!Bls12381HashToCurve.isSquare(delta)) {
        delta = c0.subtract(alpha).multiply(TWO_INV).mod(P);
      }
      BigInteger x0 = Bls12381HashToCurve.sqrt(delta);
      BigInteger x1 = c1.multiply(x0.shiftLeft(1).modInverse(P)).mod(P);
      Fp2 root = new Fp2(x0, x1);
      if (!root.square().equals(this)) {
        throw new IllegalStateException("not a square");
      }
      return root;
    }
  }
}
