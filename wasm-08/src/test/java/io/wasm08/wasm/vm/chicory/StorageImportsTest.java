package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * db_* imports against cosmwasm-vm's MockStorage, on both engines. Expected gas is derived by hand
 * from GasConfig (cosmwasm-vm.md §6) and the MockStorage rules: host call 18 000; read region 200
 * 000 + 115·n; write region 230 000 + 570·n; storage gas as external.
 */
class StorageImportsTest {
  static final long HOST = 18_000;
  static final String RUNTIME = "Error executing Wasm: Wasmer runtime error: RuntimeError: ";
  static final String COMMUNICATION = RUNTIME + "Error in guest/host communication: ";

  static long rr(long n) {
    return 200_000 + 115 * n;
  }

  static long wr(long n) {
    return 230_000 + 570 * n;
  }

  record Result(Harness.Outcome outcome, String returned, Map<Bytes, Bytes> storage) {}

  static Result run(
      Map<String, String> initial, boolean readonly, Function<Harness, Harness.Outcome> body) {
    return DualEngine.same(
        mode -> {
          Map<Bytes, Bytes> data = new TreeMap<>();
          initial.forEach((k, v) -> data.put(Bytes.ofUtf8(k), Bytes.ofUtf8(v)));
          Harness h =
              new Harness(
                  mode,
                  new MockStorage(data),
                  new io.wasm08.wasm.vm.testing.MockApi(),
                  Harness.GAS_LIMIT);
          h.instance.setStorageReadonly(readonly);
          Harness.Outcome outcome = body.apply(h);
          String returned =
              outcome.error() == null && !outcome.result().isEmpty() && outcome.single() != 0
                  ? Bytes.wrapOwned(h.contents(outcome.single())).toHex()
                  : null;
          return new Result(outcome, returned, h.storage.entries());
        });
  }

  static Stream<Arguments> dbRead() {
    return Stream.of(
        Arguments.of("absent key returns 0", Map.of(), "k", 0L, null, HOST + rr(1) + 1, 1L, null),
        Arguments.of(
            "present key: value copied into a new region",
            Map.of("k", "value"),
            "k",
            -1L,
            Bytes.ofUtf8("value").toHex(),
            HOST + rr(1) + 1 + wr(5),
            1L,
            null),
        Arguments.of(
            "empty value: a non-zero pointer to an empty region",
            Map.of("k", ""),
            "k",
            -1L,
            "",
            HOST + rr(1) + 1 + wr(0),
            1L,
            null),
        Arguments.of(
            "key over 64 KiB is charged, then rejected",
            Map.of(),
            "x".repeat(65_537),
            null,
            null,
            HOST + rr(65_537),
            0L,
            COMMUNICATION + "Region length too big. Got 65537, limit 65536"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void dbRead(
      String name,
      Map<String, String> initial,
      String key,
      Long expectedReturn,
      String expectedValueHex,
      long expectedGas,
      long expectedExternal,
      String expectedError) {
    Result r = run(initial, false, h -> h.call("call_db_read", h.region(key)));
    assertThat(r.outcome().error()).isEqualTo(expectedError);
    assertThat(r.outcome().gasUsed()).isEqualTo(expectedGas);
    assertThat(r.outcome().externallyUsed()).isEqualTo(expectedExternal);
    if (expectedError == null) {
      if (expectedReturn == 0L) {
        assertThat(r.outcome().single()).isZero();
      } else {
        assertThat(r.outcome().single()).isNotZero();
        assertThat(r.returned()).isEqualTo(expectedValueHex);
      }
    }
  }

  static Stream<Arguments> badRegions() {
    // Regions the contract might hand over: each is rejected before the backend is called; only
    // the host call (and for a readable header, the region read) is charged.
    return Stream.of(
        Arguments.of(
            "zero offset",
            new long[] {0, 10, 1},
            HOST,
            COMMUNICATION + "Got an invalid region: Got a zero Wasm address in the offset"),
        Arguments.of(
            "length exceeds capacity",
            new long[] {2048, 1, 2},
            HOST,
            COMMUNICATION
                + "Got an invalid region: Region length exceeds capacity. Length 2, capacity 1"),
        Arguments.of(
            "exceeds address space",
            new long[] {0xFFFF_FFFFL, 2, 0},
            HOST,
            COMMUNICATION
                + "Got an invalid region: Region exceeds address space. Offset 4294967295,"
                + " capacity 2"),
        Arguments.of(
            "data beyond memory",
            new long[] {65_530, 100, 100},
            HOST + rr(100),
            COMMUNICATION
                + "Tried to access memory of region Region { offset: 65530, capacity: 100,"
                + " length: 100 } in Wasm memory of size 65536 bytes. This typically happens when"
                + " the given Region pointer does not point to a proper Region struct."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void badRegions(String name, long[] header, long expectedGas, String expectedError) {
    Result r =
        run(
            Map.of(),
            false,
            h -> h.call("call_db_read", h.rawRegion(512, header[0], header[1], header[2])));
    assertThat(r.outcome().error()).isEqualTo(expectedError);
    assertThat(r.outcome().gasUsed()).isEqualTo(expectedGas);
  }

  @Test
  void regionPointerOutsideMemoryCannotBeDereferenced() {
    Result r = run(Map.of(), false, h -> h.call("call_db_read", 0xFFFF_FFF0L));
    assertThat(r.outcome().error())
        .isEqualTo(
            COMMUNICATION
                + "The Wasm memory address 4294967280 provided by the contract could not be"
                + " dereferenced: Could not dereference this pointer to a Region");
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST);
  }

  @Test
  void zeroPointerReadsTheHeaderAtAddressZero() {
    // Memory starts zeroed, so the "region" at 0 has offset 0.
    Result r = run(Map.of(), false, h -> h.call("call_db_read", 0));
    assertThat(r.outcome().error())
        .isEqualTo(COMMUNICATION + "Got an invalid region: Got a zero Wasm address in the offset");
  }

  static Stream<Arguments> dbWrite() {
    return Stream.of(
        Arguments.of("writes", false, "k", "v", HOST + rr(1) + rr(1) + 2, Map.of("k", "v"), null),
        Arguments.of(
            "empty values are accepted by the VM",
            false,
            "k",
            "",
            HOST + rr(1) + rr(0) + 1,
            Map.of("k", ""),
            null),
        Arguments.of(
            "read-only storage (query) refuses before reading anything",
            true,
            "k",
            "v",
            HOST,
            Map.of(),
            RUNTIME + "Must not call a writing storage function in this context."),
        Arguments.of(
            "key over 64 KiB",
            false,
            "x".repeat(65_537),
            "v",
            HOST + rr(65_537),
            Map.of(),
            RUNTIME
                + "Generic error: Key too big. Tried to write 65537 bytes to storage, limit is"
                + " 65536."),
        Arguments.of(
            "value over 128 KiB",
            false,
            "k",
            "x".repeat(131_073),
            HOST + rr(1) + rr(131_073),
            Map.of(),
            RUNTIME
                + "Generic error: Value too big. Tried to write 131073 bytes to storage, limit"
                + " is 131072."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void dbWrite(
      String name,
      boolean readonly,
      String key,
      String value,
      long expectedGas,
      Map<String, String> expectedStorage,
      String expectedError) {
    Result r =
        run(Map.of(), readonly, h -> h.call("call_db_write", h.region(key), h.region(value)));
    assertThat(r.outcome().error()).isEqualTo(expectedError);
    assertThat(r.outcome().gasUsed()).isEqualTo(expectedGas);
    Map<Bytes, Bytes> expected = new TreeMap<>();
    expectedStorage.forEach((k, v) -> expected.put(Bytes.ofUtf8(k), Bytes.ofUtf8(v)));
    assertThat(r.storage()).isEqualTo(expected);
  }

  @Test
  void dbRemoveDeletesAndChargesTheKeyLength() {
    Result r = run(Map.of("k", "v", "l", "w"), false, h -> h.call("call_db_remove", h.region("k")));
    assertThat(r.outcome().error()).isNull();
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST + rr(1) + 1);
    assertThat(r.storage()).containsOnlyKeys(Bytes.ofUtf8("l"));
  }

  @Test
  void dbRemoveIsRefusedInReadOnlyMode() {
    Result r = run(Map.of("k", "v"), true, h -> h.call("call_db_remove", h.region("k")));
    assertThat(r.outcome().error())
        .isEqualTo(RUNTIME + "Must not call a writing storage function in this context.");
    assertThat(r.storage()).containsKey(Bytes.ofUtf8("k"));
  }

  /** Scans {a,b,c} and drains the iterator, recording every step. */
  record Iteration(Harness.Outcome scan, java.util.List<String> items, java.util.List<Long> gas) {}

  static Iteration iterate(Harness h, long start, long end, int order, String next) {
    Harness.Outcome scan = h.call("call_db_scan", start, end, order);
    java.util.List<String> items = new java.util.ArrayList<>();
    java.util.List<Long> gas = new java.util.ArrayList<>();
    if (scan.error() != null) {
      return new Iteration(scan, items, gas);
    }
    for (int i = 0; i < 5; i++) {
      Harness.Outcome step = h.call(next, scan.single());
      gas.add(step.gasUsed());
      if (step.error() != null) {
        items.add("error: " + step.error());
        break;
      }
      long ptr = step.single();
      String item = ptr == 0 ? "0" : Bytes.wrapOwned(h.contents(ptr)).toHex();
      items.add(item);
      if (ptr == 0 || item.equals("0000000000000000")) {
        break;
      }
    }
    return new Iteration(scan, items, gas);
  }

  static final Map<String, String> ABC = Map.of("a", "1", "b", "2", "c", "3");

  @Test
  void dbScanAscendingAndDbNextEncodeSections() {
    Iteration it =
        DualEngine.same(
            mode -> {
              Harness h = harness(mode, ABC);
              return iterate(h, 0, 0, 1, "call_db_next");
            });
    assertThat(it.scan().single()).as("MockStorage ids start at 1").isEqualTo(1L);
    assertThat(it.scan().gasUsed()).isEqualTo(HOST + 11);
    // section encoding: key ‖ u32be(len) ‖ value ‖ u32be(len); the end is two empty sections.
    assertThat(it.items())
        .containsExactly(
            "610000000131" + "00000001",
            "620000000132" + "00000001",
            "630000000133" + "00000001",
            "0000000000000000");
    // record: cost len(k)+len(v) = 2, write region of 10 bytes; end: 37 external + 8-byte region
    assertThat(it.gas())
        .containsExactly(
            HOST + 2 + wr(10), HOST + 2 + wr(10), HOST + 2 + wr(10), HOST + 37 + wr(8));
  }

  @Test
  void dbScanRangeDescendingWithNextKeyAndValue() {
    var both =
        DualEngine.same(
            mode -> {
              Harness h = harness(mode, ABC);
              int a = h.region("a");
              int c = h.region("c");
              return java.util.List.of(
                  iterate(h, a, c, 2, "call_db_next_key"),
                  iterate(h, a, 0, 1, "call_db_next_value"));
            });
    Iteration keys = both.get(0);
    // [a, c) descending: b then a; the end of next_key is a null pointer
    assertThat(keys.scan().gasUsed()).isEqualTo(HOST + rr(1) + rr(1) + 11);
    assertThat(keys.items()).containsExactly("62", "61", "0");
    assertThat(keys.gas()).containsExactly(HOST + 2 + wr(1), HOST + 2 + wr(1), HOST + 37);
    Iteration values = both.get(1);
    assertThat(values.scan().single()).as("second iterator").isEqualTo(2L);
    assertThat(values.items()).containsExactly("31", "32", "33", "0");
  }

  @Test
  void emptyAndInvertedRanges() {
    var result =
        DualEngine.same(
            mode -> {
              Harness h = harness(mode, ABC);
              return java.util.List.of(
                  iterate(h, h.region("c"), h.region("a"), 1, "call_db_next").items(),
                  iterate(h, h.region("b"), h.region("b"), 2, "call_db_next").items());
            });
    assertThat(result).containsOnly(java.util.List.of("0000000000000000"));
  }

  @Test
  void invalidOrderTraps() {
    Result r = run(ABC, false, h -> h.call("call_db_scan", 0, 0, 3));
    assertThat(r.outcome().error())
        .isEqualTo(COMMUNICATION + "Got an invalid value for iteration order: 3");
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST);
  }

  @Test
  void unknownIteratorIsABackendError() {
    Result r = run(ABC, false, h -> h.call("call_db_next", 42));
    assertThat(r.outcome().error())
        .isEqualTo(
            RUNTIME + "Error calling into the VM's backend: Iterator with ID 42 does not exist");
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST);
  }

  private static Harness harness(ExecutionMode mode, Map<String, String> initial) {
    Map<Bytes, Bytes> data = new TreeMap<>();
    initial.forEach((k, v) -> data.put(Bytes.ofUtf8(k), Bytes.ofUtf8(v)));
    return new Harness(
        mode, new MockStorage(data), new io.wasm08.wasm.vm.testing.MockApi(), Harness.GAS_LIMIT);
  }
}
