package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import java.util.Objects;

/** The header of a block's part set ({@code parts} in the RPC JSON). */
public record PartSetHeader(long total, Bytes hash) {
  public static final PartSetHeader EMPTY = new PartSetHeader(0, Bytes.EMPTY);

  public PartSetHeader {
    Objects.requireNonNull(hash, "hash");
    if (total < 0 || total > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("part set total out of uint32 range: " + total);
    }
  }

  public boolean isZero() {
    return total == 0 && hash.isEmpty();
  }
}
