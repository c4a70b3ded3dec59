package io.wasm08.wasm.vm.chicory.instrument;

import io.wasm08.wasm.vm.chicory.binary.Opcodes;

/**
 * cosmwasm-vm 3.0.9's gas cost function ({@code wasm_backend/engine.rs::cost}) and locals charge
 * ({@code wasm_backend/metering.rs}), in CosmWasm gas.
 */
public final class Metering {
  /** {@code GAS_PER_OPERATION}: every operator. */
  public static final long GAS_PER_OPERATION = 115;

  /** Accounting operators cost 14 times as much (they carry the injected gas check). */
  public static final long ACCOUNTING_MULTIPLIER = 14;

  /** {@code CHARGED_LOCALS_THRESHOLD}: functions with at least this many locals pay extra. */
  public static final int CHARGED_LOCALS_THRESHOLD = 30;

  /**
   * Identifies the cost function above: part of the compiled-code cache key, so a change of costs
   * can never meet code metered with the old ones. Bump the suffix when the rules change in a way
   * the constants do not show.
   */
  public static final String RULES_VERSION =
      "cosmwasm-vm-3.0.9:"
          + GAS_PER_OPERATION
          + "x"
          + ACCOUNTING_MULTIPLIER
          + ":locals"
          + CHARGED_LOCALS_THRESHOLD
          + ":1";

  private Metering() {}

  /** {@code cost(op)}: 1610 for accounting operators, 115 for every other one. */
  public static long cost(int opcode) {
    return Opcodes.isAccounting(opcode)
        ? GAS_PER_OPERATION * ACCOUNTING_MULTIPLIER
        : GAS_PER_OPERATION;
  }

  /**
   * The 3.0.9 locals charge of a function with {@code declaredLocals} locals (excluding params):
   * {@code cost(Nop) × max(0, L − 29)}.
   */
  public static long localsCharge(long declaredLocals) {
    long charged = Math.max(0, declaredLocals - (CHARGED_LOCALS_THRESHOLD - 1));
    return GAS_PER_OPERATION * charged;
  }
}
