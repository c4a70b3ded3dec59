package io.wasm08.wasm.vm;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * CosmWasm capabilities: a contract requires capability {@code x} by exporting a function {@code
 * requires_x}; the host offers a set of them (cosmwasm-vm {@code capabilities.rs}, {@code
 * docs/CAPABILITIES-BUILT-IN.md}).
 */
public final class Capabilities {
  /**
   * Every capability built into cosmwasm-vm 3.0 (what {@code cosmwasm-check} offers by default).
   */
  public static final Set<String> BUILT_IN =
      sorted(
          Set.of(
              "iterator",
              "staking",
              "stargate",
              "ibc2",
              "cosmwasm_1_1",
              "cosmwasm_1_2",
              "cosmwasm_1_3",
              "cosmwasm_1_4",
              "cosmwasm_2_0",
              "cosmwasm_2_1",
              "cosmwasm_2_2",
              "cosmwasm_3_0"));

  /** What ibc-go's 08-wasm module configures its VM with. */
  public static final Set<String> WASM_08 = sorted(Set.of("iterator"));

  private Capabilities() {}

  /**
   * {@code capabilities_from_csv}: split on commas, trim each element, drop empty ones. The result
   * is sorted and unmodifiable.
   */
  public static Set<String> fromCsv(String csv) {
    TreeSet<String> out = new TreeSet<>();
    for (String part : csv.split(",", -1)) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static Set<String> sorted(Set<String> set) {
    return Collections.unmodifiableSet(new TreeSet<>(set));
  }
}
