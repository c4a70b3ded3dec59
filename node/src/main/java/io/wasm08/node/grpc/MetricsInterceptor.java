package io.wasm08.node.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.wasm08.node.metrics.NodeMetrics;

/** Counts every gRPC call by full method name and status code, with its latency. */
final class MetricsInterceptor implements ServerInterceptor {
  private final NodeMetrics metrics;

  MetricsInterceptor(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    return next.startCall(
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            metrics.grpc(
                method,
                status.getCode().name(),
                java.time.Duration.ofNanos(System.nanoTime() - start));
            super.close(status, trailers);
          }
        },
        headers);
  }
}
