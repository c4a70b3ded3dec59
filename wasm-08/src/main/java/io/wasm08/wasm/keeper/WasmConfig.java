package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.api.ContractDialect;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Host configuration of the 08-wasm keeper beyond ibc-go's: extra Stargate paths for the accept
 * list, per-checksum contract-API dialect overrides (the dialect is otherwise detected from the
 * binary), and the synchronous smart queries between stored codes.
 */
public record WasmConfig(
    List<String> acceptedStargateQueries,
    Map<Bytes, ContractDialect> dialectOverrides,
    SmartQueries smartQueries) {
  public WasmConfig {
    acceptedStargateQueries = List.copyOf(acceptedStargateQueries);
    dialectOverrides = Map.copyOf(dialectOverrides);
    Objects.requireNonNull(smartQueries, "smartQueries");
  }

  /** ibc-go's behaviour: no extra paths, detection only, no smart queries. */
  public static WasmConfig defaults() {
    return new WasmConfig(List.of(), Map.of(), SmartQueries.DISABLED);
  }

  public WasmConfig withDialectOverride(Bytes checksum, ContractDialect dialect) {
    Map<Bytes, ContractDialect> overrides = new java.util.HashMap<>(dialectOverrides);
    overrides.put(checksum, dialect);
    return new WasmConfig(acceptedStargateQueries, overrides, smartQueries);
  }

  public WasmConfig withSmartQueries(SmartQueries smart) {
    return new WasmConfig(acceptedStargateQueries, dialectOverrides, smart);
  }

  public WasmConfig withAcceptedStargateQueries(List<String> paths) {
    return new WasmConfig(paths, dialectOverrides, smartQueries);
  }

  /**
   * Smart queries of a light-client contract into another stored code, addressed by a client id
   * (that client's store, read-only) or by a checksum in lowercase hex (an empty store): {@code
   * enabled}, and at most {@code maxDepth} nested levels.
   */
  public record SmartQueries(boolean enabled, int maxDepth) {
    public static final SmartQueries DISABLED = new SmartQueries(false, 0);

    public SmartQueries {
      if (maxDepth < 0) {
        throw new IllegalArgumentException("maxDepth must not be negative");
      }
    }

    public static SmartQueries enabled(int maxDepth) {
      return new SmartQueries(true, maxDepth);
    }
  }
}
