package io.wasm08.proofs;

import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.LengthOp;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * The hash and length operations of ICS-23 ({@code go/ops.go} doHash, doLengthOp). Ops are taken as
 * their wire numbers so unknown enum values report the number Go reports.
 *
 * <p>All nine hash ops are implemented (SHA-2 through the JDK, the rest through Bouncy Castle), as
 * the Rust crate does; Go rejects KECCAK256 and BLAKE3 as "unsupported hashop". No standard spec
 * uses either, so the choice only matters for custom specs.
 */
final class HashOps {
  private HashOps() {}

  /** JDK digests are reused per thread: getInstance costs about as much as hashing a node. */
  private static final ThreadLocal<MessageDigest[]> JDK_DIGESTS =
      ThreadLocal.withInitial(
          () -> new MessageDigest[] {jdk("SHA-256"), jdk("SHA-512"), jdk("SHA-512/256")});

  private static MessageDigest jdk(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + name, e);
    }
  }

  /** doHash over the concatenation of {@code parts}; NO_HASH and unknown ops are errors. */
  static byte[] doHash(int hashOp, byte[]... parts) {
    switch (hashOp) {
      case HashOp.SHA256_VALUE:
        return jdkDigest(0, parts);
      case HashOp.SHA512_VALUE:
        return jdkDigest(1, parts);
      case HashOp.SHA512_256_VALUE:
        return jdkDigest(2, parts);
      case HashOp.KECCAK256_VALUE:
        return bcDigest(new KeccakDigest(256), parts);
      case HashOp.RIPEMD160_VALUE:
        return bcDigest(new RIPEMD160Digest(), parts);
      case HashOp.BITCOIN_VALUE:
        return bcDigest(new RIPEMD160Digest(), jdkDigest(0, parts));
      case HashOp.BLAKE2B_512_VALUE:
        return bcDigest(new Blake2bDigest(512), parts);
      case HashOp.BLAKE2S_256_VALUE:
        return bcDigest(new Blake2sDigest(256), parts);
      case HashOp.BLAKE3_VALUE:
        return bcDigest(new Blake3Digest(256), parts);
      default:
        throw ProofException.of(
            ProofErrorCode.UNSUPPORTED_OPERATION, "unsupported hashop: %d", hashOp);
    }
  }

  /** doHashOrNoop: NO_HASH passes the data through. */
  static byte[] doHashOrNoop(int hashOp, byte[] data) {
    return hashOp == HashOp.NO_HASH_VALUE ? data : doHash(hashOp, data);
  }

  private static byte[] jdkDigest(int index, byte[]... parts) {
    MessageDigest md = JDK_DIGESTS.get()[index];
    md.reset();
    for (byte[] part : parts) {
      md.update(part);
    }
    return md.digest();
  }

  private static byte[] bcDigest(Digest digest, byte[]... parts) {
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** doLengthOp: the length prefix for {@code data}, or an error for unsupported / wrong sizes. */
  static byte[] lengthPrefix(int lengthOp, int dataLength) {
    return switch (lengthOp) {
      case LengthOp.NO_PREFIX_VALUE -> EMPTY;
      case LengthOp.VAR_PROTO_VALUE -> uvarint(dataLength);
      case LengthOp.REQUIRE_32_BYTES_VALUE -> requireLength(dataLength, 32);
      case LengthOp.REQUIRE_64_BYTES_VALUE -> requireLength(dataLength, 64);
      case LengthOp.FIXED32_BIG_VALUE -> fixed(dataLength, 4, true);
      case LengthOp.FIXED32_LITTLE_VALUE -> fixed(dataLength, 4, false);
      case LengthOp.FIXED64_BIG_VALUE -> fixed(dataLength, 8, true);
      case LengthOp.FIXED64_LITTLE_VALUE -> fixed(dataLength, 8, false);
      default ->
          throw ProofException.of(
              ProofErrorCode.UNSUPPORTED_OPERATION, "unsupported lengthop: %d", lengthOp);
    };
  }

  static final byte[] EMPTY = new byte[0];

  private static byte[] requireLength(int actual, int required) {
    if (actual != required) {
      throw ProofException.of(
          ProofErrorCode.UNSUPPORTED_OPERATION, "data was %d bytes, not %d", actual, required);
    }
    return EMPTY;
  }

  private static byte[] fixed(long length, int width, boolean bigEndian) {
    byte[] out = new byte[width];
    for (int i = 0; i < width; i++) {
      int shift = 8 * (bigEndian ? width - 1 - i : i);
      out[i] = (byte) (length >>> shift);
    }
    return out;
  }

  /** Unsigned LEB128 (protobuf varint) of a non-negative length. */
  static byte[] uvarint(long value) {
    byte[] buf = new byte[10];
    int n = 0;
    while (value >= 0x80) {
      buf[n++] = (byte) (value | 0x80);
      value >>>= 7;
    }
    buf[n++] = (byte) value;
    return java.util.Arrays.copyOf(buf, n);
  }
}
