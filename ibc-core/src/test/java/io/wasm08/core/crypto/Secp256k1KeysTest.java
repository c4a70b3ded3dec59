package io.wasm08.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Secp256k1KeysTest {
  // SEC 2 §2.4.1 secp256k1 order n and generator G (compressed).
  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  private static final String G_COMPRESSED =
      "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

  @Test
  void privateKeyOneHasTheGeneratorAsPublicKey() {
    byte[] one = new byte[32];
    one[31] = 1;
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(Bytes.wrapOwned(one));
    assertThat(key.publicKey().compressed().toHex()).isEqualTo(G_COMPRESSED);
    assertThat(key.toBytes()).isEqualTo(Bytes.wrapOwned(one));
    assertThat(Secp256k1PrivateKey.fromProto(key.toProto())).isEqualTo(key);
    assertThat(key.toString()).doesNotContain("00000001");
  }

  @Test
  void privateKeyOutOfRangeIsRejected() {
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(Bytes.wrapOwned(new byte[32])))
        .isInstanceOf(IbcException.class)
        .hasMessageContaining("out of range");
    byte[] n = N.toByteArray();
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(Bytes.of(n, n.length - 32, 32)))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(Bytes.wrapOwned(new byte[31])))
        .hasMessageContaining("length 31");
  }

  @Test
  void publicKeyMustBeACompressedCurvePoint() {
    assertThatThrownBy(() -> new Secp256k1PublicKey(Bytes.fromHex("04" + "00".repeat(32))))
        .isInstanceOf(IbcException.class);
    // x = 5 is not the abscissa of a secp256k1 point (5^3 + 7 = 132 is a non-residue mod p).
    assertThatThrownBy(() -> new Secp256k1PublicKey(Bytes.fromHex("02" + "00".repeat(31) + "05")))
        .hasMessageContaining("not a point");
    Secp256k1PublicKey g = new Secp256k1PublicKey(Bytes.fromHex(G_COMPRESSED));
    assertThat(Secp256k1PublicKey.fromProto(g.toProto())).isEqualTo(g);
    assertThat(g.toAny().getTypeUrl()).isEqualTo("/cosmos.crypto.secp256k1.PubKey");
  }

  @Test
  void verifyRejectsZeroAndOutOfOrderScalars() {
    byte[] one = new byte[32];
    one[31] = 1;
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(Bytes.wrapOwned(one));
    Bytes message = Bytes.ofUtf8("hello");
    Bytes sig = key.sign(message);
    assertThat(key.publicKey().verify(message, sig)).isTrue();
    assertThat(key.publicKey().verify(Bytes.ofUtf8("hellO"), sig)).isFalse();
    assertThat(key.publicKey().verify(message, Bytes.wrapOwned(new byte[64]))).isFalse();
    // r + n still fits 32 bytes only for tiny r; here r is replaced by n itself (≡ 0 mod n).
    byte[] withRn = sig.toByteArray();
    byte[] nBytes = N.toByteArray();
    System.arraycopy(nBytes, nBytes.length - 32, withRn, 0, 32);
    assertThat(key.publicKey().verify(message, Bytes.wrapOwned(withRn))).isFalse();
  }

  @Test
  void hdPathParsing() {
    assertThat(HdPath.parse("m/44'/118'/0'/0/0")).isEqualTo(HdPath.cosmos(0));
    assertThat(HdPath.parse("44'/118'/0'/0/3")).isEqualTo(HdPath.cosmos(3));
    assertThatThrownBy(() -> HdPath.parse("m")).hasMessageContaining("separators");
    assertThatThrownBy(() -> HdPath.parse("m/44'/x")).hasMessageContaining("not an index");
    assertThatThrownBy(() -> HdPath.parse("m/2147483648")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> HdPath.parse("m//0")).hasMessageContaining("not an index");
  }
}
