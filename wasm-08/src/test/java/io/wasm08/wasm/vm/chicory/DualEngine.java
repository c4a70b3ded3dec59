package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

/**
 * Runs a scenario on the runtime compiler and on the interpreter and asserts both produced the same
 * value (results, gas, errors): metering lives in the Wasm, so any difference is a bug.
 */
final class DualEngine {
  private DualEngine() {}

  /** The scenario's value (identical in both modes); its value must have value equality. */
  static <T> T same(Function<ExecutionMode, T> scenario) {
    T compiled = scenario.apply(ExecutionMode.COMPILER);
    T interpreted = scenario.apply(ExecutionMode.INTERPRETER);
    assertThat(interpreted).as("interpreter result equals compiler result").isEqualTo(compiled);
    return compiled;
  }
}
