package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ibc-go's {@code AcceptListStargateQuerier}: only paths on the accept list — {@code
 * /ibc.core.client.v1.Query/VerifyMembership} plus the configured ones — are routed; others are
 * {@code UnsupportedRequest}; a missing route is {@code UnsupportedRequest}, a nil answer {@code
 * InvalidResponse}. The answer is the raw protobuf response (not JSON, unlike x/wasm).
 */
public final class AcceptListStargateQuerier implements StargateQuerier {
  /** {@code defaultAcceptList}. */
  public static final List<String> DEFAULT_ACCEPT_LIST =
      List.of("/ibc.core.client.v1.Query/VerifyMembership");

  private final List<String> acceptList;
  private final QueryRouter router;

  public AcceptListStargateQuerier(List<String> additionalPaths, QueryRouter router) {
    List<String> all = new ArrayList<>(DEFAULT_ACCEPT_LIST);
    all.addAll(additionalPaths);
    this.acceptList = List.copyOf(all);
    this.router = Objects.requireNonNull(router, "router");
  }

  public List<String> acceptList() {
    return acceptList;
  }

  @Override
  public Bytes query(BlockContext ctx, QueryRequest.Stargate request) {
    if (!acceptList.contains(request.path())) {
      throw SystemErrorException.unsupported(
          "'" + request.path() + "' path is not allowed from the contract");
    }
    QueryRouter.Route route =
        router
            .route(request.path())
            .orElseThrow(
                () ->
                    SystemErrorException.unsupported("No route to query '" + request.path() + "'"));
    Bytes data = request.data() == null ? Bytes.EMPTY : request.data();
    Bytes answer = route.handle(ctx, data);
    if (answer == null) {
      throw new SystemErrorException(
          new SystemError.InvalidResponse("Query response is empty", null));
    }
    return answer;
  }
}
