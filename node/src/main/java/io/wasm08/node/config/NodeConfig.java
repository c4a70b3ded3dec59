package io.wasm08.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.node.NodeErrorCode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code config/node.json}: the node's own settings (not consensus): listen addresses (loopback by
 * default), the block interval of the solo producer, block and mempool bounds, and the chain's
 * bech32 account prefix.
 */
public record NodeConfig(
    String moniker,
    String bech32Prefix,
    String grpcAddress,
    String restAddress,
    Duration blockInterval,
    int maxBlockTxs,
    long maxBlockBytes,
    int mempoolMaxTxs,
    long mempoolMaxBytes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static NodeConfig defaults(String moniker) {
    return new NodeConfig(
        moniker,
        "cosmos",
        "127.0.0.1:9090",
        "127.0.0.1:1317",
        Duration.ofSeconds(1),
        2000,
        21 * 1024 * 1024,
        5000,
        1L << 30);
  }

  public NodeConfig {
    if (blockInterval.isNegative() || blockInterval.isZero()) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("block_interval must be positive");
    }
    if (maxBlockTxs < 1 || mempoolMaxTxs < 1 || maxBlockBytes < 1 || mempoolMaxBytes < 1) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("block and mempool bounds must be positive");
    }
    address(grpcAddress, "grpc_address");
    address(restAddress, "rest_address");
  }

  public NodeConfig withAddresses(String grpc, String rest) {
    return new NodeConfig(
        moniker,
        bech32Prefix,
        grpc,
        rest,
        blockInterval,
        maxBlockTxs,
        maxBlockBytes,
        mempoolMaxTxs,
        mempoolMaxBytes);
  }

  public NodeConfig withBlockInterval(Duration interval) {
    return new NodeConfig(
        moniker,
        bech32Prefix,
        grpcAddress,
        restAddress,
        interval,
        maxBlockTxs,
        maxBlockBytes,
        mempoolMaxTxs,
        mempoolMaxBytes);
  }

  public InetSocketAddress grpcSocket() {
    return address(grpcAddress, "grpc_address");
  }

  public InetSocketAddress restSocket() {
    return address(restAddress, "rest_address");
  }

  /** {@code host:port}; port 0 picks a free port. */
  static InetSocketAddress address(String text, String what) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(what + " must be host:port, got " + text);
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(text.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(what + " has an invalid port: " + text);
    }
  }

  public String toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("moniker", moniker);
    n.put("bech32_prefix", bech32Prefix);
    n.put("grpc_address", grpcAddress);
    n.put("rest_address", restAddress);
    n.put("block_interval", blockInterval.toString());
    n.put("max_block_txs", maxBlockTxs);
    n.put("max_block_bytes", maxBlockBytes);
    n.put("mempool_max_txs", mempoolMaxTxs);
    n.put("mempool_max_bytes", mempoolMaxBytes);
    return n.toPrettyString() + "\n";
  }

  public static NodeConfig parse(String text) {
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "node.json is not valid JSON: " + e.getOriginalMessage());
    }
    NodeConfig d = defaults("node");
    try {
      return new NodeConfig(
          n.path("moniker").asText(d.moniker()),
          n.path("bech32_prefix").asText(d.bech32Prefix()),
          n.path("grpc_address").asText(d.grpcAddress()),
          n.path("rest_address").asText(d.restAddress()),
          n.has("block_interval")
              ? Duration.parse(n.get("block_interval").asText())
              : d.blockInterval(),
          n.path("max_block_txs").asInt(d.maxBlockTxs()),
          n.path("max_block_bytes").asLong(d.maxBlockBytes()),
          n.path("mempool_max_txs").asInt(d.mempoolMaxTxs()),
          n.path("mempool_max_bytes").asLong(d.mempoolMaxBytes()));
    } catch (java.time.format.DateTimeParseException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "block_interval must be an ISO-8601 duration such as PT1S");
    }
  }

  public static NodeConfig read(Path file) {
    return parse(ConfigFiles.read(file));
  }

  public void write(Path file) {
    ConfigFiles.write(file, toJson());
  }
}
