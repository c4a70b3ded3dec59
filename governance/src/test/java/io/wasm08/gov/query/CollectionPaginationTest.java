package io.wasm08.gov.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import cosmos.base.query.v1beta1.Pagination.PageRequest;
import io.wasm08.common.Bytes;
import io.wasm08.store.MemKvStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CollectionPagination against the algorithm of SDK v0.50 {@code CollectionFilteredPaginate}
 * (types/query/collections_pagination.go); each expectation is traced by hand through that code.
 * Collection 0x10 holds raw keys 01..05; collection 0x20 holds pairs AA01, AA02, AB01; key 0x1101
 * lies outside both.
 */
class CollectionPaginationTest {
  static final Bytes C1 = Bytes.of((byte) 0x10);
  static final Bytes C2 = Bytes.of((byte) 0x20);
  static final Bytes AA = Bytes.of((byte) 0xAA);

  static MemKvStore store() {
    MemKvStore s = new MemKvStore();
    for (int i = 1; i <= 5; i++) {
      s.set(C1.concat(Bytes.of((byte) i)), Bytes.of((byte) i));
    }
    s.set(Bytes.fromHex("1101"), Bytes.of((byte) 9));
    s.set(Bytes.fromHex("20aa01"), Bytes.of((byte) 1));
    s.set(Bytes.fromHex("20aa02"), Bytes.of((byte) 2));
    s.set(Bytes.fromHex("20ab01"), Bytes.of((byte) 3));
    return s;
  }

  static PageRequest.Builder req() {
    return PageRequest.newBuilder();
  }

  static ByteString key(String hex) {
    return ByteString.copyFrom(Bytes.fromHex(hex).toByteArray());
  }

  static final CollectionPagination.Predicate ODD = e -> (e.value().get(0) & 1) == 1;

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of(
            "no request: all, with the total",
            C1,
            null,
            null,
            null,
            List.of("01", "02", "03", "04", "05"),
            "",
            5L),
        Arguments.of("limit 2", C1, null, req().setLimit(2), null, List.of("01", "02"), "03", 0L),
        Arguments.of(
            "limit 2 counting",
            C1,
            null,
            req().setLimit(2).setCountTotal(true),
            null,
            List.of("01", "02"),
            "03",
            5L),
        Arguments.of(
            "by key",
            C1,
            null,
            req().setLimit(2).setKey(key("03")),
            null,
            List.of("03", "04"),
            "05",
            0L),
        Arguments.of(
            "count_total is ignored by key",
            C1,
            null,
            req().setLimit(9).setKey(key("03")).setCountTotal(true),
            null,
            List.of("03", "04", "05"),
            "",
            0L),
        Arguments.of(
            "reverse",
            C1,
            null,
            req().setLimit(2).setReverse(true),
            null,
            List.of("05", "04"),
            "03",
            0L),
        Arguments.of(
            "reverse by key without pair prefix starts below the key (upstream quirk)",
            C1,
            null,
            req().setLimit(2).setKey(key("03")).setReverse(true),
            null,
            List.of("02", "01"),
            "",
            0L),
        Arguments.of(
            "offset 4",
            C1,
            null,
            req().setOffset(4).setLimit(2).setCountTotal(true),
            null,
            List.of("05"),
            "",
            5L),
        Arguments.of(
            "offset at the end",
            C1,
            null,
            req().setOffset(5).setLimit(2).setCountTotal(true),
            null,
            List.of(),
            "",
            5L),
        Arguments.of(
            "offset past the end: empty page, no total",
            C1,
            null,
            req().setOffset(6).setLimit(2).setCountTotal(true),
            null,
            List.of(),
            "",
            0L),
        Arguments.of(
            "filtered: next key is the next examined entry, not the next match",
            C1,
            null,
            req().setLimit(1),
            ODD,
            List.of("01"),
            "02",
            0L),
        Arguments.of(
            "filtered with the total: a skipped entry leaves count == limit, so the next match"
                + " overwrites next_key (upstream quirk)",
            C1,
            null,
            req().setLimit(1).setCountTotal(true),
            ODD,
            List.of("01"),
            "03",
            3L),
        Arguments.of(
            "offsets skip raw entries before filtering",
            C1,
            null,
            req().setOffset(1).setLimit(5).setCountTotal(true),
            ODD,
            List.of("03", "05"),
            "",
            3L),
        Arguments.of("pair prefix", C2, AA, null, null, List.of("aa01", "aa02"), "", 2L),
        Arguments.of(
            "pair prefix: next key without the prefix",
            C2,
            AA,
            req().setLimit(1),
            null,
            List.of("aa01"),
            "02",
            0L),
        Arguments.of(
            "pair prefix by key",
            C2,
            AA,
            req().setLimit(1).setKey(key("02")),
            null,
            List.of("aa02"),
            "",
            0L),
        Arguments.of(
            "pair prefix, reverse by key includes the key",
            C2,
            AA,
            req().setLimit(5).setKey(key("01")).setReverse(true),
            null,
            List.of("aa01"),
            "",
            0L),
        Arguments.of(
            "empty collection range", C2, Bytes.of((byte) 0xAC), null, null, List.of(), "", 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void paginatesAsCollections(
      String name,
      Bytes collection,
      Bytes pairPrefix,
      PageRequest.Builder request,
      CollectionPagination.Predicate predicate,
      List<String> keys,
      String nextKey,
      long total) {
    CollectionPagination.Page page =
        CollectionPagination.paginate(
            store(), collection, pairPrefix, request == null ? null : request.build(), predicate);
    assertThat(page.entries()).extracting(e -> e.key().toHex()).isEqualTo(keys);
    assertThat(Bytes.of(page.response().getNextKey().toByteArray()).toHex()).isEqualTo(nextKey);
    assertThat(page.response().getTotal()).isEqualTo(total);
  }

  @org.junit.jupiter.api.Test
  void offsetAndKeyTogetherAreRefused() {
    assertThatThrownBy(
            () ->
                CollectionPagination.paginate(
                    store(), C1, null, req().setOffset(1).setKey(key("01")).build(), null))
        .hasMessage("invalid request, either offset or key is expected, got both");
  }
}
