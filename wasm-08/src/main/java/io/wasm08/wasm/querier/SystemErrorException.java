package io.wasm08.wasm.querier;

import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import java.util.Objects;

/**
 * A query plugin's {@link SystemError}: returned to the contract unredacted (wasmvm {@code
 * ToSystemError}), never a tx error.
 */
public final class SystemErrorException extends Wasm08Exception {
  /** Not a registered Cosmos error: system errors only travel back into the contract. */
  enum Code implements ErrorCode {
    SYSTEM;

    @Override
    public String codespace() {
      return "wasmvm";
    }

    @Override
    public int code() {
      return 1;
    }

    @Override
    public String message() {
      return "system error";
    }
  }

  private final transient SystemError systemError;

  public SystemErrorException(SystemError systemError) {
    super(Code.SYSTEM, null, Objects.requireNonNull(systemError).message(), null);
    this.systemError = systemError;
  }

  public SystemError systemError() {
    return systemError;
  }

  public static SystemErrorException unsupported(String kind) {
    return new SystemErrorException(new SystemError.UnsupportedRequest(kind));
  }
}
