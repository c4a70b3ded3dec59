package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, CometBFT's {@code tmhash}. */
public final class Sha256 {
  private Sha256() {}

  public static byte[] digest(byte[]... parts) {
    MessageDigest md = newDigest();
    for (byte[] part : parts) {
      md.update(part);
    }
    return md.digest();
  }

  public static Bytes hash(Bytes data) {
    MessageDigest md = newDigest();
    md.update(data.asReadOnlyByteBuffer());
    return Bytes.wrapOwned(md.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
