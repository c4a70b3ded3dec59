package io.wasm08.wasm.vm;

/**
 * Receives the contract's {@code debug} messages (lossy UTF-8) with the gas remaining at that
 * point. Never consensus data: nodes usually {@link #IGNORE} them.
 */
@FunctionalInterface
public interface DebugHandler {
  DebugHandler IGNORE = (message, gasRemaining) -> {};

  void debug(String message, long gasRemaining);
}
