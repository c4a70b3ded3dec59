package io.wasm08.proofs;

import io.wasm08.common.ErrorCode;

/**
 * Why an ICS-23 proof was rejected. cosmos/ics23 returns plain Go errors without registered codes,
 * so the codespace {@code "ics23"} and these numbers are ours; the exact upstream error text is the
 * {@link ProofException}'s message. ibc-go wraps any of them into {@code commitment} code 2 ({@code
 * ErrInvalidProof}), see {@link io.wasm08.proofs.commitment.CommitmentErrorCode}.
 */
public enum ProofErrorCode implements ErrorCode {
  /** The bytes are not a protobuf encoding of the expected message. */
  INVALID_ENCODING(1, "invalid proof encoding"),
  /** The proof is structurally unusable: missing leaf, empty key/value/child, bad lookup index. */
  MALFORMED_PROOF(2, "malformed proof"),
  /** A hash or length operation that cannot be computed (unknown number, VAR_RLP, wrong size). */
  UNSUPPORTED_OPERATION(3, "unsupported operation"),
  /** The proof's ops do not have the shape the spec demands (incl. the IAVL/Tendermint checks). */
  SPEC_MISMATCH(4, "proof does not match spec"),
  /** The spec itself is unusable (nil parts, child size, prefix bounds, child order). */
  INVALID_SPEC(5, "invalid proof spec"),
  /** The proof is for another key. */
  KEY_MISMATCH(6, "key mismatch"),
  /** The proof is for another value. */
  VALUE_MISMATCH(7, "value mismatch"),
  /** The proof hashes to another root. */
  ROOT_MISMATCH(8, "root mismatch"),
  /** A non-existence proof whose neighbours do not enclose the key or are not adjacent. */
  NOT_NEIGHBOURS(9, "invalid non-existence range"),
  /** The proof does not contain a proof of the kind asked for (e.g. no existence proof for key). */
  NO_PROOF_FOR_KEY(10, "no matching proof");

  private final int code;
  private final String message;

  ProofErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return "ics23";
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
