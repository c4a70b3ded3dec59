package io.wasm08.relayer.light;

import io.wasm08.relayer.tendermint.LightBlock;

/**
 * A source of light blocks (a full node's RPC, a recorded trace). Answers are untrusted; failures
 * are {@link io.wasm08.common.Wasm08Exception}s (RPC errors, a height it does not have).
 */
public interface LightBlockProvider {
  /** Identifies the provider in light blocks, logs and attack reports. */
  String id();

  /** The light block at {@code height} (≥ 1), with both validator sets. */
  LightBlock lightBlock(long height);

  /** The light block at the provider's latest height. */
  LightBlock latestLightBlock();
}
