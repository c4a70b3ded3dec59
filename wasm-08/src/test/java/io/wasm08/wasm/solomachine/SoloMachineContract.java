package io.wasm08.wasm.solomachine;

import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own contract, examples/solo-machine-client (present in every clone). */
final class SoloMachineContract {
  static final String FILE_NAME = "solo_machine_client.wasm";

  private SoloMachineContract() {}

  static Path dir() {
    return SharedFixtures.get().projectRoot().resolve("examples/solo-machine-client");
  }

  static Path wasmFile() {
    return dir().resolve(FILE_NAME);
  }

  static Bytes wasm() {
    try {
      return Bytes.wrapOwned(Files.readAllBytes(wasmFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The hex sha256 recorded in solo_machine_client.wasm.sha256 ({@code sha256sum} format). */
  static String recordedSha256() {
    try {
      String line = Files.readString(dir().resolve(FILE_NAME + ".sha256")).strip();
      if (!line.endsWith("  " + FILE_NAME)) {
        throw new IllegalStateException("unexpected .sha256 line: " + line);
      }
      return line.substring(0, line.indexOf(' '));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
