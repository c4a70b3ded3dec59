package io.wasm08.relayer.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value with its path from the answer's root, so every complaint about an RPC answer names
 * the exact field ({@code result.signed_header.commit.height: not an int64}). All failures are
 * {@link RelayerErrorCode#RPC_MALFORMED_RESPONSE}.
 */
public final class JsonField {
  private final JsonNode node;
  private final String path;

  private JsonField(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  public static JsonField root(JsonNode node, String name) {
    return new JsonField(node, name);
  }

  public String path() {
    return path;
  }

  public JsonNode node() {
    return node;
  }

  /** A required member: absent or JSON null is an error. */
  public JsonField get(String name) {
    return opt(name).orElseThrow(() -> malformed(path + "." + name, "missing field"));
  }

  /** An optional member: absent and JSON null are both empty. */
  public Optional<JsonField> opt(String name) {
    if (!node.isObject()) {
      throw malformed(path, "expected an object");
    }
    JsonNode child = node.get(name);
    return child == null || child.isNull()
        ? Optional.empty()
        : Optional.of(new JsonField(child, path + "." + name));
  }

  public boolean has(String name) {
    return opt(name).isPresent();
  }

  public String string() {
    if (!node.isTextual()) {
      throw malformed(path, "expected a string");
    }
    return node.textValue();
  }

  /** A 64-bit integer: CometBFT writes them as decimal strings; plain numbers are accepted too. */
  public long int64() {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.textValue());
      } catch (NumberFormatException e) {
        throw malformed(path, "not an int64: \"" + node.textValue() + "\"");
      }
    }
    throw malformed(path, "expected an int64");
  }

  /** A small integer (round, block_id_flag, part total, code), written as a JSON number. */
  public int int32() {
    long value = int64();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw malformed(path, "out of int32 range: " + value);
    }
    return (int) value;
  }

  public boolean bool() {
    if (!node.isBoolean()) {
      throw malformed(path, "expected a boolean");
    }
    return node.booleanValue();
  }

  /** Hex (CometBFT writes upper case); the empty string is empty bytes. */
  public Bytes hex() {
    String text = string();
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw malformed(path, "not hex: \"" + abbreviate(text) + "\"");
    }
  }

  /** Standard base64; the empty string is empty bytes. */
  public Bytes base64() {
    String text = string();
    try {
      return Bytes.fromBase64(text);
    } catch (IllegalArgumentException e) {
      throw malformed(path, "not base64: \"" + abbreviate(text) + "\"");
    }
  }

  public Instant time() {
    String text = string();
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw malformed(path, "not an RFC 3339 time: \"" + abbreviate(text) + "\"");
    }
  }

  public List<JsonField> array() {
    if (!node.isArray()) {
      throw malformed(path, "expected an array");
    }
    List<JsonField> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(new JsonField(node.get(i), path + "[" + i + "]"));
    }
    return items;
  }

  /** A malformed-answer error about this field. */
  public Wasm08Exception malformed(String problem) {
    return malformed(path, problem);
  }

  static Wasm08Exception malformed(String path, String problem) {
    return RelayerErrorCode.RPC_MALFORMED_RESPONSE.wrap(path + ": " + problem);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
