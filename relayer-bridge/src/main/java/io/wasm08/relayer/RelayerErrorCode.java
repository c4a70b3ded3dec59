package io.wasm08.relayer;

import io.wasm08.common.ErrorCode;

/**
 * Errors of the relayer bridge (codespace {@code relayer}). They never reach a chain, so the codes
 * are ours; the split follows what a caller does next: retry (transport, timeout, HTTP status),
 * distrust the node (error answer, malformed or inconsistent answer, verification failure, attack),
 * or fix its own input.
 */
public enum RelayerErrorCode implements ErrorCode {
  RPC_TRANSPORT(1, "rpc transport failure"),
  RPC_TIMEOUT(2, "rpc request timed out"),
  RPC_HTTP_STATUS(3, "rpc node answered with an http error status"),
  RPC_ERROR_RESPONSE(4, "rpc node returned an error"),
  RPC_MALFORMED_RESPONSE(5, "malformed rpc response"),
  RPC_INCONSISTENT_RESPONSE(6, "inconsistent rpc response"),
  INVALID_LIGHT_BLOCK(7, "invalid light block"),
  VERIFICATION_FAILED(8, "light block verification failed"),
  LIGHT_CLIENT_ATTACK(9, "light client attack detected"),
  WITNESS_CROSS_CHECK_FAILED(10, "failed to cross-check the header with any witness"),
  INVALID_OPTIONS(11, "invalid light client options"),
  INVALID_PROOF(12, "invalid proof"),
  INVALID_HEADER_INPUT(13, "invalid input for header building"),
  INVALID_CONFIG(14, "invalid relayer configuration"),
  DESTINATION_UNAVAILABLE(15, "destination chain unavailable"),
  DESTINATION_REJECTED(16, "destination rejected the request"),
  TX_REJECTED(17, "transaction rejected"),
  TX_FAILED(18, "transaction failed"),
  TX_TIMEOUT(19, "transaction not committed in time"),
  TRUST_ROOT_MISMATCH(20, "source block does not match the client's consensus state"),
  QUORUM_NOT_REACHED(21, "update executions disagree"),
  EXECUTOR_FAILED(22, "update executor failed"),
  CLIENT_NOT_RELAYABLE(23, "client cannot be relayed"),
  DESTINATION_MALFORMED_RESPONSE(24, "malformed destination response"),
  INVALID_VECTOR_FILE(25, "unusable light-client vector file");

  private final int code;
  private final String message;

  RelayerErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return "relayer";
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
