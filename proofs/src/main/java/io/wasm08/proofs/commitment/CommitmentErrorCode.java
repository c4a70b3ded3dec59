package io.wasm08.proofs.commitment;

import io.wasm08.common.ErrorCode;

/** ibc-go {@code modules/core/23-commitment/types/errors.go}: codespace "commitment". */
public enum CommitmentErrorCode implements ErrorCode {
  /** {@code ErrInvalidProof}. */
  INVALID_PROOF(2, "invalid proof"),
  /** {@code ErrInvalidPrefix}. */
  INVALID_PREFIX(3, "invalid prefix"),
  /** {@code ErrInvalidMerkleProof}. */
  INVALID_MERKLE_PROOF(4, "invalid merkle proof");

  /** ibc-go's {@code SubModuleName}. */
  public static final String CODESPACE = "commitment";

  private final int code;
  private final String message;

  CommitmentErrorCode(int code, String message) {
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
