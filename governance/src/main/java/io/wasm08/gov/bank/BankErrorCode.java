package io.wasm08.gov.bank;

import io.wasm08.core.errors.IbcError;

/**
 * x/bank's registered errors (codespace {@code "bank"}, SDK v0.50) that this minimal bank raises.
 */
public enum BankErrorCode implements IbcError {
  /** {@code ErrSendDisabled}. */
  SEND_DISABLED(5, "send transactions are disabled");

  public static final String CODESPACE = "bank";

  private final int code;
  private final String message;

  BankErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return CODESPACE;
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
