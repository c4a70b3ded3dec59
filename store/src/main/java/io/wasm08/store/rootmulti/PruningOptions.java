package io.wasm08.store.rootmulti;

/**
 * Which old versions a {@link RootMultiStore} deletes (the SDK's {@code pruningtypes}): every
 * {@code interval} commits, all versions older than the latest {@code keepRecent + 1} go.
 */
public record PruningOptions(long keepRecent, long interval) {
  /** {@code PruningNothing}: keep every version. */
  public static final PruningOptions NOTHING = new PruningOptions(0, 0);

  /** {@code PruningDefault}: keep 362880 recent versions, prune every 10 commits. */
  public static final PruningOptions DEFAULT = new PruningOptions(362_880, 10);

  /** {@code PruningEverything}: keep 2 recent versions, prune every 10 commits. */
  public static final PruningOptions EVERYTHING = new PruningOptions(2, 10);

  public PruningOptions {
    if (keepRecent < 0 || interval < 0) {
      throw new IllegalArgumentException("keepRecent and interval must not be negative");
    }
  }

  /** The version to prune up to (inclusive) after committing {@code height}; 0 for none. */
  public long pruningHeight(long height) {
    if (interval == 0 || height % interval != 0 || height <= keepRecent) {
      return 0;
    }
    return height - keepRecent - 1;
  }
}
