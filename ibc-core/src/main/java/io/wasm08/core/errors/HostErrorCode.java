package io.wasm08.core.errors;

/** ICS-24 host errors ({@code modules/core/24-host/errors.go}), codespace {@code "host"}. */
public enum HostErrorCode implements IbcError {
  /** {@code ErrInvalidID}. */
  INVALID_ID("host", 2, "invalid identifier"),
  /** {@code ErrInvalidPath}. */
  INVALID_PATH("host", 3, "invalid path"),
  /** {@code ErrInvalidPacket}. */
  INVALID_PACKET("host", 4, "invalid packet");

  public static final String CODESPACE = "host";

  private final String codespace;
  private final int code;
  private final String message;

  HostErrorCode(String codespace, int code, String message) {
    this.codespace = codespace;
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return codespace;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String message() {
    return message;
  }
}
