package io.wasm08.wasm.vm;

import java.util.Objects;

/**
 * cosmwasm-vm's {@code BackendResult<T> = (Result<T, BackendError>, GasInfo)}: a backend call
 * reports gas whether it succeeded or failed.
 */
public sealed interface BackendResult<T> {
  GasInfo gas();

  static <T> BackendResult<T> ok(T value, GasInfo gas) {
    return new Ok<>(value, gas);
  }

  static <T> BackendResult<T> err(BackendError error, GasInfo gas) {
    return new Err<>(error, gas);
  }

  /** {@code value} may be {@code null} for calls without a result. */
  record Ok<T>(T value, GasInfo gas) implements BackendResult<T> {
    public Ok {
      Objects.requireNonNull(gas, "gas");
    }
  }

  record Err<T>(BackendError error, GasInfo gas) implements BackendResult<T> {
    public Err {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(gas, "gas");
    }
  }
}
