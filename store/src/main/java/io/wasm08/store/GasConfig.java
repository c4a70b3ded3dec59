package io.wasm08.store;

/**
 * Gas costs of KV operations, the SDK's {@code storetypes.GasConfig}. Amounts are {@code uint64}
 * values held in {@code long}s.
 */
public record GasConfig(
    long hasCost,
    long deleteCost,
    long readCostFlat,
    long readCostPerByte,
    long writeCostFlat,
    long writeCostPerByte,
    long iterNextCostFlat) {

  /** {@code KVGasConfig()}: the costs charged on every IAVL-backed module store. */
  public static final GasConfig KV = new GasConfig(1000, 1000, 1000, 3, 2000, 30, 30);

  /** {@code TransientGasConfig()}. */
  public static final GasConfig TRANSIENT = new GasConfig(100, 100, 100, 0, 200, 3, 3);
}
