package io.wasm08.core.crypto;

import io.wasm08.common.Bytes;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The hashes Cosmos accounts and transactions use. */
public final class Hashes {
  private Hashes() {}

  public static Bytes sha256(Bytes data) {
    return digest(new SHA256Digest(), data);
  }

  public static Bytes ripemd160(Bytes data) {
    return digest(new RIPEMD160Digest(), data);
  }

  private static Bytes digest(Digest digest, Bytes data) {
    byte[] in = data.toByteArray();
    digest.update(in, 0, in.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return Bytes.wrapOwned(out);
  }
}
