package io.wasm08.relayer.proof;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.rpc.AbciQueryResponse;
import io.wasm08.relayer.rpc.CometRpcClient;
import java.util.Objects;

/**
 * Fetches proven store values: {@code abci_query path="store/<storeKey>/key" data=<key> prove=true
 * height=<h>}, converted to a {@code MerkleProof}. The result is not yet trusted: verify it with
 * {@link ProvenQuery#verify} against the app hash of a light-client-verified header at {@link
 * ProvenQuery#proofHeight()}.
 */
public final class ProofQuerier {
  private final CometRpcClient rpc;

  public ProofQuerier(CometRpcClient rpc) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
  }

  /** The value of {@code key} in {@code storeKey} after block {@code queryHeight}, proven. */
  public ProvenQuery query(String storeKey, Bytes key, long queryHeight) {
    if (queryHeight < 1) {
      throw new IllegalArgumentException("query height must be positive, got " + queryHeight);
    }
    AbciQueryResponse r = rpc.abciQuery("store/" + storeKey + "/key", key, queryHeight, true);
    if (!r.isOk()) {
      throw RelayerErrorCode.INVALID_PROOF.wrap(
          "abci_query failed with code " + r.code() + " (" + r.codespace() + "): " + r.log());
    }
    return new ProvenQuery(
        storeKey, key, r.value(), ProofOpsConverter.toMerkleProof(r.proofOps()), r.height());
  }
}
