package io.wasm08.wasm.vm.chicory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The small test modules under {@code src/test/resources/wat}: each {@code X.wat} is committed
 * together with the {@code X.wasm} that Debian wabt's {@code wat2wasm} 1.0.32 produced from it
 * (flags on the first line, {@code ;; wat2wasm-flags: …}); {@link WatModulesRebuildTest} checks
 * they still agree.
 */
final class WatModules {
  private WatModules() {}

  static byte[] wasm(String name) {
    return resource("/wat/" + name + ".wasm");
  }

  static byte[] resource(String path) {
    try (InputStream in = WatModules.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The offset of the first occurrence of {@code pattern} in {@code bytes}. */
  static int offsetOf(byte[] bytes, int... pattern) {
    return offsetIn(bytes, -1, pattern);
  }

  /**
   * The offset of the first occurrence of {@code pattern} inside the contents of the first section
   * with id {@code sectionId} (anywhere when -1).
   */
  static int offsetIn(byte[] bytes, int sectionId, int... pattern) {
    int from = 0;
    int to = bytes.length;
    if (sectionId >= 0) {
      int pos = 8;
      while (true) {
        int id = bytes[pos] & 0xFF;
        int p = pos + 1;
        long size = 0;
        int shift = 0;
        int b;
        do {
          b = bytes[p++] & 0xFF;
          size |= (long) (b & 0x7F) << shift;
          shift += 7;
        } while ((b & 0x80) != 0);
        if (id == sectionId) {
          from = p;
          to = p + (int) size;
          break;
        }
        pos = p + (int) size;
      }
    }
    outer:
    for (int i = from; i + pattern.length <= to; i++) {
      for (int k = 0; k < pattern.length; k++) {
        if ((bytes[i + k] & 0xFF) != pattern[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("pattern not found");
  }
}
