package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import java.util.Objects;

/**
 * The store a contract sees during {@code RecoverClient} ({@code internal/types/store.go
 * ClientRecoveryStore}): keys under {@code subject/} reach the subject client's store (read and
 * write), keys under {@code substitute/} the substitute's (read only). Writes and deletes of any
 * other key are silent no-ops, reads of them find nothing, and an iteration whose bounds do not
 * share one of the two prefixes is empty.
 */
public final class ClientRecoveryStore implements KvStore {
  public static final Bytes SUBJECT_PREFIX = Bytes.ofUtf8("subject/");
  public static final Bytes SUBSTITUTE_PREFIX = Bytes.ofUtf8("substitute/");

  private final KvStore subjectStore;
  private final KvStore substituteStore;

  public ClientRecoveryStore(KvStore subjectStore, KvStore substituteStore) {
    this.subjectStore = Objects.requireNonNull(subjectStore, "subjectStore must not be nil");
    this.substituteStore =
        Objects.requireNonNull(substituteStore, "substituteStore must not be nil");
  }

  /** {@code SplitPrefix}: the prefix ({@code null} when neither) and the rest of the key. */
  public record Split(Bytes prefix, Bytes key) {}

  /** {@code SplitPrefix}: {@code subject/} is checked first, then {@code substitute/}. */
  public static Split splitPrefix(Bytes key) {
    if (key == null) {
      return new Split(null, null);
    }
    if (key.startsWith(SUBJECT_PREFIX)) {
      return new Split(SUBJECT_PREFIX, key.slice(SUBJECT_PREFIX.size(), key.size()));
    }
    if (key.startsWith(SUBSTITUTE_PREFIX)) {
      return new Split(SUBSTITUTE_PREFIX, key.slice(SUBSTITUTE_PREFIX.size(), key.size()));
    }
    return new Split(null, key);
  }

  /** {@code GetStore}: the store behind a prefix, or {@code null}. */
  public KvStore storeFor(Bytes prefix) {
    if (SUBJECT_PREFIX.equals(prefix)) {
      return subjectStore;
    }
    if (SUBSTITUTE_PREFIX.equals(prefix)) {
      return substituteStore;
    }
    return null;
  }

  @Override
  public Bytes get(Bytes key) {
    Split split = splitPrefix(key);
    KvStore store = storeFor(split.prefix());
    return store == null ? null : store.get(split.key());
  }

  @Override
  public boolean has(Bytes key) {
    Split split = splitPrefix(key);
    KvStore store = storeFor(split.prefix());
    return store != null && store.has(split.key());
  }

  @Override
  public void set(Bytes key, Bytes value) {
    Split split = splitPrefix(key);
    if (SUBJECT_PREFIX.equals(split.prefix())) {
      subjectStore.set(split.key(), value);
    }
  }

  @Override
  public void delete(Bytes key) {
    Split split = splitPrefix(key);
    if (SUBJECT_PREFIX.equals(split.prefix())) {
      subjectStore.delete(split.key());
    }
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return iterate(start, end, false);
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return iterate(start, end, true);
  }

  private KvIterator iterate(Bytes start, Bytes end, boolean reverse) {
    Split from = splitPrefix(start);
    Split to = splitPrefix(end);
    if (!Objects.equals(from.prefix(), to.prefix())) {
      return CLOSED;
    }
    KvStore store = storeFor(from.prefix());
    if (store == null) {
      return CLOSED;
    }
    return reverse
        ? store.reverseIterator(from.key(), to.key())
        : store.iterator(from.key(), to.key());
  }

  /** The "already closed" iterator upstream returns: never valid. */
  private static final KvIterator CLOSED =
      new KvIterator() {
        @Override
        public boolean valid() {
          return false;
        }

        @Override
        public Bytes key() {
          throw new IllegalStateException("iterator is closed");
        }

        @Override
        public Bytes value() {
          throw new IllegalStateException("iterator is closed");
        }

        @Override
        public void next() {
          throw new IllegalStateException("iterator is closed");
        }

        @Override
        public void close() {}
      };
}
