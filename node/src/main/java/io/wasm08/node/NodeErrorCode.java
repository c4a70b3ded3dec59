package io.wasm08.node;

import io.wasm08.common.ErrorCode;

/**
 * Errors of the node itself (configuration, keyring, files, client-side waits), codespace {@code
 * "node"}. Transaction and query failures use the SDK's and the modules' own codes.
 */
public enum NodeErrorCode implements ErrorCode {
  /** A configuration or genesis file is missing, unreadable or invalid. */
  INVALID_CONFIG(2, "invalid node configuration"),
  /** The home directory already holds a node (init refuses to overwrite it). */
  HOME_EXISTS(3, "node home already initialized"),
  /** A key with that name is not in the keyring. */
  KEY_NOT_FOUND(4, "key not found"),
  /** A key with that name is already in the keyring. */
  KEY_EXISTS(5, "key already exists"),
  /** The keyring file is unreadable or its content is invalid. */
  INVALID_KEYRING(6, "invalid keyring"),
  /** A mnemonic that is not valid BIP-39 English. */
  INVALID_MNEMONIC(7, "invalid mnemonic"),
  /** No passphrase could be obtained (no flag, no environment variable, no terminal). */
  NO_PASSPHRASE(8, "keyring passphrase required"),
  /** The node could not be reached or answered with a transport error. */
  UNAVAILABLE(9, "node unavailable"),
  /** A wait (tx inclusion, proposal outcome) ran out of time. */
  TIMEOUT(10, "timed out"),
  /** The data directory holds state the node cannot continue from. */
  INVALID_DATA(11, "invalid node data"),
  /** A transaction a client step needed was refused or failed (its codespace, code and log). */
  TX_FAILED(12, "transaction failed");

  public static final String CODESPACE = "node";

  private final int code;
  private final String message;

  NodeErrorCode(int code, String message) {
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
