package io.wasm08.relayer.rpc;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.BlockId;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.Header;
import java.util.List;

/** {@code /block}: the block id, header, transactions, evidence count and last commit. */
public record BlockResponse(
    BlockId blockId, Header header, List<Bytes> txs, int evidenceCount, Commit lastCommit) {
  public BlockResponse {
    txs = List.copyOf(txs);
  }
}
