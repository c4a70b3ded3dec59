package io.wasm08.wasm.types;

import io.wasm08.store.GasMeter;
import io.wasm08.store.OutOfGasException;

/**
 * The gas register 08-wasm copies from wasmd ({@code types/gas_register.go}, {@code
 * gas_register_custom.go}) with the constants of ibc-go v11 / wasmvm ≥ 2: SDK gas and CosmWasm
 * ("VM") gas convert at 140 000; every contract call costs 2 000 SDK gas of setup; decompressing
 * gzip code costs 0.15 SDK gas per compressed byte; each byte of a contract's result JSON costs 140
 * 000 VM gas to deserialize.
 */
public final class WasmGasRegister {
  private WasmGasRegister() {}

  /** {@code DefaultGasMultiplier}: CosmWasm gas per SDK gas (wasmvm ≥ 2). */
  public static final long GAS_MULTIPLIER = 140_000;

  /** {@code DefaultInstanceCost}: setup of an unpinned contract (08-wasm always pins). */
  public static final long INSTANCE_COST = 60_000;

  /** {@code DefaultInstanceCostDiscount}: setup of a pinned contract, per call. */
  public static final long INSTANCE_COST_DISCOUNT = 2_000;

  /** {@code DefaultContractMessageDataCost}: per byte of the message (0). */
  public static final long CONTRACT_MESSAGE_DATA_COST = 0;

  /** {@code CostJSONDeserialization}: VM gas per byte of a contract result. */
  public static final long COST_JSON_DESERIALIZATION = GAS_MULTIPLIER;

  /** The CosmWasm gas limit standing for "unlimited" (Go uses MaxUint64; the engine is signed). */
  public static final long UNLIMITED_VM_GAS = Long.MAX_VALUE;

  /** {@code SetupContractCost(true, msgLen)}: 2 000 SDK gas. */
  public static long setupContractCost(int msgLength) {
    return INSTANCE_COST_DISCOUNT + CONTRACT_MESSAGE_DATA_COST * msgLength;
  }

  /** {@code UncompressCosts}: {@code floor(len × 15 / 100)} SDK gas. */
  public static long uncompressCosts(int byteLength) {
    return (long) byteLength * 15 / 100;
  }

  /**
   * {@code ToWasmVMGas}: SDK → VM gas with Go's overflow test ({@code x < source} → out-of-gas
   * panic "overflow").
   */
  public static long toWasmVmGas(long sdkGas) {
    long product = sdkGas * GAS_MULTIPLIER;
    if (Long.compareUnsigned(product, sdkGas) < 0) {
      throw new OutOfGasException("overflow");
    }
    // Beyond the engine's signed range the budget is effectively unlimited.
    return product < 0 ? UNLIMITED_VM_GAS : product;
  }

  /** {@code FromWasmVMGas}: VM → SDK gas, rounded down. */
  public static long fromWasmVmGas(long vmGas) {
    return Long.divideUnsigned(vmGas, GAS_MULTIPLIER);
  }

  /**
   * {@code RuntimeGasForContract}: 0 when the meter is out of gas; unlimited for an infinite meter
   * (limit 0, MaxUint64 or {@code Long.MAX_VALUE}); else what is left, in VM gas.
   */
  public static long runtimeGasForContract(GasMeter meter) {
    if (meter.isOutOfGas()) {
      return 0;
    }
    long limit = meter.limit();
    if (limit == 0 || limit == -1L || limit == Long.MAX_VALUE) {
      return UNLIMITED_VM_GAS;
    }
    return toWasmVmGas(limit - meter.gasConsumedToLimit());
  }

  /**
   * {@code ConsumeRuntimeGas}: charges {@code vmGasUsed / 140 000} SDK gas ("wasm contract") and
   * aborts with out of gas ("Wasmer function execution") when the meter is then exhausted.
   */
  public static void consumeRuntimeGas(GasMeter meter, long vmGasUsed) {
    meter.consumeGas(fromWasmVmGas(vmGasUsed), "wasm contract");
    if (meter.isOutOfGas()) {
      throw new OutOfGasException("Wasmer function execution");
    }
  }

  /**
   * What a {@code MultipliedGasMeter} reports as consumed: the SDK meter's consumption in VM gas
   * (wasmvm takes differences of it as the externally used gas of store and query callbacks).
   */
  public static long multipliedGasConsumed(GasMeter meter) {
    return toWasmVmGas(meter.gasConsumed());
  }
}
