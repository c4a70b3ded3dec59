package io.wasm08.bench;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.MemDatabase;
import io.wasm08.store.db.RocksDatabase;
import io.wasm08.store.rootmulti.RootMultiStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Get / set / commit throughput of the provable store against the plain in-memory store as the
 * peer: {@code mem} = {@link MemKvStore} (commit is a no-op), {@code iavl-mem} = the IAVL
 * multistore on the in-memory database (tree cost alone), {@code iavl-rocksdb} = the IAVL
 * multistore on RocksDB with synced commits (the node's default). Each store is prefilled with 100
 * 000 keys of 32 bytes and values of 100 bytes, committed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StoreBenchmark {
  static final int KEYS = 100_000;
  static final int BLOCK = 1000;

  @Param({"mem", "iavl-mem", "iavl-rocksdb"})
  public String backend;

  private Path dir;
  private RootMultiStore multistore;
  private KvStore store;
  private Bytes[] keys;
  private Bytes value;
  private final SplittableRandom random = new SplittableRandom(42);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    keys = new Bytes[KEYS];
    for (int i = 0; i < KEYS; i++) {
      byte[] k = new byte[32];
      r.nextBytes(k);
      keys[i] = Bytes.wrapOwned(k);
    }
    byte[] v = new byte[100];
    r.nextBytes(v);
    value = Bytes.wrapOwned(v);
    switch (backend) {
      case "mem" -> store = new MemKvStore();
      case "iavl-mem" -> open(new MemDatabase());
      case "iavl-rocksdb" -> {
        dir = Files.createTempDirectory("wasm08-bench");
        open(RocksDatabase.open(dir));
      }
      default -> throw new IllegalArgumentException(backend);
    }
    for (int i = 0; i < KEYS; i++) {
      store.set(keys[i], value);
      if (i % 10_000 == 9_999) {
        commit();
      }
    }
    commit();
  }

  private void open(Database db) {
    multistore = RootMultiStore.open(db, List.of("bench"));
    store = multistore.kvStore("bench");
  }

  private void commit() {
    if (multistore != null) {
      multistore.commit();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (multistore != null) {
      multistore.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** A random existing key. */
  @Benchmark
  public Bytes get() {
    return store.get(keys[random.nextInt(KEYS)]);
  }

  /** Overwrites a random existing key (uncommitted working state). */
  @Benchmark
  public void set() {
    store.set(keys[random.nextInt(KEYS)], value);
  }

  /** A block: 1000 overwrites then a commit; throughput is per write. */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public void setBlockAndCommit() {
    for (int i = 0; i < BLOCK; i++) {
      store.set(keys[random.nextInt(KEYS)], value);
    }
    commit();
  }
}
