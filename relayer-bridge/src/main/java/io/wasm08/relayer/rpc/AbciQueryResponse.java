package io.wasm08.relayer.rpc;

import io.wasm08.common.Bytes;
import java.util.List;

/**
 * {@code abci_query}'s {@code response}. {@code value} is empty for an absent key; {@code proofOps}
 * is empty when no proof was asked for (the wire's {@code "proofOps": null}).
 */
public record AbciQueryResponse(
    int code,
    String log,
    String info,
    long index,
    Bytes key,
    Bytes value,
    List<ProofOp> proofOps,
    long height,
    String codespace) {
  public AbciQueryResponse {
    proofOps = List.copyOf(proofOps);
  }

  public boolean isOk() {
    return code == 0;
  }
}
