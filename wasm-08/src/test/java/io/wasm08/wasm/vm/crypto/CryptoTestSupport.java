package io.wasm08.wasm.vm.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Small helpers shared by the crypto tests. */
final class CryptoTestSupport {
  private CryptoTestSupport() {}

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] sha256(byte[] data) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** Deterministic test bytes: SHA-256 chained from a label (no randomness in tests either). */
  static byte[] seeded(String label, int length) {
    byte[] out = new byte[length];
    byte[] block = sha256(utf8(label));
    for (int i = 0; i < length; i += 32) {
      System.arraycopy(block, 0, out, i, Math.min(32, length - i));
      block = sha256(block);
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  /** A big-endian unsigned 32-byte encoding (wraps modulo 2²⁵⁶ are not allowed). */
  static byte[] be32(BigInteger value) {
    byte[] raw = value.toByteArray();
    if (raw.length > 33 || (raw.length == 33 && raw[0] != 0) || value.signum() < 0) {
      throw new IllegalArgumentException("does not fit in 32 bytes: " + value);
    }
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertCryptoError(
      ThrowingCallable call, CryptoErrorCode code) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CryptoException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.cryptoCode()).isEqualTo(code));
  }
}
