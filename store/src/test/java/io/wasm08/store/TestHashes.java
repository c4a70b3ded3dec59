package io.wasm08.store;

import io.wasm08.common.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Plain SHA-256 for hand-computed expectations, independent of the code under test. */
public final class TestHashes {
  private TestHashes() {}

  /** sha256 of the bytes written as hex, as hex. */
  public static String sha256Hex(String hex) {
    try {
      return Bytes.wrapOwned(
              MessageDigest.getInstance("SHA-256").digest(Bytes.fromHex(hex).toByteArray()))
          .toHex();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
