package io.wasm08.proofs;

import io.wasm08.common.Wasm08Exception;

/**
 * An ICS-23 verification failure. Its message is exactly the error text cosmos/ics23 (Go) returns
 * for the same input, including the context prefixes Go adds with {@code fmt.Errorf("leaf, %w")},
 * so ibc-go's wrapped messages and the upstream test tables can be compared byte for byte.
 */
public final class ProofException extends Wasm08Exception {
  ProofException(ProofErrorCode code, String goMessage) {
    super(code, goMessage, goMessage, null);
  }

  ProofException(ProofErrorCode code, String goMessage, Throwable cause) {
    super(code, goMessage, goMessage, cause);
  }

  static ProofException of(ProofErrorCode code, String format, Object... args) {
    return new ProofException(
        code, args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args));
  }

  @Override
  public ProofErrorCode errorCode() {
    return (ProofErrorCode) super.errorCode();
  }

  /** Go's {@code fmt.Errorf("<context>, %w", err)}: same code, message prefixed. */
  public ProofException within(String context) {
    return new ProofException(errorCode(), context + ", " + getMessage(), getCause());
  }

  /** Wraps as errorsmod would ({@code "<outer>: <message>"}), keeping the code and the type. */
  @Override
  public ProofException wrap(String outerDetail) {
    return new ProofException(errorCode(), outerDetail + ": " + getMessage(), getCause());
  }
}
