package io.wasm08.relayer.tendermint;

/** {@code tendermint.version.Consensus}: block and app protocol versions (uint64). */
public record ConsensusVersion(long block, long app) {
  /** The block protocol of CometBFT 0.34–1.x. */
  public static final long BLOCK_PROTOCOL = 11;
}
