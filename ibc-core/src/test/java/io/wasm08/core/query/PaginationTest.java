package io.wasm08.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import cosmos.base.query.v1beta1.Pagination.PageRequest;
import cosmos.base.query.v1beta1.Pagination.PageResponse;
import io.wasm08.common.Bytes;
import io.wasm08.store.MemKvStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SDK {@code types/query} pagination semantics, on keys k00..k09 (expected values derived by hand
 * from the SDK's loops: limit 0 means 100 and counts the total; next_key is the first key past the
 * page; a key-based page never counts).
 */
class PaginationTest {
  private static MemKvStore store() {
    MemKvStore store = new MemKvStore();
    for (int i = 0; i < 10; i++) {
      store.set(Bytes.ofUtf8(String.format("k%02d", i)), Bytes.ofUtf8("v" + i));
    }
    return store;
  }

  private static List<String> keys(MemKvStore store, PageRequest req, List<PageResponse> out) {
    List<String> seen = new ArrayList<>();
    out.add(Pagination.paginate(store, req, (k, v) -> seen.add(k.toUtf8())));
    return seen;
  }

  @Test
  void paginateDefaultsAndOffsets() {
    List<PageResponse> res = new ArrayList<>();
    assertThat(keys(store(), null, res)).hasSize(10);
    assertThat(res.get(0).getTotal()).isEqualTo(10);
    assertThat(res.get(0).hasNextKey()).isFalse();

    res.clear();
    assertThat(keys(store(), PageRequest.newBuilder().setOffset(2).setLimit(3).build(), res))
        .containsExactly("k02", "k03", "k04");
    assertThat(res.get(0).getNextKey().toStringUtf8()).isEqualTo("k05");
    assertThat(res.get(0).getTotal()).isZero();

    res.clear();
    keys(
        store(),
        PageRequest.newBuilder().setOffset(2).setLimit(3).setCountTotal(true).build(),
        res);
    assertThat(res.get(0).getTotal()).isEqualTo(10);
  }

  @Test
  void paginateByKeyAndReverse() {
    List<PageResponse> res = new ArrayList<>();
    assertThat(
            keys(
                store(),
                PageRequest.newBuilder().setKey(ByteString.copyFromUtf8("k07")).setLimit(2).build(),
                res))
        .containsExactly("k07", "k08");
    assertThat(res.get(0).getNextKey().toStringUtf8()).isEqualTo("k09");

    res.clear();
    assertThat(keys(store(), PageRequest.newBuilder().setLimit(2).setReverse(true).build(), res))
        .containsExactly("k09", "k08");
    assertThat(res.get(0).getNextKey().toStringUtf8()).isEqualTo("k07");

    res.clear();
    assertThat(
            keys(
                store(),
                PageRequest.newBuilder()
                    .setKey(ByteString.copyFromUtf8("k07"))
                    .setLimit(2)
                    .setReverse(true)
                    .build(),
                res))
        .containsExactly("k07", "k06");
  }

  @Test
  void keyAndOffsetTogetherAreRejected() {
    PageRequest both =
        PageRequest.newBuilder().setKey(ByteString.copyFromUtf8("k01")).setOffset(1).build();
    assertThatThrownBy(() -> Pagination.paginate(store(), both, (k, v) -> {}))
        .hasMessage("invalid request, either offset or key is expected, got both");
    assertThatThrownBy(() -> Pagination.filteredPaginate(store(), both, (k, v, a) -> true))
        .hasMessage("invalid request, either offset or key is expected, got both");
  }

  @Test
  void filteredPaginateCountsOnlyHits() {
    List<String> accumulated = new ArrayList<>();
    // Hits are the even keys k00, k02, ...; the page is hits 1..2 (offset 1, limit 2).
    PageResponse res =
        Pagination.filteredPaginate(
            store(),
            PageRequest.newBuilder().setOffset(1).setLimit(2).setCountTotal(true).build(),
            (k, v, accumulate) -> {
              boolean hit = (k.get(2) - '0') % 2 == 0;
              if (hit && accumulate) {
                accumulated.add(k.toUtf8());
              }
              return hit;
            });
    assertThat(accumulated).containsExactly("k02", "k04");
    // The hit past the page (k06) is the next key; with count_total all 5 hits are counted.
    assertThat(res.getNextKey().toStringUtf8()).isEqualTo("k06");
    assertThat(res.getTotal()).isEqualTo(5);
  }
}
