package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.util.Objects;

/** A block's identity: its header hash and part-set header. */
public record BlockId(Bytes hash, PartSetHeader partSetHeader) {
  public static final BlockId EMPTY = new BlockId(Bytes.EMPTY, PartSetHeader.EMPTY);

  public BlockId {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(partSetHeader, "partSetHeader");
  }

  /** The zero block id (a nil vote, or the last block id of the first block). */
  public boolean isZero() {
    return hash.isEmpty() && partSetHeader.isZero();
  }
}
