package io.wasm08.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.store.RecordingGasMeter.Charge;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK {@code KVGasConfig} charges of {@code cosmossdk.io/store/gaskv} (HasCost 1000, DeleteCost
 * 1000, ReadCostFlat 1000, ReadCostPerByte 3, WriteCostFlat 2000, WriteCostPerByte 30,
 * IterNextCostFlat 30), as the exact sequence of {@code ConsumeGas(amount, descriptor)} calls. The
 * expected rows are derived by hand from gaskv/store.go: Get = ReadFlat, ReadPerByte×len(key),
 * ReadPerByte×len(value); Set = WriteFlat, WritePerByte×len(key), WritePerByte×len(value); Has;
 * Delete; iterators charge ValuePerByte for key and value of the current entry, then IterNextFlat,
 * on creation and on every Next (so the first entry is paid twice).
 */
class GasKvStoreTest {
  // Pre-populated: "k1" (2 bytes) -> 10 bytes, "k2" -> 0 bytes, "key-3" (5 bytes) -> 7 bytes.
  static MemKvStore populated() {
    MemKvStore store = new MemKvStore();
    store.set(Bytes.ofUtf8("k1"), Bytes.wrapOwned(new byte[10]));
    store.set(Bytes.ofUtf8("k2"), Bytes.EMPTY);
    store.set(Bytes.ofUtf8("key-3"), Bytes.wrapOwned(new byte[7]));
    return store;
  }

  static Stream<Arguments> charges() {
    return Stream.of(
        row(
            "get existing (key 2, value 10)",
            s -> s.get(Bytes.ofUtf8("k1")),
            c(1000, "ReadFlat"),
            c(6, "ReadPerByte"),
            c(30, "ReadPerByte")),
        row(
            "get missing (key 7)",
            s -> s.get(Bytes.ofUtf8("missing")),
            c(1000, "ReadFlat"),
            c(21, "ReadPerByte"),
            c(0, "ReadPerByte")),
        row(
            "get empty value (key 2, value 0)",
            s -> s.get(Bytes.ofUtf8("k2")),
            c(1000, "ReadFlat"),
            c(6, "ReadPerByte"),
            c(0, "ReadPerByte")),
        row(
            "set (key 4, value 100)",
            s -> s.set(Bytes.ofUtf8("abcd"), Bytes.wrapOwned(new byte[100])),
            c(2000, "WriteFlat"),
            c(120, "WritePerByte"),
            c(3000, "WritePerByte")),
        row(
            "set empty value (key 1)",
            s -> s.set(Bytes.ofUtf8("z"), Bytes.EMPTY),
            c(2000, "WriteFlat"),
            c(30, "WritePerByte"),
            c(0, "WritePerByte")),
        row("has (size-independent)", s -> s.has(Bytes.ofUtf8("key-3")), c(1000, "Has")),
        row("has missing", s -> s.has(Bytes.ofUtf8("nope")), c(1000, "Has")),
        row("delete (size-independent)", s -> s.delete(Bytes.ofUtf8("key-3")), c(1000, "Delete")),
        row(
            "iterator creation only",
            s -> s.iterator(null, null).close(),
            c(6, "ValuePerByte"),
            c(30, "ValuePerByte"),
            c(30, "IterNextFlat")),
        row(
            "iterator over all three entries, drained",
            s -> drainAll(s.iterator(null, null)),
            // creation: k1 (2+10 bytes)
            c(6, "ValuePerByte"),
            c(30, "ValuePerByte"),
            c(30, "IterNextFlat"),
            // next #1 charges the entry it leaves: k1 again
            c(6, "ValuePerByte"),
            c(30, "ValuePerByte"),
            c(30, "IterNextFlat"),
            // next #2 leaves k2 (2+0 bytes)
            c(6, "ValuePerByte"),
            c(0, "ValuePerByte"),
            c(30, "IterNextFlat"),
            // next #3 leaves key-3 (5+7 bytes)
            c(15, "ValuePerByte"),
            c(21, "ValuePerByte"),
            c(30, "IterNextFlat")),
        row(
            "reverse iterator, one step",
            s -> {
              KvIterator it = s.reverseIterator(null, null);
              it.next();
              it.close();
            },
            c(15, "ValuePerByte"),
            c(21, "ValuePerByte"),
            c(30, "IterNextFlat"),
            c(15, "ValuePerByte"),
            c(21, "ValuePerByte"),
            c(30, "IterNextFlat")),
        row(
            "empty range: only IterNextFlat",
            s -> s.iterator(Bytes.ofUtf8("x"), Bytes.ofUtf8("y")).close(),
            c(30, "IterNextFlat")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charges")
  void chargesAsSdkKvGasConfig(String name, Consumer<KvStore> op, List<Charge> expected) {
    RecordingGasMeter meter = new RecordingGasMeter(new InfiniteGasMeter());
    op.accept(new GasKvStore(populated(), meter, GasConfig.KV));
    assertThat(meter.charges).isEqualTo(expected);
    assertThat(meter.gasConsumed()).isEqualTo(expected.stream().mapToLong(Charge::amount).sum());
  }

  @Test
  void kvGasConfigMatchesSdkConstants() {
    assertThat(GasConfig.KV).isEqualTo(new GasConfig(1000, 1000, 1000, 3, 2000, 30, 30));
    assertThat(GasConfig.TRANSIENT).isEqualTo(new GasConfig(100, 100, 100, 0, 200, 3, 3));
  }

  @Test
  void outOfGasOnSetWritesNothingAndRecordsTheAttempt() {
    MemKvStore parent = populated();
    BasicGasMeter meter = new BasicGasMeter(2100);
    GasKvStore store = new GasKvStore(parent, meter, GasConfig.KV);
    assertThatThrownBy(() -> store.set(Bytes.ofUtf8("abcd"), Bytes.ofUtf8("v")))
        .isInstanceOf(OutOfGasException.class)
        .hasMessage("out of gas in location: WritePerByte: out of gas")
        .satisfies(e -> assertThat(((OutOfGasException) e).descriptor()).isEqualTo("WritePerByte"));
    assertThat(meter.gasConsumed()).isEqualTo(2000 + 120);
    assertThat(parent.has(Bytes.ofUtf8("abcd"))).isFalse();
  }

  @Test
  void invalidSetIsRejectedBeforeAnyCharge() {
    RecordingGasMeter meter = new RecordingGasMeter(new InfiniteGasMeter());
    GasKvStore store = new GasKvStore(new MemKvStore(), meter, GasConfig.KV);
    assertThatThrownBy(() -> store.set(Bytes.EMPTY, Bytes.ofUtf8("v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key is nil or empty");
    assertThatThrownBy(() -> store.set(Bytes.ofUtf8("k"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value is nil");
    assertThat(meter.charges).isEmpty();
  }

  @Test
  void nextOnExhaustedIteratorChargesFlatThenFails() {
    RecordingGasMeter meter = new RecordingGasMeter(new InfiniteGasMeter());
    GasKvStore store = new GasKvStore(new MemKvStore(), meter, GasConfig.KV);
    KvIterator it = store.iterator(null, null);
    assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);
    assertThat(meter.charges).containsExactly(c(30, "IterNextFlat"), c(30, "IterNextFlat"));
  }

  private static void drainAll(KvIterator it) {
    try (it) {
      while (it.valid()) {
        it.next();
      }
    }
  }

  private static Charge c(long amount, String descriptor) {
    return new Charge(amount, descriptor);
  }

  private static Arguments row(String name, Consumer<KvStore> op, Charge... expected) {
    return Arguments.of(name, op, List.of(expected));
  }
}
