package io.wasm08.relayer.quorum;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import java.util.ArrayList;
import java.util.List;

/** A store that passes everything through and remembers every write, in order. */
final class RecordingKvStore implements KvStore {
  private final KvStore inner;
  private final List<StoreWrite> writes = new ArrayList<>();

  RecordingKvStore(KvStore inner) {
    this.inner = inner;
  }

  List<StoreWrite> writes() {
    return List.copyOf(writes);
  }

  @Override
  public Bytes get(Bytes key) {
    return inner.get(key);
  }

  @Override
  public boolean has(Bytes key) {
    return inner.has(key);
  }

  @Override
  public void set(Bytes key, Bytes value) {
    inner.set(key, value);
    writes.add(StoreWrite.set(key, value));
  }

  @Override
  public void delete(Bytes key) {
    inner.delete(key);
    writes.add(StoreWrite.delete(key));
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return inner.iterator(start, end);
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return inner.reverseIterator(start, end);
  }
}
