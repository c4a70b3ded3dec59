package io.wasm08.wasm.vm.chicory.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed test modules of {@code src/test/resources/wat}. */
final class TestWasm {
  private TestWasm() {}

  static byte[] load(String name) {
    try (InputStream in = TestWasm.class.getResourceAsStream("/wat/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalArgumentException("missing /wat/" + name + ".wasm");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
