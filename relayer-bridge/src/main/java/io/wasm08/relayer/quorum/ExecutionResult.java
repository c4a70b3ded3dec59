package io.wasm08.relayer.quorum;

import io.wasm08.common.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * What one execution of an update produced: whether it succeeded, the result bytes (the emitted
 * events on success, the error on failure), the gas used and the ordered store writes. {@link
 * #digest()} is what executors vote with: {@code sha256} over an unambiguous (length-prefixed)
 * encoding of exactly those three things.
 */
public record ExecutionResult(
    boolean success, Bytes result, long gasUsed, List<StoreWrite> writes) {
  public ExecutionResult {
    Objects.requireNonNull(result, "result");
    writes = List.copyOf(writes);
  }

  public static ExecutionResult failure(String error, long gasUsed) {
    return new ExecutionResult(false, Bytes.ofUtf8(error), gasUsed, List.of());
  }

  public Bytes digest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
    sha.update((byte) (success ? 1 : 0));
    field(sha, result);
    sha.update(ByteBuffer.allocate(8).putLong(gasUsed).array());
    sha.update(ByteBuffer.allocate(4).putInt(writes.size()).array());
    for (StoreWrite w : writes) {
      sha.update((byte) (w.delete() ? 'D' : 'S'));
      field(sha, w.key());
      field(sha, w.value());
    }
    return Bytes.wrapOwned(sha.digest());
  }

  private static void field(MessageDigest sha, Bytes b) {
    sha.update(ByteBuffer.allocate(4).putInt(b.size()).array());
    sha.update(b.asReadOnlyByteBuffer());
  }

  /** A short description for logs and alerts. */
  public String describe() {
    String head = success ? "ok" : "error " + truncate(result.toUtf8());
    return head
        + ", gas "
        + gasUsed
        + ", "
        + writes.size()
        + " writes, digest "
        + digest().toHex().substring(0, 16);
  }

  private static String truncate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 160) + "…";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
