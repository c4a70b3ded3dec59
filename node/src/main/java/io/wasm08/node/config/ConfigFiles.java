package io.wasm08.node.config;

import io.wasm08.node.NodeErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing the home's UTF-8 config files, with one error for what goes wrong. */
final class ConfigFiles {
  private ConfigFiles() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code text}, creating the parent folders. */
  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
