package io.wasm08.relayer.rpc;

import io.wasm08.common.Bytes;

/** {@code broadcast_tx_sync}: the CheckTx result and the transaction hash. */
public record BroadcastTxResponse(int code, Bytes data, String log, String codespace, Bytes hash) {
  public boolean isOk() {
    return code == 0;
  }
}
