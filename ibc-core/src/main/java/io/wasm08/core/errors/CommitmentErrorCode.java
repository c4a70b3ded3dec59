package io.wasm08.core.errors;

/**
 * ICS-23 commitment errors ({@code modules/core/23-commitment/types/errors.go}), codespace {@code
 * "commitment"}.
 */
public enum CommitmentErrorCode implements IbcError {
  /** {@code ErrInvalidProof}. */
  INVALID_PROOF("commitment", 2, "invalid proof"),
  /** {@code ErrInvalidPrefix}. */
  INVALID_PREFIX("commitment", 3, "invalid prefix"),
  /** {@code ErrInvalidMerkleProof}. */
  INVALID_MERKLE_PROOF("commitment", 4, "invalid merkle proof");

  public static final String CODESPACE = "commitment";

  private final String codespace;
  private final int code;
  private final String message;

  CommitmentErrorCode(String codespace, int code, String message) {
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
