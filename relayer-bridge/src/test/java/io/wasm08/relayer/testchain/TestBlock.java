package io.wasm08.relayer.testchain;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.BlockId;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.Header;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.List;

/** One block of a {@link TestChain}: header, its commit, both validator sets, txs, last commit. */
public record TestBlock(
    Header header,
    BlockId blockId,
    Commit commit,
    ValidatorSet validators,
    ValidatorSet nextValidators,
    List<Bytes> txs,
    Commit lastCommit) {

  public long height() {
    return header.height();
  }

  public SignedHeader signedHeader() {
    return new SignedHeader(header, commit);
  }

  public LightBlock lightBlock(String provider) {
    return new LightBlock(signedHeader(), validators, nextValidators, provider);
  }
}
