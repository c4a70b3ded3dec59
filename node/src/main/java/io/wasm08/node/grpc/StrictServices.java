package io.wasm08.node.grpc;

import com.google.protobuf.Descriptors;
import cosmos.msg.v1.Msg;
import io.grpc.BindableService;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import java.io.InputStream;
import java.util.Optional;

/**
 * How the node mounts a module's service: never a Msg service, and with request decoding that
 * answers {@code INVALID_ARGUMENT} for malformed protobuf (grpc-java's own marshaller reports it as
 * {@code INTERNAL}, which would look like a node fault).
 */
public final class StrictServices {
  private StrictServices() {}

  /**
   * The service's definition with strict request decoding. Throws {@link IllegalArgumentException}
   * for a service marked {@code (cosmos.msg.v1.service) = true}: Msg services travel inside signed
   * transactions and must never be reachable directly.
   */
  public static ServerServiceDefinition mount(BindableService service) {
    return mount(service.bindService());
  }

  public static ServerServiceDefinition mount(ServerServiceDefinition definition) {
    ServiceDescriptor descriptor = definition.getServiceDescriptor();
    protoDescriptor(descriptor)
        .filter(d -> d.getOptions().getExtension(Msg.service))
        .ifPresent(
            d -> {
              throw new IllegalArgumentException(
                  d.getFullName()
                      + " is a Msg service (cosmos.msg.v1.service): it is reached through signed"
                      + " transactions only, never served over gRPC");
            });
    java.util.List<ServerMethodDefinition<?, ?>> methods = new java.util.ArrayList<>();
    ServiceDescriptor.Builder strictDescriptor =
        ServiceDescriptor.newBuilder(descriptor.getName())
            .setSchemaDescriptor(descriptor.getSchemaDescriptor());
    for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
      ServerMethodDefinition<?, ?> strict = strict(method);
      methods.add(strict);
      strictDescriptor.addMethod(strict.getMethodDescriptor());
    }
    ServerServiceDefinition.Builder builder =
        ServerServiceDefinition.builder(strictDescriptor.build());
    methods.forEach(builder::addMethod);
    return builder.build();
  }

  /** The protobuf descriptor of a generated service, if it has one. */
  public static Optional<Descriptors.ServiceDescriptor> protoDescriptor(
      ServiceDescriptor descriptor) {
    if (descriptor.getSchemaDescriptor() instanceof ProtoServiceDescriptorSupplier s) {
      return Optional.of(s.getServiceDescriptor());
    }
    return Optional.empty();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> strict(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor<Q, R> strict =
        original.toBuilder()
            .setRequestMarshaller(new GuardedMarshaller<>(original.getRequestMarshaller()))
            .build();
    ServerCallHandler<Q, R> handler = method.getServerCallHandler();
    ServerCallHandler<Q, R> guarded =
        (call, headers) ->
            new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(
                handler.startCall(call, headers)) {
              private boolean closed;

              @Override
              public void onMessage(Q message) {
                if (message instanceof Malformed m) {
                  closed = true;
                  call.close(m.status(), new Metadata());
                  return;
                }
                super.onMessage(message);
              }

              @Override
              public void onHalfClose() {
                if (closed) {
                  return;
                }
                try {
                  super.onHalfClose();
                } catch (io.wasm08.common.Wasm08Exception e) {
                  // A query before the first block: the client should retry, not see UNKNOWN.
                  if (!e.is(io.wasm08.node.NodeErrorCode.UNAVAILABLE)) {
                    throw e;
                  }
                  closed = true;
                  call.close(Status.UNAVAILABLE.withDescription(e.getMessage()), new Metadata());
                }
              }
            };
    return ServerMethodDefinition.create(strict, guarded);
  }

  /**
   * What a request that failed to parse becomes: grpc-java would report a marshaller exception as
   * {@code UNKNOWN}, so the marshaller hands this marker to the guarded handler instead, which
   * closes the call with {@code INVALID_ARGUMENT}.
   */
  private record Malformed(Status status) {}

  /** Parse failures become a {@link Malformed} marker; everything else is delegated. */
  private record GuardedMarshaller<T>(MethodDescriptor.Marshaller<T> delegate)
      implements MethodDescriptor.Marshaller<T>, MethodDescriptor.PrototypeMarshaller<T> {
    @Override
    public InputStream stream(T value) {
      return delegate.stream(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T parse(InputStream stream) {
      try {
        return delegate.parse(stream);
      } catch (StatusRuntimeException e) {
        Status status = e.getStatus();
        String detail = status.getDescription();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
          detail = detail + ": " + cause.getMessage();
        }
        return (T)
            new Malformed(Status.INVALID_ARGUMENT.withDescription("malformed request: " + detail));
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getMessagePrototype() {
      return delegate instanceof MethodDescriptor.PrototypeMarshaller<?> p
          ? (T) p.getMessagePrototype()
          : null;
    }

    @Override
    public Class<T> getMessageClass() {
      return delegate instanceof MethodDescriptor.PrototypeMarshaller<T> p
          ? p.getMessageClass()
          : null;
    }
  }
}
