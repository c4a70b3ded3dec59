package io.wasm08.spectests.suites;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.spectests.ConformanceErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The JSON shape both {@code --expected} files share: one object of {@code "<name>": <integer>}
 * members, an optional {@code "checksum": "<hex>"} and free-text {@code "source"}, folded member by
 * member, in file order, into expectations that start from a default.
 */
final class ExpectationsFile {
  private ExpectationsFile() {}

  /** Sets one named number; refuses a name it does not know with a BAD_INPUT error. */
  @FunctionalInterface
  interface NumberSetter<T> {
    T with(T expectations, String name, long value);
  }

  /**
   * {@code start} with every member of {@code file} applied: the checksum (lower-cased) through
   * {@code checksum}, every other member but {@code "source"} through {@code number}.
   */
  static <T> T read(Path file, T start, BiFunction<T, String, T> checksum, NumberSetter<T> number) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (JacksonException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(
          file + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(file + ": not a JSON object");
    }
    T out = start;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "source" -> {}
        case "checksum" ->
            out = checksum.apply(out, e.getValue().asText().toLowerCase(Locale.ROOT));
        default -> {
          if (!e.getValue().isIntegralNumber()) {
            throw ConformanceErrorCode.BAD_INPUT.wrap(
                file + ": " + e.getKey() + " is not an integer");
          }
          out = number.with(out, e.getKey(), e.getValue().asLong());
        }
      }
    }
    return out;
  }
}
