package io.wasm08.relayer.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach a CometBFT RPC endpoint.
 *
 * @param endpoint base URI, e.g. {@code http://127.0.0.1:26657}
 * @param validatorsPerPage page size for {@code /validators} (CometBFT caps it at 100)
 */
public record RpcClientConfig(
    URI endpoint,
    RpcDialect dialect,
    RpcTransport transport,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    int validatorsPerPage) {

  public static final int MAX_PER_PAGE = 100;

  public RpcClientConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    if (validatorsPerPage < 1 || validatorsPerPage > MAX_PER_PAGE) {
      throw new IllegalArgumentException(
          "validatorsPerPage must be within 1.." + MAX_PER_PAGE + ", got " + validatorsPerPage);
    }
    String scheme = endpoint.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("endpoint must be http(s), got " + endpoint);
    }
  }

  /** JSON-RPC POST on the legacy routes, 5 s connect / 10 s request timeouts, default retries. */
  public static RpcClientConfig of(URI endpoint) {
    return new RpcClientConfig(
        endpoint,
        RpcDialect.LEGACY,
        RpcTransport.JSON_RPC_POST,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        RetryPolicy.DEFAULT,
        MAX_PER_PAGE);
  }

  public RpcClientConfig withDialect(RpcDialect d) {
    return new RpcClientConfig(
        endpoint, d, transport, connectTimeout, requestTimeout, retry, validatorsPerPage);
  }

  public RpcClientConfig withTransport(RpcTransport t) {
    return new RpcClientConfig(
        endpoint, dialect, t, connectTimeout, requestTimeout, retry, validatorsPerPage);
  }

  public RpcClientConfig withTimeouts(Duration connect, Duration request) {
    return new RpcClientConfig(
        endpoint, dialect, transport, connect, request, retry, validatorsPerPage);
  }

  public RpcClientConfig withRetry(RetryPolicy r) {
    return new RpcClientConfig(
        endpoint, dialect, transport, connectTimeout, requestTimeout, r, validatorsPerPage);
  }

  public RpcClientConfig withValidatorsPerPage(int perPage) {
    return new RpcClientConfig(
        endpoint, dialect, transport, connectTimeout, requestTimeout, retry, perPage);
  }
}
