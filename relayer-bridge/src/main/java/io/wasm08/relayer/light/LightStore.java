package io.wasm08.relayer.light;

import io.wasm08.relayer.tendermint.LightBlock;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The light client's memory (tendermint-rs {@code MemoryStore}): one light block per height with
 * its status. Not thread-safe; a light client and its store belong to one relaying task.
 */
public final class LightStore {
  /** A stored block and how far it is trusted. */
  public record Entry(LightBlock block, LightBlockStatus status) {}

  private final NavigableMap<Long, Entry> entries = new TreeMap<>();

  /** A store seeded with one trusted block (from a trust option or a client's consensus state). */
  public static LightStore trusting(LightBlock trusted) {
    LightStore store = new LightStore();
    store.put(trusted, LightBlockStatus.TRUSTED);
    return store;
  }

  /** Stores (or replaces) the block at its height. */
  public void put(LightBlock block, LightBlockStatus status) {
    entries.put(block.height(), new Entry(block, status));
  }

  public Optional<Entry> get(long height) {
    return Optional.ofNullable(entries.get(height));
  }

  /** The block at {@code height} unless it failed verification. */
  public Optional<Entry> getNonFailed(long height) {
    return get(height).filter(e -> e.status() != LightBlockStatus.FAILED);
  }

  public Optional<LightBlock> getTrustedOrVerified(long height) {
    return get(height).filter(e -> e.status().isTrustedOrVerified()).map(Entry::block);
  }

  /** The highest trusted or verified block at or below {@code height}. */
  public Optional<LightBlock> highestTrustedOrVerifiedBefore(long height) {
    for (Map.Entry<Long, Entry> e = entries.floorEntry(height);
        e != null;
        e = entries.lowerEntry(e.getKey())) {
      if (e.getValue().status().isTrustedOrVerified()) {
        return Optional.of(e.getValue().block());
      }
    }
    return Optional.empty();
  }

  public Optional<LightBlock> highestTrustedOrVerified() {
    return highestTrustedOrVerifiedBefore(Long.MAX_VALUE);
  }

  public Optional<LightBlock> lowestTrustedOrVerified() {
    return entries.values().stream()
        .filter(e -> e.status().isTrustedOrVerified())
        .map(Entry::block)
        .findFirst();
  }

  /** The trusted or verified blocks in {@code (above, upTo]}, ascending: a chain of trust. */
  public java.util.List<LightBlock> trustedOrVerifiedBetween(long above, long upTo) {
    return entries.subMap(above, false, upTo, true).values().stream()
        .filter(e -> e.status().isTrustedOrVerified())
        .map(Entry::block)
        .toList();
  }

  /** Drops everything above {@code height} that is not trusted (after a detected attack). */
  void forgetUntrustedAbove(long height) {
    entries.tailMap(height, false).values().removeIf(e -> e.status() != LightBlockStatus.TRUSTED);
  }

  public int size() {
    return entries.size();
  }
}
