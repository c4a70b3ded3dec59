package io.wasm08.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The JSON file behind {@code wasm08 vm call --state}: one object mapping each key (hex) to its
 * value (standard base64), in key order. A missing file is an empty store; writes replace the file
 * atomically.
 */
final class StateFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StateFile() {}

  static NavigableMap<Bytes, Bytes> load(Path file) throws IOException {
    NavigableMap<Bytes, Bytes> entries = new TreeMap<>();
    if (file == null || !Files.exists(file)) {
      return entries;
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": expected a JSON object of hex keys to base64 values");
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IOException(file + ": value of key " + e.getKey() + " is not a base64 string");
      }
      try {
        entries.put(Bytes.fromHex(e.getKey()), Bytes.fromBase64(e.getValue().asText()));
      } catch (IllegalArgumentException bad) {
        throw new IOException(file + ": bad entry " + e.getKey() + ": " + bad.getMessage(), bad);
      }
    }
    return entries;
  }

  static void save(Path file, Map<Bytes, Bytes> entries) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    new TreeMap<>(entries).forEach((k, v) -> root.put(k.toHex(), v.toBase64()));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, render(root));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static byte[] render(ObjectNode root) throws JsonProcessingException {
    return (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
