package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.compiler.Cache;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file-system tier of compiled code (cosmwasm-vm's {@code FileSystemCache}), implementing
 * Chicory's compiler {@link Cache} hook: values are the jars of {@link CompiledArtifact}, keys the
 * hex checksum of the original code, files {@code <baseDir>/cache/modules/<discriminator>/
 * <target>/<checksum>.module} ({@link CompiledCodeKey}).
 *
 * <p>Cached bytes become executable classes, so every file is sealed: {@code "W08MOD01"}, the key
 * it was written for, the payload length, the payload, and a SHA-256 over all of it. A file that is
 * truncated, corrupted, or was written for another key is deleted and reported absent — the engine
 * then recompiles from the original code (itself re-verified against its checksum) and writes a
 * good entry. Files are written to a temporary name, forced to disk and renamed, so a crash never
 * leaves a partial file under a real name. The seal detects damage, not a local attacker able to
 * rewrite the node's files (who could equally replace the node's jars).
 */
final class FileSystemModuleCache implements Cache {
  static final byte[] MAGIC = "W08MOD01".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST_LENGTH = 32;

  private final Path dir;
  private final AtomicLong corruptEntries = new AtomicLong();

  FileSystemModuleCache(Path baseDir, CompiledCodeKey key) {
    this.dir =
        baseDir
            .resolve("cache")
            .resolve("modules")
            .resolve(key.discriminator())
            .resolve(key.target());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new VmException(
          VmErrorKind.CACHE_ERR, "Error creating module cache directory: " + e.getMessage(), e);
    }
  }

  Path directory() {
    return dir;
  }

  Path path(String key) {
    if (!key.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("module cache keys are checksum hex: " + key);
    }
    return dir.resolve(key + ".module");
  }

  /** Entries found damaged (and deleted) since this cache was opened. */
  long corruptEntries() {
    return corruptEntries.get();
  }

  /** The verified payload stored for {@code key}, or null when absent or damaged. */
  @Override
  public byte[] get(String key) {
    Path file = path(key);
    byte[] sealed;
    try {
      sealed = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new VmException(VmErrorKind.CACHE_ERR, "Error reading module file: " + e, e);
    }
    byte[] payload = unseal(key, sealed);
    if (payload == null) {
      corruptEntries.incrementAndGet();
      delete(file);
    }
    return payload;
  }

  /**
   * Publishes {@code data} for {@code key} unless an intact entry is there already (a damaged one
   * that could not be deleted is replaced).
   */
  @Override
  public void putIfAbsent(String key, byte[] data) {
    Path target = path(key);
    if (intact(key, target)) {
      return;
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, key, ".tmp");
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer sealed = ByteBuffer.wrap(seal(key, data));
        while (sealed.hasRemaining()) {
          out.write(sealed);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new VmException(VmErrorKind.CACHE_ERR, "Error writing module file: " + e, e);
    } finally {
      if (tmp != null) {
        delete(tmp);
      }
    }
  }

  private static boolean intact(String key, Path file) {
    try {
      return unseal(key, Files.readAllBytes(file)) != null;
    } catch (IOException e) {
      return false; // absent or unreadable: (re)write it
    }
  }

  /** Removes the entry; true when there was one. */
  boolean remove(String key) {
    try {
      return Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new VmException(VmErrorKind.CACHE_ERR, "Error removing module file: " + e, e);
    }
  }

  static byte[] seal(String key, byte[] payload) {
    byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b =
        ByteBuffer.allocate(MAGIC.length + 4 + keyBytes.length + 8 + payload.length + 32);
    b.put(MAGIC).putInt(keyBytes.length).put(keyBytes).putLong(payload.length).put(payload);
    MessageDigest sha = sha256();
    sha.update(b.array(), 0, b.position());
    b.put(sha.digest());
    return b.array();
  }

  /** The payload, or null when {@code sealed} is not an intact entry for {@code key}. */
  static byte[] unseal(String key, byte[] sealed) {
    byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
    int header = MAGIC.length + 4 + keyBytes.length + 8;
    if (sealed.length < header + DIGEST_LENGTH
        || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(sealed);
    b.position(MAGIC.length);
    if (b.getInt() != keyBytes.length) {
      return null;
    }
    int keyStart = b.position();
    if (!Arrays.equals(
        sealed, keyStart, keyStart + keyBytes.length, keyBytes, 0, keyBytes.length)) {
      return null;
    }
    b.position(keyStart + keyBytes.length);
    long length = b.getLong();
    if (length != sealed.length - header - DIGEST_LENGTH) {
      return null;
    }
    int end = sealed.length - DIGEST_LENGTH;
    MessageDigest sha = sha256();
    sha.update(sealed, 0, end);
    if (!MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(sealed, end, sealed.length))) {
      return null;
    }
    return Arrays.copyOfRange(sealed, header, end);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A damaged file we cannot delete is replaced by the next store (putIfAbsent checks it).
    }
  }
}
