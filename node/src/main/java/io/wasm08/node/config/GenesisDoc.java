package io.wasm08.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.node.NodeErrorCode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The genesis file, shaped like CometBFT's {@code genesis.json}: {@code genesis_time} (RFC 3339),
 * {@code chain_id}, {@code initial_height} (a decimal string) and {@code app_state}, one section
 * per module in the module's protobuf JSON ({@code auth}, {@code bank}, {@code gov}, {@code ibc},
 * {@code 08-wasm}, …).
 */
public record GenesisDoc(
    Instant genesisTime, String chainId, long initialHeight, ObjectNode appState) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public GenesisDoc {
    Objects.requireNonNull(genesisTime, "genesisTime");
    Objects.requireNonNull(appState, "appState");
    validateChainId(chainId);
    if (initialHeight < 1) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("initial_height must be at least 1");
    }
  }

  /** CometBFT's rule: 1 to 50 characters. */
  public static void validateChainId(String chainId) {
    if (chainId == null || chainId.isBlank() || chainId.length() > 50) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("chain_id must be 1 to 50 characters");
    }
  }

  public Optional<JsonNode> section(String module) {
    return Optional.ofNullable(appState.get(module));
  }

  public GenesisDoc withSection(String module, JsonNode section) {
    ObjectNode copy = appState.deepCopy();
    copy.set(module, section);
    return new GenesisDoc(genesisTime, chainId, initialHeight, copy);
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("genesis_time", genesisTime.toString());
    root.put("chain_id", chainId);
    root.put("initial_height", Long.toString(initialHeight));
    root.set("app_state", appState);
    return root.toPrettyString() + "\n";
  }

  public static GenesisDoc parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "genesis is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(root instanceof ObjectNode) || !(root.get("app_state") instanceof ObjectNode app)) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("genesis must be an object with an app_state object");
    }
    Instant time;
    try {
      time = Instant.parse(root.path("genesis_time").asText());
    } catch (DateTimeParseException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("invalid genesis_time: " + root.path("genesis_time"));
    }
    long initialHeight;
    try {
      initialHeight = Long.parseLong(root.path("initial_height").asText("1"));
    } catch (NumberFormatException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "invalid initial_height: " + root.path("initial_height"));
    }
    return new GenesisDoc(time, root.path("chain_id").asText(null), initialHeight, app);
  }

  public static GenesisDoc read(Path file) {
    return parse(ConfigFiles.read(file));
  }

  public void write(Path file) {
    ConfigFiles.write(file, toJson());
  }
}
