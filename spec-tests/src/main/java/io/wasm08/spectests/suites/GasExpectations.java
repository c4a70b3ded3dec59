package io.wasm08.spectests.suites;

import io.wasm08.spectests.ConformanceErrorCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers {@code vm-gas} expects, by name. {@link #UPSTREAM} holds cosmwasm-vm's own: its
 * {@code instance.rs} tests on {@code hackatom.wasm} with the mock backend (the shared
 * fixtures/cosmwasm/README.md and reference cosmwasm-vm.md §12). A JSON file {@code {"<name>":
 * <number>, …, "checksum": "<hex>"}} overrides single entries (docs/conformance.md).
 */
public record GasExpectations(Map<String, Long> numbers, String checksum) {
  public static final String INSTANTIATE = "contract_deducts_gas_init";
  public static final String EXECUTE = "contract_deducts_gas_execute";
  public static final String QUERY = "query_works_with_gas_metering";
  public static final String REPORT_EXTERNAL = "create_gas_report_works.used_externally";
  public static final String REPORT_INTERNAL = "create_gas_report_works.used_internally";
  public static final String GAS_LEFT = "get_gas_left_works";
  public static final String PAGES_INITIAL = "memory_pages.initial";
  public static final String PAGES_GROWN = "memory_pages.after_allocate_100KiB";

  /** The 3.0.0 – 3.0.8 metering, without 3.0.9's locals charge (same binary). */
  public static final String EXECUTE_PRE_3_0_9 = EXECUTE + "@3.0.8";

  public static final String QUERY_PRE_3_0_9 = QUERY + "@3.0.8";
  public static final String INSTANTIATE_PRE_3_0_9 = INSTANTIATE + "@3.0.8";

  /** cosmwasm-vm 3.0.9's numbers, and hackatom.wasm's checksum, as upstream states them. */
  public static final GasExpectations UPSTREAM =
      new GasExpectations(
          orderedMap(
              INSTANTIATE, 18_034_576L,
              EXECUTE, 24_624_366L,
              QUERY, 11_105_566L,
              REPORT_EXTERNAL, 251L,
              REPORT_INTERNAL, 18_034_325L,
              GAS_LEFT, 123_321L,
              PAGES_INITIAL, 17L,
              PAGES_GROWN, 19L,
              INSTANTIATE_PRE_3_0_9, 18_034_576L,
              EXECUTE_PRE_3_0_9, 24_624_251L,
              QUERY_PRE_3_0_9, 11_105_221L),
          "2a165f6d9ada2eac928570c1fc228e26fbd24be000d05c55298aaae4ae657e58");

  public GasExpectations {
    numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }

  public long get(String name) {
    Long value = numbers.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no expectation named " + name);
    }
    return value;
  }

  /** These expectations with {@code name} set to {@code value}. */
  public GasExpectations with(String name, long value) {
    if (!numbers.containsKey(name)) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("unknown gas expectation \"" + name + "\"");
    }
    Map<String, Long> copy = new LinkedHashMap<>(numbers);
    copy.put(name, value);
    return new GasExpectations(copy, checksum);
  }

  /** {@link #UPSTREAM} with the entries of {@code file} replacing its own. */
  public static GasExpectations read(Path file) {
    return ExpectationsFile.read(
        file, UPSTREAM, (g, hex) -> new GasExpectations(g.numbers, hex), GasExpectations::with);
  }

  private static Map<String, Long> orderedMap(Object... pairs) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Long) pairs[i + 1]);
    }
    return map;
  }
}
