package io.wasm08.bench;

import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto.HashFunction;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * The VM's crypto imports ({@link DefaultCosmWasmCrypto}) next to their library peers in the same
 * run: Bouncy Castle's raw ECDSA verifier on pre-decoded keys, Bouncy Castle's RFC 8032 Ed25519
 * verifier (same signature; it is stricter, not ZIP-215), and a raw blst Miller-loop product on
 * pre-validated points. The peer ratio is the cost of cosmwasm's input handling (decoding, subgroup
 * checks, ZIP-215 arithmetic in Java); cosmwasm's gas prices the same operations at 96 µs
 * (secp256k1), 279 µs (secp256r1), 35 µs (ed25519) and 2112 + 163·k µs (pairing, k pairs including
 * e(r, s)) per {@code GasConfig::default}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoBenchmark {
  private final CosmWasmCrypto crypto = DefaultCosmWasmCrypto.INSTANCE;

  private byte[] k1Hash;
  private byte[] k1Signature;
  private byte[] k1PublicKey;
  private ECDSASigner k1Peer;
  private BigInteger k1R;
  private BigInteger k1S;

  private byte[] r1Signature;
  private byte[] r1PublicKey;
  private ECDSASigner r1Peer;
  private BigInteger r1R;
  private BigInteger r1S;

  private byte[] edMessage;
  private byte[] edSignature;
  private byte[] edPublicKey;
  private final List<byte[]> edBatchMessages = new ArrayList<>();
  private final List<byte[]> edBatchSignatures = new ArrayList<>();
  private final List<byte[]> edBatchKeys = new ArrayList<>();

  private byte[] blsPs;
  private byte[] blsQs;
  private byte[] blsR;
  private byte[] blsS;
  private P1_Affine peerP;
  private P2_Affine peerQ;
  private P1_Affine peerMinusR;
  private P2_Affine peerS;

  private byte[] h2cMessage;
  private byte[] h2cDst;

  @Setup
  public void setUp() {
    k1Hash = sha256("benchmark message".getBytes(StandardCharsets.UTF_8));
    X9ECParameters k1 = CustomNamedCurves.getByName("secp256k1");
    BigInteger k1Key = new BigInteger(1, sha256(new byte[] {1}));
    BigInteger[] k1Rs = sign(k1, k1Key, k1Hash);
    k1R = k1Rs[0];
    k1S = k1Rs[1];
    k1Signature = concat(be32(k1R), be32(k1S));
    ECPoint k1Q = k1.getG().multiply(k1Key).normalize();
    k1PublicKey = k1Q.getEncoded(true);
    k1Peer = verifier(k1, k1Q);

    X9ECParameters r1 = CustomNamedCurves.getByName("secp256r1");
    BigInteger r1Key = new BigInteger(1, sha256(new byte[] {2}));
    BigInteger[] r1Rs = sign(r1, r1Key, k1Hash);
    r1R = r1Rs[0];
    r1S = r1Rs[1];
    r1Signature = concat(be32(r1R), be32(r1S));
    ECPoint r1Q = r1.getG().multiply(r1Key).normalize();
    r1PublicKey = r1Q.getEncoded(true);
    r1Peer = verifier(r1, r1Q);

    edMessage = "benchmark message".getBytes(StandardCharsets.UTF_8);
    byte[] edSecret = sha256(new byte[] {3});
    edPublicKey = new byte[32];
    Ed25519.generatePublicKey(edSecret, 0, edPublicKey, 0);
    edSignature = new byte[64];
    Ed25519.sign(edSecret, 0, edMessage, 0, edMessage.length, edSignature, 0);
    for (int i = 0; i < 16; i++) {
      byte[] secret = sha256(new byte[] {4, (byte) i});
      byte[] key = new byte[32];
      Ed25519.generatePublicKey(secret, 0, key, 0);
      byte[] message = sha256(secret);
      byte[] signature = new byte[64];
      Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
      edBatchMessages.add(message);
      edBatchSignatures.add(signature);
      edBatchKeys.add(key);
    }

    // e(aG1, bG2) = e(abG1, G2): one pair on the left plus e(−r, s), as a BLS signature check
    BigInteger a = new BigInteger(1, sha256(new byte[] {5}));
    BigInteger b = new BigInteger(1, sha256(new byte[] {6}));
    P1 aG1 = P1.generator().mult(a);
    P2 bG2 = P2.generator().mult(b);
    blsPs = aG1.compress();
    blsQs = bG2.compress();
    P1 abG1 = aG1.dup().mult(b);
    blsR = abG1.compress();
    blsS = P2.generator().compress();
    peerP = aG1.to_affine();
    peerQ = bG2.to_affine();
    peerMinusR = abG1.dup().neg().to_affine();
    peerS = P2.generator().to_affine();
    if (!crypto.bls12381PairingEquality(blsPs, blsQs, blsR, blsS)) {
      throw new IllegalStateException("benchmark pairing must hold");
    }
    if (!crypto.secp256k1Verify(k1Hash, k1Signature, k1PublicKey)
        || !crypto.secp256r1Verify(k1Hash, r1Signature, r1PublicKey)
        || !crypto.ed25519Verify(edMessage, edSignature, edPublicKey)
        || !crypto.ed25519BatchVerify(edBatchMessages, edBatchSignatures, edBatchKeys)) {
      throw new IllegalStateException("benchmark signatures must verify");
    }
    h2cMessage = sha256(new byte[] {7});
    h2cDst = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_".getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public boolean secp256k1Verify() {
    return crypto.secp256k1Verify(k1Hash, k1Signature, k1PublicKey);
  }

  @Benchmark
  public boolean secp256k1VerifyPeerBouncyCastle() {
    return k1Peer.verifySignature(k1Hash, k1R, k1S);
  }

  @Benchmark
  public byte[] secp256k1RecoverPubkey() {
    return crypto.secp256k1RecoverPubkey(k1Hash, k1Signature, 0);
  }

  @Benchmark
  public boolean secp256r1Verify() {
    return crypto.secp256r1Verify(k1Hash, r1Signature, r1PublicKey);
  }

  @Benchmark
  public boolean secp256r1VerifyPeerBouncyCastle() {
    return r1Peer.verifySignature(k1Hash, r1R, r1S);
  }

  @Benchmark
  public boolean ed25519VerifyZip215() {
    return crypto.ed25519Verify(edMessage, edSignature, edPublicKey);
  }

  @Benchmark
  public boolean ed25519VerifyPeerBouncyCastleRfc8032() {
    return Ed25519.verify(edSignature, 0, edPublicKey, 0, edMessage, 0, edMessage.length);
  }

  @Benchmark
  public boolean ed25519BatchVerify16() {
    return crypto.ed25519BatchVerify(edBatchMessages, edBatchSignatures, edBatchKeys);
  }

  @Benchmark
  public boolean bls12381PairingEquality() {
    return crypto.bls12381PairingEquality(blsPs, blsQs, blsR, blsS);
  }

  @Benchmark
  public boolean bls12381PairingPeerRawBlst() {
    PT product = new PT(peerP, peerQ);
    product.mul(new PT(peerMinusR, peerS));
    return product.final_exp().is_one();
  }

  @Benchmark
  public byte[] bls12381HashToG2() {
    return crypto.bls12381HashToG2(HashFunction.SHA256, h2cMessage, h2cDst);
  }

  @Benchmark
  public byte[] bls12381HashToG2NonAsciiDstFallback() {
    return crypto.bls12381HashToG2(HashFunction.SHA256, h2cMessage, new byte[] {0, 1, 2});
  }

  private static ECDSASigner verifier(X9ECParameters params, ECPoint q) {
    ECDSASigner signer = new ECDSASigner();
    signer.init(
        false,
        new ECPublicKeyParameters(
            q, new ECDomainParameters(params.getCurve(), params.getG(), params.getN())));
    return signer;
  }

  private static BigInteger[] sign(X9ECParameters params, BigInteger d, byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(
        true,
        new ECPrivateKeyParameters(
            d.mod(params.getN()),
            new ECDomainParameters(params.getCurve(), params.getG(), params.getN())));
    return signer.generateSignature(hash);
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  private static byte[] be32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
