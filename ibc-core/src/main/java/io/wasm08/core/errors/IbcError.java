package io.wasm08.core.errors;

import io.wasm08.common.ErrorCode;

/**
 * A registered error of ibc-core or a module above it. Raising one yields an {@link IbcException},
 * so callers handle IBC failures with one type while the (codespace, code) pair stays ibc-go's.
 */
public interface IbcError extends ErrorCode {

  @Override
  default IbcException error() {
    return new IbcException(this, null, null);
  }

  @Override
  default IbcException wrap(String detail) {
    return IbcException.wrapped(this, detail, null);
  }

  @Override
  default IbcException wrap(String detail, Throwable cause) {
    return IbcException.wrapped(this, detail, cause);
  }

  /** {@code errorsmod.Wrapf}: formats the detail with {@link String#format}, then wraps. */
  default IbcException wrapf(String format, Object... args) {
    return IbcException.wrapped(this, String.format(format, args), null);
  }
}
