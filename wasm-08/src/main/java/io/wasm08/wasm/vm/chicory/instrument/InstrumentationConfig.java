package io.wasm08.wasm.vm.chicory.instrument;

/**
 * What {@link Instrumenter#instrument} adds to a module.
 *
 * @param chargeLocals apply cosmwasm-vm 3.0.9's per-function locals charge (off reproduces 3.0.0 –
 *     3.0.8 gas)
 * @param maxCallDepth the largest number of nested Wasm function frames; entering one more traps
 *     (see {@link Instrumenter}); 0 disables the limit
 * @param canonicalizeNans replace every NaN produced by float arithmetic with the canonical NaN, as
 *     wasmer's Singlepass with {@code canonicalize_nans(true)} does
 */
public record InstrumentationConfig(
    boolean chargeLocals, int maxCallDepth, boolean canonicalizeNans) {

  /**
   * Default frame limit. Wasmer runs contracts on a 1 MiB native stack, where even the smallest
   * Singlepass frame (return address, saved frame pointer, spilled vmctx: at least 32 bytes) bounds
   * the depth at 32 768; every call that completes on wasmer therefore stays within this limit
   * (deeper ones hit wasmer's own stack overflow, the same "call stack exhausted" error). On the
   * JVM, 32 768 frames of a function with 100 i64 locals need less than 32 MiB of thread stack in
   * Chicory's interpreter and less than 16 MiB compiled (measured, JDK 25, {@code CallDepthTest});
   * run calls on a thread with a 256 MiB stack. Contracts stored without the 3.0.9 locals limits
   * can have far bigger frames; size the stack for them or lower the limit.
   */
  public static final int DEFAULT_MAX_CALL_DEPTH = 32_768;

  /** cosmwasm-vm 3.0.9 gas, NaN canonicalization, {@link #DEFAULT_MAX_CALL_DEPTH}. */
  public static final InstrumentationConfig DEFAULT =
      new InstrumentationConfig(true, DEFAULT_MAX_CALL_DEPTH, true);

  /** The same with cosmwasm-vm 3.0.0 – 3.0.8 gas (no locals charge). */
  public static final InstrumentationConfig PRE_3_0_9 =
      new InstrumentationConfig(false, DEFAULT_MAX_CALL_DEPTH, true);

  public InstrumentationConfig {
    if (maxCallDepth < 0) {
      throw new IllegalArgumentException("maxCallDepth must not be negative");
    }
  }

  /** A short stable text of the options, for cache keys next to {@link Instrumenter#VERSION}. */
  public String cacheKey() {
    return (chargeLocals ? "L" : "l") + maxCallDepth + (canonicalizeNans ? "N" : "n");
  }
}
