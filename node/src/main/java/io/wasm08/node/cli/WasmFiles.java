package io.wasm08.node.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads Wasm code from a file, raw or gzipped (as MsgStoreCode accepts it), with a size bound; the
 * commands here and the conformance suites read contracts through it.
 */
public final class WasmFiles {
  /** Upper bound for a contract, compressed or not; far above any chain's code size limit. */
  public static final int MAX_CODE_BYTES = 32 << 20;

  private WasmFiles() {}

  /** A file that cannot be used as Wasm code. */
  public static final class BadFileException extends Exception {
    BadFileException(String message) {
      super(message);
    }
  }

  public static byte[] read(Path file) throws BadFileException {
    byte[] raw;
    try (InputStream in = Files.newInputStream(file)) {
      raw = readBounded(in, "file");
    } catch (IOException e) {
      throw new BadFileException("cannot read " + file + ": " + e.getMessage());
    }
    if (raw.length >= 3 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B && raw[2] == 8) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
        return readBounded(in, "decompressed code");
      } catch (IOException e) {
        throw new BadFileException("invalid gzip data in " + file + ": " + e.getMessage());
      }
    }
    return raw;
  }

  private static byte[] readBounded(InputStream in, String what)
      throws IOException, BadFileException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    int n;
    while ((n = in.read(buf)) >= 0) {
      if (out.size() + n > MAX_CODE_BYTES) {
        throw new BadFileException(what + " exceeds " + MAX_CODE_BYTES + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
