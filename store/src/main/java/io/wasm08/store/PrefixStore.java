package io.wasm08.store;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * A view of a parent store restricted to keys starting with a prefix, which is stripped from the
 * keys it hands out (the SDK's {@code prefix.Store}). A holder of the view can neither read nor
 * iterate outside {@code [prefix, prefixEnd(prefix))}: an unbounded end becomes {@link
 * KvStores#prefixEnd}, which drops trailing {@code 0xFF} bytes and is open-ended for an all-{@code
 * 0xFF} prefix.
 *
 * <p>As in the SDK, {@link #set} rejects an empty key, while {@link #get}, {@link #has} and {@link
 * #delete} of the empty key address the parent key equal to the prefix itself (still inside the
 * prefix's range). An empty iteration {@code start} means the start of the prefix; an empty {@code
 * end} gives an empty range.
 *
 * <p>Iteration while writing behaves as the parent's iterators do (see {@link MemKvStore} and
 * {@link CacheKvStore}: a snapshot taken when the iterator is created).
 */
public final class PrefixStore implements KvStore {
  private final KvStore parent;
  private final Bytes prefix;

  public PrefixStore(KvStore parent, Bytes prefix) {
    this.parent = Objects.requireNonNull(parent, "parent");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  public Bytes prefix() {
    return prefix;
  }

  public KvStore parent() {
    return parent;
  }

  @Override
  public Bytes get(Bytes key) {
    return parent.get(fullKey(key));
  }

  @Override
  public boolean has(Bytes key) {
    return parent.has(fullKey(key));
  }

  @Override
  public void set(Bytes key, Bytes value) {
    KvStores.assertValidKey(key);
    KvStores.assertValidValue(value);
    parent.set(prefix.concat(key), value);
  }

  @Override
  public void delete(Bytes key) {
    parent.delete(fullKey(key));
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return new PrefixIterator(parent.iterator(parentStart(start), parentEnd(end)));
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return new PrefixIterator(parent.reverseIterator(parentStart(start), parentEnd(end)));
  }

  private Bytes fullKey(Bytes key) {
    if (key == null) {
      throw new IllegalArgumentException("key is nil or empty");
    }
    return prefix.concat(key);
  }

  private Bytes parentStart(Bytes start) {
    return start == null ? prefix : prefix.concat(start);
  }

  private Bytes parentEnd(Bytes end) {
    return end == null ? KvStores.prefixEnd(prefix) : prefix.concat(end);
  }

  /** Strips the prefix; stops (as the SDK does) should the parent ever leave the prefix. */
  private final class PrefixIterator implements KvIterator {
    private final KvIterator inner;
    private boolean valid;

    PrefixIterator(KvIterator inner) {
      this.inner = inner;
      this.valid = inner.valid() && inner.key().startsWith(prefix);
    }

    @Override
    public boolean valid() {
      return valid && inner.valid();
    }

    @Override
    public Bytes key() {
      requireValid();
      Bytes key = inner.key();
      return key.slice(prefix.size(), key.size());
    }

    @Override
    public Bytes value() {
      requireValid();
      return inner.value();
    }

    @Override
    public void next() {
      requireValid();
      inner.next();
      valid = inner.valid() && inner.key().startsWith(prefix);
    }

    @Override
    public void close() {
      valid = false;
      inner.close();
    }

    private void requireValid() {
      if (!valid()) {
        throw new IllegalStateException("iterator is not valid");
      }
    }
  }
}
