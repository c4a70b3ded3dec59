package io.wasm08.wasm.keeper;

import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryChecksumsResponse;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import ibc.lightclients.wasm.v1.QueryCodeResponse;
import ibc.lightclients.wasm.v1.QueryGrpc;
import io.grpc.stub.StreamObserver;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.query.QueryServing;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The gRPC face of {@link WasmQueryServer} (no transport code): each call runs on a fresh query
 * context; status errors pass through, other project errors become {@code UNKNOWN} with their text.
 */
public final class WasmQueryService extends QueryGrpc.QueryImplBase {
  private final WasmQueryServer server;
  private final Supplier<BlockContext> queryContext;

  public WasmQueryService(WasmQueryServer server, Supplier<BlockContext> queryContext) {
    this.server = Objects.requireNonNull(server, "server");
    this.queryContext = Objects.requireNonNull(queryContext, "queryContext");
  }

  @Override
  public void checksums(
      QueryChecksumsRequest request, StreamObserver<QueryChecksumsResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::checksums);
  }

  @Override
  public void code(QueryCodeRequest request, StreamObserver<QueryCodeResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::code);
  }
}
