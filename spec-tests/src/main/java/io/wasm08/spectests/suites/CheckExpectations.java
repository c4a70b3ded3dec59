package io.wasm08.spectests.suites;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.wasm.vm.Capabilities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expected verdicts of {@code check --dir D}: the {@code expected.json} format (documented in
 * docs/conformance.md).
 *
 * <pre>{@code
 * {
 *   "source": "where the expectations come from (shown in the report)",
 *   "capabilities": ["iterator"],
 *   "contracts": {
 *     "<path relative to D>": {
 *       "verdict": "pass" | "fail",
 *       "error": "<the exact error message>",
 *       "error_contains": "<a part of it>",
 *       "checksum": "<hex sha256 of the uncompressed code>",
 *       "entry_points": ["instantiate", "query", …],
 *       "required_capabilities": ["iterator", …],
 *       "migrate_version": 42 | null
 *     }
 *   }
 * }
 * }</pre>
 *
 * Every member is optional: {@code verdict} defaults to {@code fail} when an error is given, else
 * {@code pass}; a contract not listed must pass; a listed contract must exist.
 *
 * @param capabilities the capabilities the chain offers, or null for the command's choice
 */
public record CheckExpectations(
    String source, Set<String> capabilities, Map<String, Expected> contracts) {

  /** No expectations: every contract must pass. */
  public static final CheckExpectations NONE = new CheckExpectations("", null, Map.of());

  /** What one contract must give; null members are not checked. */
  public record Expected(
      boolean pass,
      String error,
      String errorContains,
      String checksum,
      Set<String> entryPoints,
      Set<String> requiredCapabilities,
      OptionalLong migrateVersion) {}

  public CheckExpectations {
    contracts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contracts));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads an {@code expected.json}. */
  public static CheckExpectations read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses the format from {@code in}; {@code where} names it in errors. */
  public static CheckExpectations parse(InputStream in, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(
          where + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + where + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(where + ": not a JSON object");
    }
    known(root, where, Set.of("source", "capabilities", "contracts"));
    Set<String> capabilities = null;
    if (root.hasNonNull("capabilities")) {
      capabilities = strings(root.get("capabilities"), where + ".capabilities");
      if (capabilities.stream().anyMatch(c -> c.isBlank())) {
        throw ConformanceErrorCode.BAD_INPUT.wrap(where + ".capabilities: empty name");
      }
      capabilities = Capabilities.fromCsv(String.join(",", capabilities));
    }
    Map<String, Expected> contracts = new LinkedHashMap<>();
    JsonNode list = root.path("contracts");
    if (!list.isMissingNode() && !list.isObject()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(where + ".contracts: not an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      contracts.put(e.getKey(), expected(e.getValue(), where + ".contracts." + e.getKey()));
    }
    String source = root.path("source").asText("");
    return new CheckExpectations(source, capabilities, contracts);
  }

  private static Expected expected(JsonNode node, String where) {
    if (!node.isObject()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(where + ": not an object");
    }
    known(
        node,
        where,
        Set.of(
            "verdict",
            "error",
            "error_contains",
            "checksum",
            "entry_points",
            "required_capabilities",
            "migrate_version",
            "comment"));
    String error = text(node, "error", where);
    String errorContains = text(node, "error_contains", where);
    String verdict = text(node, "verdict", where);
    boolean pass;
    if (verdict == null) {
      pass = error == null && errorContains == null;
    } else if (verdict.equals("pass") || verdict.equals("fail")) {
      pass = verdict.equals("pass");
    } else {
      throw ConformanceErrorCode.BAD_INPUT.wrap(
          where + ".verdict: \"pass\" or \"fail\", got \"" + verdict + "\"");
    }
    if (pass && (error != null || errorContains != null)) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(
          where + ": an error is given for a passing verdict");
    }
    OptionalLong migrate = null;
    if (node.has("migrate_version")) {
      JsonNode v = node.get("migrate_version");
      if (v.isNull()) {
        migrate = OptionalLong.empty();
      } else if (v.canConvertToLong() && v.isIntegralNumber()) {
        migrate = OptionalLong.of(v.asLong());
      } else {
        throw ConformanceErrorCode.BAD_INPUT.wrap(where + ".migrate_version: a number or null");
      }
    }
    String checksum = text(node, "checksum", where);
    return new Expected(
        pass,
        error,
        errorContains,
        checksum == null ? null : checksum.toLowerCase(java.util.Locale.ROOT),
        node.has("entry_points")
            ? strings(node.get("entry_points"), where + ".entry_points")
            : null,
        node.has("required_capabilities")
            ? strings(node.get("required_capabilities"), where + ".required_capabilities")
            : null,
        migrate);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(where + "." + field + ": not a string");
    }
    return v.asText();
  }

  private static Set<String> strings(JsonNode node, String where) {
    if (!node.isArray()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(where + ": not an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw ConformanceErrorCode.BAD_INPUT.wrap(where + ": not an array of strings");
      }
      out.add(item.asText());
    }
    return new TreeSet<>(out);
  }

  /** Unknown members are typos: refuse them rather than silently not checking. */
  private static void known(JsonNode node, String where, Set<String> names) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw ConformanceErrorCode.BAD_INPUT.wrap(where + ": unknown member \"" + name + "\"");
      }
    }
  }
}
