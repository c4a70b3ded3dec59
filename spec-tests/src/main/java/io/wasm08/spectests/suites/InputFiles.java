package io.wasm08.spectests.suites;

import io.wasm08.spectests.ConformanceErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finding a suite's input files: recursively, in a stable order, named relative to the folder. */
final class InputFiles {
  private InputFiles() {}

  /** The regular files under {@code dir} whose names pass {@code nameFilter}, sorted by path. */
  static List<Path> under(Path dir, Predicate<String> nameFilter) {
    requireDirectory(dir);
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> nameFilter.test(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot list " + dir + ": " + e.getMessage());
    }
  }

  static void requireDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("no such folder: " + dir);
    }
  }

  static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("no such file: " + file);
    }
  }

  /** {@code file} relative to {@code dir}, with forward slashes on every platform. */
  static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }
}
