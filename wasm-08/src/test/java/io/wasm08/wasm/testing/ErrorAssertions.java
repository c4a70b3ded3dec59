package io.wasm08.wasm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.wasm.keeper.Panics;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** ibc-go's {@code ErrorIs} / {@code ErrorContains} / {@code PanicsWithError} for our errors. */
public final class ErrorAssertions {
  private ErrorAssertions() {}

  /** {@code ErrorIs(err, code)}: the call fails with a project error carrying {@code code}. */
  public static Wasm08Exception assertErrorIs(ThrowingCallable call, ErrorCode code) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("expected an error with code %s", code).isInstanceOf(Wasm08Exception.class);
    Wasm08Exception e = (Wasm08Exception) t;
    assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
    return e;
  }

  /**
   * {@code PanicsWithError(text)}: the call aborts as a Go panic whose value prints {@code text}.
   */
  public static void assertPanicsWith(ThrowingCallable call, String text) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("expected a panic").isNotNull();
    assertThat(Panics.isPanic(t)).as(t.toString()).isTrue();
    assertThat(t.getMessage()).isEqualTo("recovered: " + text + ": panic");
  }
}
