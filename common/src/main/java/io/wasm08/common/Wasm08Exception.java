package io.wasm08.common;

import java.util.Objects;

/**
 * The one unchecked error root of the project. Every failure a caller may handle carries an {@link
 * ErrorCode}; the message is rendered as Cosmos SDK {@code errorsmod.Wrap} renders it: {@code
 * "<detail>: <registered message>"}, or just the registered message without detail.
 */
public class Wasm08Exception extends RuntimeException {
  private final transient ErrorCode errorCode;
  private final String detail;

  public Wasm08Exception(ErrorCode errorCode, String detail, Throwable cause) {
    super(render(errorCode, detail), cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.detail = detail;
  }

  /**
   * For errors whose upstream text is not in {@code errorsmod.Wrap} form (e.g. the CosmWasm VM's
   * Display strings): the message is given in full.
   */
  protected Wasm08Exception(ErrorCode errorCode, String detail, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.detail = detail;
  }

  public Wasm08Exception(ErrorCode errorCode, String detail) {
    this(errorCode, detail, null);
  }

  public Wasm08Exception(ErrorCode errorCode) {
    this(errorCode, null, null);
  }

  static String render(ErrorCode code, String detail) {
    return detail == null || detail.isEmpty() ? code.message() : detail + ": " + code.message();
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public String codespace() {
    return errorCode.codespace();
  }

  public int code() {
    return errorCode.code();
  }

  /** The wrapping detail, or {@code null} when the error was raised unwrapped. */
  public String detail() {
    return detail;
  }

  /**
   * True when this error carries {@code code} (the SDK's {@code errors.Is} for registered errors).
   */
  public boolean is(ErrorCode code) {
    return errorCode.equals(code);
  }

  /** Wraps this error once more, keeping its code: {@code "<detail>: <this message>"}. */
  public Wasm08Exception wrap(String outerDetail) {
    String combined = detail == null ? outerDetail : outerDetail + ": " + detail;
    return new Wasm08Exception(errorCode, combined, getCause());
  }
}
