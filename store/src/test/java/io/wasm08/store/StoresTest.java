package io.wasm08.store;

import static io.wasm08.store.StoreModel.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoresTest {
  static Stream<Arguments> prefixEnds() {
    // The SDK's PrefixEndBytes, worked by hand.
    return Stream.of(
        Arguments.of("61", "62"),
        Arguments.of("61ff", "62"),
        Arguments.of("61ffff", "62"),
        Arguments.of("6100", "6101"),
        Arguments.of("00", "01"),
        Arguments.of("fe", "ff"),
        Arguments.of("feff", "ff"),
        Arguments.of("ff", null),
        Arguments.of("ffff", null),
        Arguments.of("", null));
  }

  @ParameterizedTest(name = "prefixEnd({0}) = {1}")
  @MethodSource("prefixEnds")
  void prefixEnd(String prefix, String end) {
    assertThat(KvStores.prefixEnd(Bytes.fromHex(prefix)))
        .isEqualTo(end == null ? null : Bytes.fromHex(end));
  }

  static Stream<Arguments> stores() {
    return Stream.<Supplier<KvStore>>of(
            MemKvStore::new,
            () -> new CacheKvStore(new MemKvStore()),
            () -> new PrefixStore(new MemKvStore(), Bytes.ofUtf8("p/")),
            () -> new GasKvStore(new MemKvStore(), new InfiniteGasMeter(), GasConfig.KV))
        .map(s -> Arguments.of(s.get().getClass().getSimpleName(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void rejectsEmptyKeysAndNullValuesOnSet(String name, Supplier<KvStore> factory) {
    KvStore store = factory.get();
    assertThatThrownBy(() -> store.set(Bytes.EMPTY, Bytes.ofUtf8("v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key is nil or empty");
    assertThatThrownBy(() -> store.set(null, Bytes.ofUtf8("v")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.set(Bytes.ofUtf8("k"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value is nil");
    assertThatThrownBy(
            () -> store.set(Bytes.wrapOwned(new byte[KvStores.MAX_KEY_LENGTH + 1]), Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key is too large");
    assertThat(drain(store.iterator(null, null))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void emptyValueIsAValue(String name, Supplier<KvStore> factory) {
    KvStore store = factory.get();
    store.set(Bytes.ofUtf8("k"), Bytes.EMPTY);
    assertThat(store.get(Bytes.ofUtf8("k"))).isEqualTo(Bytes.EMPTY);
    assertThat(store.has(Bytes.ofUtf8("k"))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void iteratorMisuseIsAnIllegalState(String name, Supplier<KvStore> factory) {
    KvStore store = factory.get();
    store.set(Bytes.ofUtf8("a"), Bytes.ofUtf8("1"));
    KvIterator it = store.iterator(null, null);
    it.next();
    assertThat(it.valid()).isFalse();
    assertThatThrownBy(it::key).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(it::value).isInstanceOf(IllegalStateException.class);
    it.close();
    KvIterator closed = store.iterator(null, null);
    closed.close();
    assertThat(closed.valid()).isFalse();
  }

  @Test
  void memStoreIteratorIsASnapshot() {
    MemKvStore store = new MemKvStore();
    for (String k : List.of("a", "b", "c")) {
      store.set(Bytes.ofUtf8(k), Bytes.ofUtf8(k));
    }
    KvIterator it = store.iterator(null, null);
    store.delete(Bytes.ofUtf8("b"));
    store.set(Bytes.ofUtf8("bb"), Bytes.ofUtf8("new"));
    assertThat(drain(it).stream().map(e -> e.key().toUtf8())).containsExactly("a", "b", "c");
    assertThat(drain(store.iterator(null, null)).stream().map(e -> e.key().toUtf8()))
        .containsExactly("a", "bb", "c");
  }

  @Test
  void prefixStoreIsolatesItsRangeAtTheFfEdge() {
    MemKvStore parent = new MemKvStore();
    Bytes prefix = Bytes.fromHex("61ff"); // "a\xff": its end is "b"
    parent.set(Bytes.fromHex("61fe"), Bytes.ofUtf8("below"));
    parent.set(Bytes.fromHex("61ff"), Bytes.ofUtf8("at prefix"));
    parent.set(Bytes.fromHex("61ff00"), Bytes.ofUtf8("in-1"));
    parent.set(Bytes.fromHex("61ffffff"), Bytes.ofUtf8("in-2"));
    parent.set(Bytes.fromHex("62"), Bytes.ofUtf8("prefix end"));
    parent.set(Bytes.fromHex("6200"), Bytes.ofUtf8("beyond"));
    PrefixStore store = new PrefixStore(parent, prefix);

    assertThat(drain(store.iterator(null, null)).stream().map(e -> e.key().toHex()))
        .containsExactly("", "00", "ffff");
    assertThat(drain(store.reverseIterator(null, null)).stream().map(e -> e.value().toUtf8()))
        .containsExactly("in-2", "in-1", "at prefix");
    // the empty key addresses the parent key equal to the prefix, as in the SDK
    assertThat(store.get(Bytes.EMPTY)).isEqualTo(Bytes.ofUtf8("at prefix"));
    assertThat(store.get(Bytes.fromHex("ff"))).isNull();
    store.delete(Bytes.EMPTY);
    assertThat(parent.has(Bytes.fromHex("61ff"))).isFalse();
    assertThat(parent.has(Bytes.fromHex("62"))).isTrue();
  }

  @Test
  void allFfPrefixIteratesToTheEndOfTheParent() {
    MemKvStore parent = new MemKvStore();
    parent.set(Bytes.fromHex("fe"), Bytes.ofUtf8("out"));
    parent.set(Bytes.fromHex("feff"), Bytes.ofUtf8("out"));
    parent.set(Bytes.fromHex("ff"), Bytes.ofUtf8("out"));
    parent.set(Bytes.fromHex("ffff"), Bytes.ofUtf8("in"));
    parent.set(Bytes.fromHex("ffff00"), Bytes.ofUtf8("in"));
    parent.set(Bytes.fromHex("ffffffff"), Bytes.ofUtf8("in"));
    PrefixStore store = new PrefixStore(parent, Bytes.fromHex("ffff"));
    assertThat(drain(store.iterator(null, null)).stream().map(e -> e.key().toHex()))
        .containsExactly("", "00", "ffff");
    assertThat(drain(store.reverseIterator(Bytes.fromHex("00"), null)))
        .extracting(e -> e.key().toHex())
        .containsExactly("ffff", "00");
  }

  @Test
  void nestedPrefixStoresCompose() {
    MemKvStore parent = new MemKvStore();
    PrefixStore clients = new PrefixStore(parent, Bytes.ofUtf8("clients/"));
    PrefixStore client = new PrefixStore(clients, Bytes.ofUtf8("08-wasm-0/"));
    client.set(Bytes.ofUtf8("clientState"), Bytes.ofUtf8("cs"));
    new PrefixStore(clients, Bytes.ofUtf8("08-wasm-1/")).set(Bytes.ofUtf8("x"), Bytes.EMPTY);
    assertThat(parent.get(Bytes.ofUtf8("clients/08-wasm-0/clientState")))
        .isEqualTo(Bytes.ofUtf8("cs"));
    assertThat(drain(client.iterator(null, null))).hasSize(1);
  }

  @Test
  void cacheWriteAppliesInKeyOrderAndDiscardDropsEverything() {
    List<String> applied = new java.util.ArrayList<>();
    MemKvStore mem = new MemKvStore();
    KvStore recording =
        new KvStore() {
          @Override
          public Bytes get(Bytes key) {
            return mem.get(key);
          }

          @Override
          public boolean has(Bytes key) {
            return mem.has(key);
          }

          @Override
          public void set(Bytes key, Bytes value) {
            applied.add("set " + key.toUtf8());
            mem.set(key, value);
          }

          @Override
          public void delete(Bytes key) {
            applied.add("delete " + key.toUtf8());
            mem.delete(key);
          }

          @Override
          public KvIterator iterator(Bytes start, Bytes end) {
            return mem.iterator(start, end);
          }

          @Override
          public KvIterator reverseIterator(Bytes start, Bytes end) {
            return mem.reverseIterator(start, end);
          }
        };
    CacheKvStore cache = new CacheKvStore(recording);
    cache.set(Bytes.ofUtf8("c"), Bytes.ofUtf8("3"));
    cache.delete(Bytes.ofUtf8("b"));
    cache.set(Bytes.ofUtf8("a"), Bytes.ofUtf8("1"));
    CacheKvStore dropped = cache.cacheWrap();
    dropped.set(Bytes.ofUtf8("zzz"), Bytes.ofUtf8("never"));
    dropped.discard();
    dropped.write();
    assertThat(applied).isEmpty();
    cache.write();
    assertThat(applied).containsExactly("set a", "delete b", "set c");
    assertThat(cache.bufferedCount()).isZero();
  }
}
