package io.wasm08.wasm.keeper;

import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryChecksumsResponse;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import ibc.lightclients.wasm.v1.QueryCodeResponse;
import ibc.lightclients.wasm.v1.QueryGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import java.util.Objects;
import java.util.function.BiFunction;
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
    serve(request, observer, server::checksums);
  }

  @Override
  public void code(QueryCodeRequest request, StreamObserver<QueryCodeResponse> observer) {
    serve(request, observer, server::code);
  }

  private <Q, R> void serve(
      Q request, StreamObserver<R> observer, BiFunction<BlockContext, Q, R> handler) {
    R response;
    try {
      response = handler.apply(queryContext.get(), request);
    } catch (StatusRuntimeException e) {
      observer.onError(e);
      return;
    } catch (Wasm08Exception e) {
      observer.onError(Status.UNKNOWN.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }
}
