package io.wasm08.core.errors;

import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;

/**
 * The unchecked exception of every IBC and Cosmos-primitive failure. Its message renders exactly as
 * the Go error would: {@code "<detail>: <registered message>"} for registered errors ({@code
 * errorsmod.Wrap}), and the bare text for the plain Go errors ({@code fmt.Errorf}) that the SDK
 * reports with the {@code undefined} codespace, code 1.
 */
public class IbcException extends Wasm08Exception {
  private final boolean plain;

  public IbcException(ErrorCode code, String detail, Throwable cause) {
    super(code, detail, cause);
    this.plain = false;
  }

  /** An error whose message is given in full (not rendered from detail and code). */
  private IbcException(
      ErrorCode code, String detail, String message, Throwable cause, boolean plain) {
    super(code, detail, message, cause);
    this.plain = plain;
  }

  /**
   * {@code errorsmod.Wrap(code, detail)}. An empty detail is kept, as Go keeps it: {@code
   * Wrap(ErrInvalidClientType, "")} renders {@code ": invalid client type"}.
   */
  public static IbcException wrapped(ErrorCode code, String detail, Throwable cause) {
    if (detail != null && detail.isEmpty()) {
      return new IbcException(code, detail, ": " + code.message(), cause, false);
    }
    return new IbcException(code, detail, cause);
  }

  /**
   * A plain Go error (no registered code): the message is {@code text} as is, and ABCI results
   * report it as {@code undefined}/1, as the SDK does for unregistered errors.
   */
  public static IbcException plain(String text) {
    return new IbcException(SdkErrorCode.INTERNAL, text, text, null, true);
  }

  /** As {@link #plain(String)}, formatted. */
  public static IbcException plainf(String format, Object... args) {
    return plain(String.format(format, args));
  }

  /** True for a plain (unregistered) Go error. */
  public boolean isPlain() {
    return plain;
  }

  /**
   * Wraps this error once more, keeping its code, as {@code errorsmod.Wrap(err, outer)} does:
   * {@code "<outer>: <this message>"}.
   */
  @Override
  public IbcException wrap(String outerDetail) {
    String inner = detail();
    String combined = inner == null ? outerDetail : outerDetail + ": " + inner;
    return new IbcException(
        errorCode(), combined, outerDetail + ": " + getMessage(), getCause(), plain);
  }

  /** {@code errorsmod.Wrapf} on this error. */
  public IbcException wrapf(String format, Object... args) {
    return wrap(String.format(format, args));
  }

  /**
   * {@code errorsmod.Wrap(err, detail)} for any project error, except gas exhaustion, which the SDK
   * raises as a panic that no handler wraps: out-of-gas and gas-overflow errors pass through as is.
   */
  public static RuntimeException wrap(Wasm08Exception e, String detail) {
    if (e instanceof io.wasm08.store.OutOfGasException
        || e instanceof io.wasm08.store.GasOverflowException) {
      return e;
    }
    return of(e).wrap(detail);
  }

  /**
   * Lifts any project error into an IbcException with the same code and message, so handlers can
   * wrap errors raised by lower modules (store, proofs) uniformly.
   */
  public static IbcException of(Wasm08Exception e) {
    if (e instanceof IbcException ibc) {
      return ibc;
    }
    return new IbcException(e.errorCode(), e.detail(), e.getMessage(), e, false);
  }
}
