package io.wasm08.relayer.rpc;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.PublicKey;
import java.time.Instant;

/** {@code /status}: who the node is, how far it is, and its own validator key. */
public record StatusResponse(NodeInfo nodeInfo, SyncInfo syncInfo, ValidatorInfo validatorInfo) {

  /** {@code node_info}; {@code network} is the chain id. */
  public record NodeInfo(String id, String network, String version, String moniker) {}

  public record SyncInfo(
      Bytes latestBlockHash,
      Bytes latestAppHash,
      long latestBlockHeight,
      Instant latestBlockTime,
      long earliestBlockHeight,
      boolean catchingUp) {}

  /** {@code validator_info}; the key is null when the node does not report one. */
  public record ValidatorInfo(Bytes address, PublicKey pubKey, long votingPower) {}

  public String chainId() {
    return nodeInfo.network();
  }

  public long latestHeight() {
    return syncInfo.latestBlockHeight();
  }
}
