package io.wasm08.relayer.rpc;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * One {@code proofOps.ops[]} entry of an {@code abci_query} answer ({@code
 * tendermint.crypto.ProofOp}): for Cosmos SDK stores {@code ics23:iavl} / {@code ics23:simple},
 * with a {@code cosmos.ics23.v1.CommitmentProof} in {@code data}.
 */
public record ProofOp(String type, Bytes key, Bytes data) {
  public ProofOp {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
  }
}
