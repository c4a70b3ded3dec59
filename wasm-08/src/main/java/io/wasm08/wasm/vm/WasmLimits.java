package io.wasm08.wasm.vm;

/**
 * Limits of static validation ({@code check_wasm}), as cosmwasm-vm's {@code config.rs::WasmLimits}
 * with the defaults of cosmwasm-vm 3.0.9. A limit of {@link #NO_LIMIT} is never exceeded.
 *
 * @param initialMemoryLimitPages max initial pages of the one memory (512 = 32 MiB)
 * @param tableSizeLimitElements max {@code max} of the one table
 * @param maxImports max number of imports
 * @param maxFunctions max number of defined functions
 * @param maxFunctionParams max parameters of any type in the type section
 * @param maxTotalFunctionParams max sum of the parameters of every defined function
 * @param maxFunctionResults max results of any type in the type section
 * @param maxFunctionLocals max declared locals (excluding params) of one function; 3.0.9+
 * @param maxTotalFunctionLocals max sum of the declared locals of all functions; 3.0.9+
 */
public record WasmLimits(
    int initialMemoryLimitPages,
    int tableSizeLimitElements,
    int maxImports,
    int maxFunctions,
    int maxFunctionParams,
    int maxTotalFunctionParams,
    int maxFunctionResults,
    int maxFunctionLocals,
    int maxTotalFunctionLocals) {

  /** A limit that is never exceeded. */
  public static final int NO_LIMIT = Integer.MAX_VALUE;

  /** cosmwasm-vm 3.0.9 defaults, including the locals limits 100 / 10 000. */
  public static final WasmLimits DEFAULT =
      new WasmLimits(512, 2500, 100, 20_000, 100, 10_000, 1, 100, 10_000);

  public WasmLimits {
    if (initialMemoryLimitPages < 0
        || tableSizeLimitElements < 0
        || maxImports < 0
        || maxFunctions < 0
        || maxFunctionParams < 0
        || maxTotalFunctionParams < 0
        || maxFunctionResults < 0
        || maxFunctionLocals < 0
        || maxTotalFunctionLocals < 0) {
      throw new IllegalArgumentException("Wasm limits must not be negative");
    }
  }

  /**
   * The limits of cosmwasm-vm before 3.0.9 (and of wasmvm's Go {@code WasmLimits}, which has no
   * locals fields): the same, without the two locals limits.
   */
  public WasmLimits withoutLocalsLimits() {
    return withLocalsLimits(NO_LIMIT, NO_LIMIT);
  }

  public WasmLimits withLocalsLimits(int perFunction, int total) {
    return new WasmLimits(
        initialMemoryLimitPages,
        tableSizeLimitElements,
        maxImports,
        maxFunctions,
        maxFunctionParams,
        maxTotalFunctionParams,
        maxFunctionResults,
        perFunction,
        total);
  }

  public boolean localsLimitsEnabled() {
    return maxFunctionLocals != NO_LIMIT || maxTotalFunctionLocals != NO_LIMIT;
  }
}
