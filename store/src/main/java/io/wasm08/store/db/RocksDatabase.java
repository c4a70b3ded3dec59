package io.wasm08.store.db;

import io.wasm08.store.StoreErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link Database} on RocksDB (org.rocksdb:rocksdbjni), the node's embedded default. A batch is
 * one RocksDB {@code WriteBatch}: atomic across a crash (the write-ahead log replays whole batches
 * or nothing). With {@code syncWrites} (the default) each batch is fsynced before {@link
 * DbBatch#write()} returns, so a committed version also survives power loss.
 */
public final class RocksDatabase implements Database {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final WriteOptions writeOptions;
  private final RocksDB db;

  private RocksDatabase(Options options, WriteOptions writeOptions, RocksDB db) {
    this.options = options;
    this.writeOptions = writeOptions;
    this.db = db;
  }

  /** Opens (creating if missing) the database in {@code dir} with synced writes. */
  public static RocksDatabase open(Path dir) {
    return open(dir, true);
  }

  /**
   * Opens (creating if missing) the database in {@code dir}. Without {@code syncWrites} a batch
   * still survives a process crash (it is in the OS's write-ahead-log buffers) but not a power
   * loss.
   */
  public static RocksDatabase open(Path dir, boolean syncWrites) {
    Options options = new Options().setCreateIfMissing(true);
    WriteOptions writeOptions = new WriteOptions().setSync(syncWrites);
    try {
      Files.createDirectories(dir);
      return new RocksDatabase(options, writeOptions, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException | IOException e) {
      writeOptions.close();
      options.close();
      throw StoreErrorCode.STORAGE_FAILURE.wrap("open RocksDB at " + dir, e);
    }
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw StoreErrorCode.STORAGE_FAILURE.wrap("RocksDB get", e);
    }
  }

  @Override
  public DbIterator iterator(byte[] start, byte[] end) {
    return new Iter(start, end, true);
  }

  @Override
  public DbIterator reverseIterator(byte[] start, byte[] end) {
    return new Iter(start, end, false);
  }

  @Override
  public DbBatch newBatch() {
    return new Batch();
  }

  @Override
  public void close() {
    db.close();
    writeOptions.close();
    options.close();
  }

  private final class Batch implements DbBatch {
    private final WriteBatch batch = new WriteBatch();

    @Override
    public void put(byte[] key, byte[] value) {
      try {
        batch.put(key, value);
      } catch (RocksDBException e) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("RocksDB batch put", e);
      }
    }

    @Override
    public void delete(byte[] key) {
      try {
        batch.delete(key);
      } catch (RocksDBException e) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("RocksDB batch delete", e);
      }
    }

    @Override
    public void deleteRange(byte[] start, byte[] end) {
      try {
        batch.deleteRange(start, end);
      } catch (RocksDBException e) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("RocksDB batch deleteRange", e);
      }
    }

    @Override
    public void write() {
      try {
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("RocksDB write", e);
      }
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  /** A bounded cursor pinned to a snapshot taken at creation. */
  private final class Iter implements DbIterator {
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    private final RocksIterator it;
    private final byte[] start;
    private final byte[] end;
    private final boolean ascending;
    private boolean closed;

    Iter(byte[] start, byte[] end, boolean ascending) {
      this.start = start == null ? null : start.clone();
      this.end = end == null ? null : end.clone();
      this.ascending = ascending;
      this.snapshot = db.getSnapshot();
      this.readOptions = new ReadOptions().setSnapshot(snapshot);
      this.it = db.newIterator(readOptions);
      if (ascending) {
        if (start == null) {
          it.seekToFirst();
        } else {
          it.seek(start);
        }
      } else if (end == null) {
        it.seekToLast();
      } else {
        it.seekForPrev(end);
        if (it.isValid() && Arrays.compareUnsigned(it.key(), end) >= 0) {
          it.prev();
        }
      }
    }

    @Override
    public boolean valid() {
      if (closed || !it.isValid()) {
        return false;
      }
      byte[] key = it.key();
      return ascending
          ? end == null || Arrays.compareUnsigned(key, end) < 0
          : start == null || Arrays.compareUnsigned(key, start) >= 0;
    }

    @Override
    public byte[] key() {
      requireValid();
      return it.key();
    }

    @Override
    public byte[] value() {
      requireValid();
      return it.value();
    }

    @Override
    public void next() {
      requireValid();
      if (ascending) {
        it.next();
      } else {
        it.prev();
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        it.close();
        readOptions.close();
        db.releaseSnapshot(snapshot);
      }
    }

    private void requireValid() {
      if (!valid()) {
        throw new IllegalStateException("iterator is not valid");
      }
    }
  }
}
