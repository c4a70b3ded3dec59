package io.wasm08.store;

/**
 * Gas accounting as the Cosmos SDK defines {@code storetypes.GasMeter}. Consuming past the limit
 * throws {@link OutOfGasException} carrying the descriptor (the SDK panics with {@code
 * ErrorOutOfGas{Descriptor}}); the consumed amount still records the attempt, as in the SDK.
 */
public interface GasMeter {
  /** Gas consumed so far (may exceed the limit after an out-of-gas failure). */
  long gasConsumed();

  /** Gas consumed, capped at the limit. */
  long gasConsumedToLimit();

  /** The limit; {@link Long#MAX_VALUE} for an infinite meter. */
  long limit();

  /** {@code limit - consumed}, never negative. */
  long gasRemaining();

  /**
   * Consumes {@code amount}; throws {@link OutOfGasException} when the total passes the limit and
   * {@link GasOverflowException} when it overflows a {@code uint64}-sized counter.
   */
  void consumeGas(long amount, String descriptor);

  /** Returns {@code amount} to the meter; refunding more than consumed is an error. */
  void refundGas(long amount, String descriptor);

  boolean isPastLimit();

  boolean isOutOfGas();
}
