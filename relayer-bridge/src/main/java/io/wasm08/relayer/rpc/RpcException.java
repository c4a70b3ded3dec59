package io.wasm08.relayer.rpc;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;

/**
 * A failed RPC call. {@link #errorCode()} classifies it (transport, timeout, HTTP status, node
 * error, malformed or inconsistent answer); the node's own JSON-RPC error and the HTTP status are
 * kept when there were any.
 */
public final class RpcException extends Wasm08Exception {
  private final String method;
  private final String reason;
  private final int httpStatus;
  private final Integer rpcCode;
  private final String rpcMessage;
  private final String rpcData;

  RpcException(
      RelayerErrorCode code,
      String method,
      String detail,
      int httpStatus,
      Integer rpcCode,
      String rpcMessage,
      String rpcData,
      Throwable cause) {
    super(code, method + ": " + detail, cause);
    this.method = method;
    this.reason = detail;
    this.httpStatus = httpStatus;
    this.rpcCode = rpcCode;
    this.rpcMessage = rpcMessage;
    this.rpcData = rpcData;
  }

  static RpcException of(RelayerErrorCode code, String method, String detail) {
    return new RpcException(code, method, detail, 0, null, null, null, null);
  }

  static RpcException of(RelayerErrorCode code, String method, String detail, Throwable cause) {
    return new RpcException(code, method, detail, 0, null, null, null, cause);
  }

  /** The RPC method called ({@code commit}, {@code validators}…). */
  public String method() {
    return method;
  }

  /** What went wrong, without the method prefix of {@link #detail()}. */
  public String reason() {
    return reason;
  }

  /** The HTTP status of the answer, 0 when none arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The JSON-RPC error code the node returned, or null. */
  public Integer rpcCode() {
    return rpcCode;
  }

  public String rpcMessage() {
    return rpcMessage;
  }

  /** The node's error detail ({@code error.data}), e.g. "height 12 must be less than or equal…". */
  public String rpcData() {
    return rpcData;
  }

  /** Worth retrying: the answer was missing, not wrong. */
  public boolean isTransient() {
    return is(RelayerErrorCode.RPC_TRANSPORT)
        || is(RelayerErrorCode.RPC_TIMEOUT)
        || (is(RelayerErrorCode.RPC_HTTP_STATUS) && (httpStatus >= 500 || httpStatus == 429));
  }
}
