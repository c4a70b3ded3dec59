package io.wasm08.core.query;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs one unary query of a module's gRPC Query service on a fresh query context: status errors
 * pass through; other project errors become {@code UNKNOWN} with the error text, as gRPC-Go reports
 * a handler's non-status error.
 */
public final class QueryServing {
  private QueryServing() {}

  public static <Q, R> void serve(
      Supplier<BlockContext> queryContext,
      Q request,
      StreamObserver<R> observer,
      BiFunction<BlockContext, Q, R> handler) {
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
