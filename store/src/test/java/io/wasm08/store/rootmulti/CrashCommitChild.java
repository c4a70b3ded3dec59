package io.wasm08.store.rootmulti;

import io.wasm08.store.db.RocksDatabase;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child JVM of {@link CrashSafetyTest}: opens the multistore, then commits version after
 * version, announcing "commit v" before and "done v" after each commit, until it is killed.
 */
public final class CrashCommitChild {
  private CrashCommitChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    RootMultiStore rms =
        RootMultiStore.open(RocksDatabase.open(Path.of(args[0])), CrashWorkload.STORES);
    out.println("open " + rms.latestVersion());
    out.flush();
    for (long v = rms.latestVersion() + 1; ; v++) {
      CrashWorkload.apply(rms, v);
      out.println("commit " + v);
      out.flush();
      rms.commit();
      out.println("done " + v);
      out.flush();
    }
  }
}
