package io.wasm08.node.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Unary gRPC calls with raw request bytes: what no generated stub would send. */
public final class RawGrpc {
  private RawGrpc() {}

  public static final MethodDescriptor.Marshaller<byte[]> RAW =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  /** Calls {@code fullMethod} and returns the error it must answer with. */
  public static StatusRuntimeException refusal(Channel channel, String fullMethod, byte[] request) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(fullMethod)
            .setRequestMarshaller(RAW)
            .setResponseMarshaller(RAW)
            .build();
    try {
      ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, request);
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError(fullMethod + " answered");
  }
}
