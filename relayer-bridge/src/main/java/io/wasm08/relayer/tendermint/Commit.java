package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.util.List;
import java.util.Objects;

/** The precommits that committed a block ({@code tendermint.types.Commit}). */
public record Commit(long height, int round, BlockId blockId, List<CommitSig> signatures) {

  public Commit {
    Objects.requireNonNull(blockId, "blockId");
    signatures = List.copyOf(signatures);
    if (height < 0) {
      throw new IllegalArgumentException("negative commit height " + height);
    }
    if (round < 0) {
      throw new IllegalArgumentException("negative commit round " + round);
    }
  }

  /**
   * The bytes validator {@code index} signed: the length-delimited canonical precommit for this
   * commit's block (no block id for a nil vote).
   */
  public Bytes voteSignBytes(String chainId, int index) {
    CommitSig sig = signatures.get(index);
    if (sig.isAbsent()) {
      throw new IllegalArgumentException("commit signature " + index + " is absent");
    }
    BlockId voted = sig.isCommit() ? blockId : BlockId.EMPTY;
    return VoteSignBytes.precommit(chainId, height, round, voted, sig.timestamp());
  }
}
