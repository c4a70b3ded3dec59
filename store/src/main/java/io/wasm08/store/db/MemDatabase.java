package io.wasm08.store.db;

import io.wasm08.common.Bytes;
import io.wasm08.store.internal.PersistentSortedMap;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link Database}: an immutable sorted map replaced atomically per batch, so readers
 * and iterators always see whole batches.
 */
public final class MemDatabase implements Database {
  private volatile PersistentSortedMap<Bytes> data = PersistentSortedMap.empty();

  @Override
  public byte[] get(byte[] key) {
    Bytes value = data.get(Bytes.of(key));
    return value == null ? null : value.toByteArray();
  }

  @Override
  public DbIterator iterator(byte[] start, byte[] end) {
    return new Iter(data.cursor(bound(start), bound(end), true));
  }

  @Override
  public DbIterator reverseIterator(byte[] start, byte[] end) {
    return new Iter(data.cursor(bound(start), bound(end), false));
  }

  @Override
  public DbBatch newBatch() {
    return new Batch();
  }

  /** The number of keys stored. */
  public int size() {
    return data.size();
  }

  @Override
  public void close() {
    // nothing to release
  }

  private static Bytes bound(byte[] b) {
    return b == null ? null : Bytes.of(b);
  }

  private synchronized void apply(List<Op> ops) {
    PersistentSortedMap<Bytes> next = data;
    for (Op op : ops) {
      next =
          switch (op) {
            case Put put -> next.put(put.key(), put.value());
            case Delete delete -> next.remove(delete.key());
            case DeleteRange range -> removeRange(next, range.start(), range.end());
          };
    }
    data = next;
  }

  private static PersistentSortedMap<Bytes> removeRange(
      PersistentSortedMap<Bytes> map, Bytes start, Bytes end) {
    List<Bytes> doomed = new ArrayList<>();
    PersistentSortedMap.Cursor<Bytes> cursor = map.cursor(start, end, true);
    while (cursor.valid()) {
      doomed.add(cursor.key());
      cursor.next();
    }
    for (Bytes key : doomed) {
      map = map.remove(key);
    }
    return map;
  }

  private sealed interface Op permits Put, Delete, DeleteRange {}

  private record Put(Bytes key, Bytes value) implements Op {}

  private record Delete(Bytes key) implements Op {}

  private record DeleteRange(Bytes start, Bytes end) implements Op {}

  private final class Batch implements DbBatch {
    private final List<Op> ops = new ArrayList<>();
    private boolean closed;

    @Override
    public void put(byte[] key, byte[] value) {
      ops.add(new Put(Bytes.of(key), Bytes.of(value)));
    }

    @Override
    public void delete(byte[] key) {
      ops.add(new Delete(Bytes.of(key)));
    }

    @Override
    public void deleteRange(byte[] start, byte[] end) {
      ops.add(new DeleteRange(Bytes.of(start), Bytes.of(end)));
    }

    @Override
    public void write() {
      if (closed) {
        throw new IllegalStateException("batch is closed");
      }
      apply(ops);
      ops.clear();
    }

    @Override
    public void close() {
      closed = true;
      ops.clear();
    }
  }

  private static final class Iter implements DbIterator {
    private final PersistentSortedMap.Cursor<Bytes> cursor;

    Iter(PersistentSortedMap.Cursor<Bytes> cursor) {
      this.cursor = cursor;
    }

    @Override
    public boolean valid() {
      return cursor.valid();
    }

    @Override
    public byte[] key() {
      return cursor.key().toByteArray();
    }

    @Override
    public byte[] value() {
      return cursor.value().toByteArray();
    }

    @Override
    public void next() {
      cursor.next();
    }

    @Override
    public void close() {
      // snapshot cursors hold no resources
    }
  }
}
