package io.wasm08.relayer.quorum;

/**
 * One independent execution of a client update before it is submitted: the same 08-wasm contract,
 * the same client store and block, run by a different engine (the Chicory compiler or interpreter)
 * or by another relayer process. Executors must be thread-safe: the quorum runs them in parallel.
 */
public interface UpdateExecutor extends AutoCloseable {
  /** Names the executor in logs, metrics and alerts. */
  String id();

  /**
   * Runs the update. A failing update is a result ({@link ExecutionResult#failure}); an exception
   * means the executor itself could not run it (it then counts as not agreeing).
   */
  ExecutionResult execute(UpdateRequest request);

  @Override
  default void close() {}
}
