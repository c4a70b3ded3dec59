package io.wasm08.core.context;

import java.time.Instant;
import java.util.Objects;

/**
 * What the block being executed tells the modules: its height, its time (from the block header —
 * never the system clock) and the chain id.
 */
public record BlockInfo(long height, Instant time, String chainId) {
  public BlockInfo {
    if (height < 0) {
      throw new IllegalArgumentException("block height must never be negative");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(chainId, "chainId");
    if (time.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException("block time must not be before the Unix epoch");
    }
  }

  /** Block time as nanoseconds since the Unix epoch ({@code ctx.BlockTime().UnixNano()}). */
  public long timeUnixNanos() {
    return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
  }
}
