package io.wasm08.spectests;

import io.wasm08.common.ErrorCode;

/**
 * How a conformance check reports. Our own codespace: these never reach a chain; the report shows
 * their detail only.
 */
public enum ConformanceErrorCode implements ErrorCode {
  /** The subject did not behave as the expectation says: the case fails with this detail. */
  MISMATCH(1, "conformance expectation not met"),
  /** The case does not apply to this input: it is skipped with this detail as the reason. */
  NOT_APPLICABLE(2, "not applicable"),
  /** A suite's input (folder, contract, expectations file) is unusable: the suite fails. */
  BAD_INPUT(3, "unusable conformance input");

  private final int code;
  private final String message;

  ConformanceErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return "conformance";
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
