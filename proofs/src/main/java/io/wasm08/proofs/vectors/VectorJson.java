package io.wasm08.proofs.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import java.nio.file.Path;
import java.util.Locale;

/** Field helpers shared by the vector formats; every malformed field is a bad-file error. */
final class VectorJson {
  private VectorJson() {}

  static ProofSpec specOfFolder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    String folder = parent == null ? "" : parent.getFileName().toString();
    ProofSpec spec = Ics23VectorFile.SPECS.get(folder.toLowerCase(Locale.ROOT));
    if (spec == null) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(
          "cannot tell the proof spec from the folder \""
              + folder
              + "\" (iavl/, tendermint/ or smt/); name it explicitly");
    }
    return spec;
  }

  /** A hex string member; an optional {@code 0x} prefix is accepted. */
  static Bytes hex(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || !node.isTextual()) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap("missing hex string field \"" + field + "\"");
    }
    return parseHex(node.asText(), field);
  }

  /** A hex member where absent, null or "" means no value (the upstream non-existence mark). */
  static Bytes optionalHex(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
      return null;
    }
    return hex(json, field);
  }

  /** Parses hex (optionally {@code 0x}-prefixed) as a bad-file error when it is not hex. */
  static Bytes parseHex(String hex, String what) {
    String h = hex.strip();
    if (h.startsWith("0x") || h.startsWith("0X")) {
      h = h.substring(2);
    }
    try {
      return Bytes.fromHex(h);
    } catch (IllegalArgumentException e) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(what + " is not hex: " + e.getMessage());
    }
  }

  /**
   * The optional {@code expected} member: {@code "valid"} (the default, and the only value upstream
   * files use) or {@code "invalid"}, for negative vectors of one's own.
   */
  static boolean expectsValid(JsonNode json) {
    JsonNode node = json.get("expected");
    if (node == null || node.isNull()) {
      return true;
    }
    return switch (node.asText()) {
      case "valid" -> true;
      case "invalid" -> false;
      default ->
          throw VectorErrorCode.BAD_VECTOR_FILE.wrap(
              "\"expected\" must be \"valid\" or \"invalid\", got \"" + node.asText() + "\"");
    };
  }

  /** Runs {@code check} and inverts it for a vector that must not verify. */
  static VectorCase.Check expecting(boolean valid, VectorCase.Check check) {
    if (valid) {
      return check;
    }
    return () -> {
      try {
        check.run();
      } catch (Wasm08Exception e) {
        return; // refused, as the vector says
      }
      throw VectorErrorCode.VECTOR_MISMATCH.wrap("verified, but the vector expects \"invalid\"");
    };
  }
}
