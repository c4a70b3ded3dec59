package io.wasm08.store.rootmulti;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.db.DbIterator;
import io.wasm08.store.db.RocksDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@code destroyForcibly}, SIGKILL) while it commits to RocksDB, 24 times over
 * the same database, and checks after each kill that the reopened multistore is at the last fully
 * committed version — the one the child reported done, or the next if its batch landed before the
 * kill — with exactly the contents and app hash of an in-memory replay, and that no trace of a
 * later version exists.
 */
class CrashSafetyTest {
  static final int KILLS = 24;

  @TempDir Path dir;

  @Test
  void killedMidCommitReopensAtLastFullyCommittedVersion() throws Exception {
    Path db = dir.resolve("app");
    RootMultiStore replay = RootMultiStore.inMemory(CrashWorkload.STORES);
    Random random = new Random(2024);
    int killedDuringCommit = 0;
    int landedUnreported = 0;
    long commitNanos = 100_000_000L; // refined from the child's observed commit durations

    for (int round = 0; round < KILLS; round++) {
      Process child = startChild(db);
      ChildLog log = new ChildLog();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int commitsToSee = 1 + random.nextInt(2);
        int seen = 0;
        long commitStarted = 0;
        String line;
        while ((line = out.readLine()) != null) {
          log.read(line);
          if (line.startsWith("open ")) {
            assertThat(log.done).isEqualTo(replay.latestVersion());
          } else if (line.startsWith("done ")) {
            commitNanos = System.nanoTime() - commitStarted;
          } else if (line.startsWith("commit ")) {
            commitStarted = System.nanoTime();
            if (++seen > commitsToSee) {
              // Anywhere in commit(): building nodes, writing the batch, or just after it.
              TimeUnit.NANOSECONDS.sleep((long) (random.nextDouble() * 1.2 * commitNanos));
              break;
            }
          }
        }
        // SIGKILL through the process handle: Process.destroyForcibly() would also close our end
        // of the child's stdout, and we still want to read what it printed before dying.
        assertThat(child.toHandle().destroyForcibly()).isTrue();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // What the child printed before it died is still in the pipe.
        while ((line = out.readLine()) != null) {
          log.read(line);
        }
      }
      long doneBefore = log.done;
      if (log.inCommit) {
        killedDuringCommit++;
      }

      try (RootMultiStore reopened =
          RootMultiStore.open(RocksDatabase.open(db), CrashWorkload.STORES)) {
        long latest = reopened.latestVersion();
        // The version being committed at the kill either landed whole or not at all.
        assertThat(latest)
            .as("round %d", round)
            .isBetween(doneBefore, log.inCommit ? doneBefore + 1 : doneBefore);
        if (latest == doneBefore + 1) {
          landedUnreported++;
        }
        while (replay.latestVersion() < latest) {
          CrashWorkload.apply(replay, replay.latestVersion() + 1);
          replay.commit();
        }
        assertThat(reopened.lastCommitId()).isEqualTo(replay.lastCommitId());
        for (String store : CrashWorkload.STORES) {
          assertThat(entries(reopened.kvStore(store).iterator(null, null)))
              .isEqualTo(entries(replay.kvStore(store).iterator(null, null)));
          assertThat(reopened.kvStore(store).tree().versionExists(latest + 1)).isFalse();
        }
        assertThat(reopened.kvStore("ibc").get(Bytes.ofUtf8("version")))
            .isEqualTo(Bytes.ofUtf8(Long.toString(latest)));
      }
      assertNoTraceAfter(db, replay.latestVersion());
    }
    System.out.printf(
        "crash test: %d kills, %d inside commit(), %d with the batch landed before the kill,"
            + " %d versions%n",
        KILLS, killedDuringCommit, landedUnreported, replay.latestVersion());
    assertThat(replay.latestVersion()).isGreaterThanOrEqualTo(KILLS);
    assertThat(killedDuringCommit).isGreaterThan(KILLS / 2);
  }

  /** The child's progress as reported on its stdout. */
  private static final class ChildLog {
    long done;
    boolean inCommit;

    void read(String line) {
      if (line.startsWith("open ") || line.startsWith("done ")) {
        done = Long.parseLong(line.substring(5));
        inCommit = false;
      } else if (line.startsWith("commit ")) {
        inCommit = true;
      }
    }
  }

  private Process startChild(Path db) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            CrashCommitChild.class.getName(),
            db.toString());
    pb.redirectError(dir.resolve("child-stderr.log").toFile());
    return pb.start();
  }

  /** No node, root or commit info of any version above {@code latest} is in the database. */
  private static void assertNoTraceAfter(Path path, long latest) {
    try (RocksDatabase db = RocksDatabase.open(path)) {
      for (String store : CrashWorkload.STORES) {
        for (char family : new char[] {'n', 'r'}) {
          byte[] from = key("s/k:" + store + "/" + family, latest + 1);
          byte[] to = Bytes.ofUtf8("s/k:" + store + "/" + (char) (family + 1)).toByteArray();
          try (DbIterator it = db.iterator(from, to)) {
            assertThat(it.valid()).as("%s %s entries after %d", store, family, latest).isFalse();
          }
        }
      }
      try (DbIterator it =
          db.iterator(key("s/ci/", latest + 1), Bytes.ofUtf8("s/ci0").toByteArray())) {
        assertThat(it.valid()).isFalse();
      }
    }
  }

  private static byte[] key(String prefix, long version) {
    byte[] p = Bytes.ofUtf8(prefix).toByteArray();
    return ByteBuffer.allocate(p.length + 8).put(p).putLong(version).array();
  }

  private static List<List<Bytes>> entries(KvIterator it) {
    List<List<Bytes>> out = new ArrayList<>();
    try (it) {
      while (it.valid()) {
        out.add(List.of(it.key(), it.value()));
        it.next();
      }
    }
    return out;
  }
}
