package io.wasm08.relayer.rpc;

/**
 * Which route family a node serves. {@link #LEGACY} is {@code /<method>} (Tendermint 0.34, CometBFT
 * 0.37/0.38, and still served by 1.x); {@link #V1} is CometBFT 1.x's versioned {@code /v1/<method>}
 * (JSON-RPC POSTs go to {@code /v1}).
 */
public enum RpcDialect {
  LEGACY(""),
  V1("/v1");

  private final String prefix;

  RpcDialect(String prefix) {
    this.prefix = prefix;
  }

  /** The path prefix in front of {@code /<method>} (and the JSON-RPC POST path, or {@code /}). */
  public String prefix() {
    return prefix;
  }
}
