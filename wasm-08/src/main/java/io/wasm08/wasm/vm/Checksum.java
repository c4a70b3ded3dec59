package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A code checksum: the SHA-256 of the raw Wasm bytecode (cosmwasm-vm {@code Checksum}, wasmvm
 * {@code CreateChecksum}), the only handle the engine knows code by.
 */
public record Checksum(Bytes bytes) {
  public static final int LENGTH = 32;

  public Checksum {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != LENGTH) {
      throw new IllegalArgumentException(
          "checksum must be " + LENGTH + " bytes, got " + bytes.size());
    }
  }

  /** The checksum of {@code wasm}. */
  public static Checksum of(byte[] wasm) {
    return new Checksum(Bytes.wrapOwned(sha256(wasm)));
  }

  public static Checksum fromHex(String hex) {
    return new Checksum(Bytes.fromHex(hex));
  }

  public String hex() {
    return bytes.toHex();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex();
  }
}
