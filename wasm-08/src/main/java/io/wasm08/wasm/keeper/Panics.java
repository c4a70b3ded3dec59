package io.wasm08.wasm.keeper;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.store.GasOverflowException;
import io.wasm08.store.OutOfGasException;

/**
 * Where ibc-go panics, the tx aborts: baseapp recovers the panic into {@code ErrPanic} ({@code
 * undefined}/111222, "recovered: …"), except an out-of-gas panic, which stays out of gas. Thrown
 * from a handler, either way the tx's branch is dropped and nothing is written.
 */
public final class Panics {
  private Panics() {}

  /** {@code panic(err)}. */
  public static RuntimeException panic(Wasm08Exception cause) {
    if (cause instanceof OutOfGasException || cause instanceof GasOverflowException) {
      return cause;
    }
    return panic(cause.getMessage(), cause);
  }

  /** {@code panic(text)}. */
  public static IbcException panic(String text, Throwable cause) {
    return SdkErrorCode.PANIC.wrap("recovered: " + text, cause);
  }

  /** True for an error raised by {@link #panic}. */
  public static boolean isPanic(Throwable t) {
    return t instanceof Wasm08Exception w && w.errorCode() == SdkErrorCode.PANIC;
  }
}
