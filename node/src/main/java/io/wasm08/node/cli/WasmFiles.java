package io.wasm08.node.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads contract files for the CLI: raw Wasm, or gzip (as stored on chain) inflated with a cap. */
final class WasmFiles {
  /** Far above any real contract (08-wasm allows 3 MiB), low enough to stop zip bombs. */
  static final int MAX_WASM_BYTES = 64 << 20;

  private WasmFiles() {}

  static byte[] read(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    if (raw.length >= 3 && raw[0] == 0x1f && raw[1] == (byte) 0x8b && raw[2] == 0x08) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        byte[] inflated = in.readNBytes(MAX_WASM_BYTES + 1);
        if (inflated.length > MAX_WASM_BYTES) {
          throw new IOException(file + " inflates past " + MAX_WASM_BYTES + " bytes");
        }
        return inflated;
      }
    }
    return raw;
  }
}
