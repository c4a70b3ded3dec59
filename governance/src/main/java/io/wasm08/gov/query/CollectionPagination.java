package io.wasm08.gov.query;

import com.google.protobuf.ByteString;
import cosmos.base.query.v1beta1.Pagination.PageRequest;
import cosmos.base.query.v1beta1.Pagination.PageResponse;
import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.KvStores;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK's collections pagination ({@code query.CollectionFilteredPaginate}, SDK v0.50), which the
 * gov queries use — it differs from the older store {@code Paginate}: offsets skip raw entries
 * before filtering, an empty range or an offset past the end yields an empty page with no total,
 * and a reverse page by key over an unprefixed collection starts below the key. Keys are the raw
 * collection keys (without the collection's store prefix); {@code next_key} is relative to the
 * optional pair prefix, as upstream returns it.
 */
public final class CollectionPagination {
  private CollectionPagination() {}

  /** {@code DefaultLimit}. */
  public static final long DEFAULT_LIMIT = 100;

  /** A decoded entry: its raw collection key and value. */
  public record Entry(Bytes key, Bytes value) {}

  /** Decides whether an entry belongs to the results. */
  @FunctionalInterface
  public interface Predicate {
    boolean include(Entry entry);
  }

  /** The page and the response to return. */
  public record Page(List<Entry> entries, PageResponse response) {}

  /**
   * Paginates the collection stored under {@code collectionPrefix} in {@code store}, restricted to
   * keys starting with {@code pairPrefix} when not null, keeping entries {@code predicate} accepts
   * (all when null).
   */
  public static Page paginate(
      KvStore store,
      Bytes collectionPrefix,
      Bytes pairPrefix,
      PageRequest request,
      Predicate predicate) {
    PageRequest req = request == null ? PageRequest.getDefaultInstance() : request;
    long offset = req.getOffset();
    Bytes key = req.getKey().isEmpty() ? null : Bytes.of(req.getKey().toByteArray());
    long limit = req.getLimit();
    boolean countTotal = req.getCountTotal();
    if (limit == 0) {
      limit = DEFAULT_LIMIT;
      countTotal = true;
    }
    if (offset != 0 && key != null) {
      throw IbcException.plain("invalid request, either offset or key is expected, got both");
    }
    try (KvIterator it = iterate(store, collectionPrefix, pairPrefix, key, req.getReverse())) {
      if (it == null) {
        return empty();
      }
      Page page =
          key != null
              ? byKey(it, collectionPrefix, limit, predicate)
              : noKey(it, collectionPrefix, offset, limit, countTotal, predicate);
      if (page == null) {
        return empty();
      }
      ByteString next = page.response().getNextKey();
      if (!next.isEmpty() && pairPrefix != null) {
        PageResponse stripped =
            page.response().toBuilder().setNextKey(next.substring(pairPrefix.size())).build();
        return new Page(page.entries(), stripped);
      }
      return page;
    }
  }

  private static Page noKey(
      KvIterator it,
      Bytes collectionPrefix,
      long offset,
      long limit,
      boolean countTotal,
      Predicate predicate) {
    for (long i = 0; Long.compareUnsigned(i, offset) < 0; i++) {
      if (!it.valid()) {
        return null; // ErrInvalidIterator: upstream answers with an empty page
      }
      it.next();
    }
    long count = 0;
    Bytes nextKey = null;
    List<Entry> results = new ArrayList<>();
    for (; it.valid(); it.next()) {
      if (Long.compareUnsigned(count, limit) < 0) {
        Entry e = entry(it, collectionPrefix);
        if (predicate == null || predicate.include(e)) {
          results.add(e);
          count++;
        }
        continue;
      }
      if (count == limit) {
        nextKey = it.key().slice(collectionPrefix.size(), it.key().size());
        if (!countTotal) {
          return new Page(results, response(nextKey, false, 0));
        }
      }
      // Counting the rest for the total (upstream's fallthrough into count > limit).
      if (predicate == null || predicate.include(entry(it, collectionPrefix))) {
        count++;
      }
    }
    return new Page(results, response(nextKey, countTotal, count + offset));
  }

  private static Page byKey(
      KvIterator it, Bytes collectionPrefix, long limit, Predicate predicate) {
    long count = 0;
    Bytes nextKey = null;
    List<Entry> results = new ArrayList<>();
    for (; it.valid(); it.next()) {
      if (count == limit) {
        nextKey = it.key().slice(collectionPrefix.size(), it.key().size());
        break;
      }
      Entry e = entry(it, collectionPrefix);
      if (predicate == null || predicate.include(e)) {
        results.add(e);
      }
      count++;
    }
    return new Page(results, response(nextKey, false, 0));
  }

  /**
   * {@code getCollIter} over {@code IterateRaw}; null when the range is empty (upstream's
   * ErrInvalidIterator).
   */
  private static KvIterator iterate(
      KvStore store, Bytes collectionPrefix, Bytes pairPrefix, Bytes start, boolean reverse) {
    Bytes rawStart;
    Bytes rawEnd;
    if (reverse) {
      rawStart = null;
      rawEnd = start;
      if (pairPrefix != null) {
        rawEnd = KvStores.prefixEnd(start == null ? pairPrefix : pairPrefix.concat(start));
        rawStart = pairPrefix;
      }
    } else {
      rawStart = start;
      rawEnd = null;
      if (pairPrefix != null) {
        rawStart = start == null ? pairPrefix : pairPrefix.concat(start);
        rawEnd = KvStores.prefixEnd(pairPrefix);
      }
    }
    Bytes from = rawStart == null ? collectionPrefix : collectionPrefix.concat(rawStart);
    Bytes to =
        rawEnd == null ? KvStores.prefixEnd(collectionPrefix) : collectionPrefix.concat(rawEnd);
    if (to != null && from.compareTo(to) > 0) {
      return null;
    }
    KvIterator it = reverse ? store.reverseIterator(from, to) : store.iterator(from, to);
    if (!it.valid()) {
      it.close();
      return null;
    }
    return it;
  }

  private static Entry entry(KvIterator it, Bytes collectionPrefix) {
    return new Entry(it.key().slice(collectionPrefix.size(), it.key().size()), it.value());
  }

  private static Page empty() {
    return new Page(List.of(), PageResponse.getDefaultInstance());
  }

  private static PageResponse response(Bytes nextKey, boolean countTotal, long total) {
    PageResponse.Builder b = PageResponse.newBuilder();
    if (nextKey != null) {
      b.setNextKey(ByteString.copyFrom(nextKey.toByteArray()));
    }
    if (countTotal) {
      b.setTotal(total);
    }
    return b.build();
  }
}
