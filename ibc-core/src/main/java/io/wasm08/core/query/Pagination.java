package io.wasm08.core.query;

import com.google.protobuf.ByteString;
import cosmos.base.query.v1beta1.Pagination.PageRequest;
import cosmos.base.query.v1beta1.Pagination.PageResponse;
import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;

/**
 * The SDK's store pagination ({@code types/query}): {@code Paginate} and {@code FilteredPaginate}
 * over a (prefix) store, with the same defaults (limit 100, and a total count when no limit was
 * given), key- or offset-based pages, reverse order and {@code next_key}.
 */
public final class Pagination {
  private Pagination() {}

  /** {@code DefaultLimit}. */
  public static final long DEFAULT_LIMIT = 100;

  /** Receives every entry; returns whether it counts as a hit (FilteredPaginate's filter). */
  @FunctionalInterface
  public interface FilteredResult {
    boolean onResult(Bytes key, Bytes value, boolean accumulate);
  }

  /** Receives the entries of the page. */
  @FunctionalInterface
  public interface Result {
    void onResult(Bytes key, Bytes value);
  }

  /** {@code FilteredPaginate}; {@code request} may be null. */
  public static PageResponse filteredPaginate(
      KvStore store, PageRequest request, FilteredResult onResult) {
    PageRequest req = request == null ? PageRequest.getDefaultInstance() : request;
    long limit = req.getLimit();
    boolean countTotal = req.getCountTotal();
    if (limit == 0) {
      limit = DEFAULT_LIMIT;
      countTotal = true;
    }
    Bytes key = req.getKey().isEmpty() ? null : Bytes.of(req.getKey().toByteArray());
    long offset = req.getOffset();
    if (offset != 0 && key != null) {
      throw IbcException.plain("invalid request, either offset or key is expected, got both");
    }
    long numHits = 0;
    Bytes nextKey = null;
    try (KvIterator it = iterator(store, key, req.getReverse())) {
      if (key != null) {
        for (; it.valid(); it.next()) {
          if (numHits == limit) {
            nextKey = it.key();
            break;
          }
          if (onResult.onResult(it.key(), it.value(), true)) {
            numHits++;
          }
        }
        return response(nextKey, false, 0);
      }
      long end = offset + limit;
      if (Long.compareUnsigned(end, offset) < 0) {
        end = -1L; // saturate at MaxUint64
      }
      for (; it.valid(); it.next()) {
        boolean accumulate =
            Long.compareUnsigned(numHits, offset) >= 0 && Long.compareUnsigned(numHits, end) < 0;
        if (onResult.onResult(it.key(), it.value(), accumulate)) {
          numHits++;
        }
        if (Long.compareUnsigned(numHits, end) > 0) {
          if (nextKey == null) {
            nextKey = it.key();
          }
          if (!countTotal) {
            break;
          }
        }
      }
    }
    return response(nextKey, countTotal, numHits);
  }

  /** {@code Paginate}; {@code request} may be null. */
  public static PageResponse paginate(KvStore store, PageRequest request, Result onResult) {
    PageRequest req = request == null ? PageRequest.getDefaultInstance() : request;
    long offset = req.getOffset();
    Bytes key = req.getKey().isEmpty() ? null : Bytes.of(req.getKey().toByteArray());
    long limit = req.getLimit();
    boolean countTotal = req.getCountTotal();
    if (offset > 0 && key != null) {
      throw IbcException.plain("invalid request, either offset or key is expected, got both");
    }
    if (limit == 0) {
      limit = DEFAULT_LIMIT;
      countTotal = true;
    }
    if (key != null) {
      long count = 0;
      Bytes nextKey = null;
      try (KvIterator it = iterator(store, key, req.getReverse())) {
        for (; it.valid(); it.next()) {
          if (count == limit) {
            nextKey = it.key();
            break;
          }
          onResult.onResult(it.key(), it.value());
          count++;
        }
      }
      return response(nextKey, false, 0);
    }
    long end = offset + limit;
    long count = 0;
    Bytes nextKey = null;
    try (KvIterator it = iterator(store, null, req.getReverse())) {
      for (; it.valid(); it.next()) {
        count++;
        if (Long.compareUnsigned(count, offset) <= 0) {
          continue;
        }
        if (Long.compareUnsigned(count, end) <= 0) {
          onResult.onResult(it.key(), it.value());
        } else if (count == end + 1) {
          nextKey = it.key();
          if (!countTotal) {
            break;
          }
        }
      }
    }
    return response(nextKey, countTotal, count);
  }

  /**
   * {@code getIterator}: forward from {@code start}; in reverse, from the key just after {@code
   * start} downwards (everything when {@code start} is the last key or absent, as upstream).
   */
  private static KvIterator iterator(KvStore store, Bytes start, boolean reverse) {
    if (!reverse) {
      return store.iterator(start, null);
    }
    Bytes end = null;
    if (start != null) {
      try (KvIterator it = store.iterator(start, null)) {
        if (it.valid()) {
          it.next();
          end = it.valid() ? it.key() : null;
        }
      }
    }
    return store.reverseIterator(null, end);
  }

  private static PageResponse response(Bytes nextKey, boolean countTotal, long total) {
    PageResponse.Builder res = PageResponse.newBuilder();
    if (nextKey != null) {
      res.setNextKey(ByteString.copyFrom(nextKey.toByteArray()));
    }
    if (countTotal) {
      res.setTotal(total);
    }
    return res.build();
  }
}
