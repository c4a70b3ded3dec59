package io.wasm08.wasm.solomachine;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;

/**
 * ibc-go 08-wasm's {@code ClientRecoveryStore} (internal/types/store.go), as a test double until
 * the 08-wasm module has its own: {@code subject/…} reads and writes the subject's store, {@code
 * substitute/…} only reads the substitute's, anything else is absent or a silent no-op; iterators
 * need both bounds under one prefix and answer keys <em>without</em> it.
 */
final class RecoveryKvStore implements KvStore {
  static final Bytes SUBJECT = Bytes.ofUtf8("subject/");
  static final Bytes SUBSTITUTE = Bytes.ofUtf8("substitute/");

  private final KvStore subject;
  private final KvStore substitute;

  RecoveryKvStore(KvStore subject, KvStore substitute) {
    this.subject = subject;
    this.substitute = substitute;
  }

  private record Split(KvStore store, Bytes key, boolean writable) {}

  private Split split(Bytes key) {
    if (key != null && key.startsWith(SUBJECT)) {
      return new Split(subject, key.slice(SUBJECT.size(), key.size()), true);
    }
    if (key != null && key.startsWith(SUBSTITUTE)) {
      return new Split(substitute, key.slice(SUBSTITUTE.size(), key.size()), false);
    }
    return new Split(null, key, false);
  }

  @Override
  public Bytes get(Bytes key) {
    Split s = split(key);
    return s.store() == null ? null : s.store().get(s.key());
  }

  @Override
  public boolean has(Bytes key) {
    return get(key) != null;
  }

  @Override
  public void set(Bytes key, Bytes value) {
    Split s = split(key);
    if (s.writable()) {
      s.store().set(s.key(), value);
    }
  }

  @Override
  public void delete(Bytes key) {
    Split s = split(key);
    if (s.writable()) {
      s.store().delete(s.key());
    }
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    Split from = split(start);
    Split to = split(end);
    if (from.store() == null || from.store() != to.store()) {
      return subject.iterator(Bytes.of((byte) 1), Bytes.of((byte) 0)); // empty
    }
    return from.store().iterator(from.key(), to.key());
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    Split from = split(start);
    Split to = split(end);
    if (from.store() == null || from.store() != to.store()) {
      return subject.reverseIterator(Bytes.of((byte) 1), Bytes.of((byte) 0));
    }
    return from.store().reverseIterator(from.key(), to.key());
  }
}
