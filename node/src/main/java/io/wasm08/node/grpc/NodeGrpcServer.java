package io.wasm08.node.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.metrics.NodeMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The node's one gRPC server (grpc-java on shaded Netty, 127.0.0.1 by default): the modules' Query
 * services and the tx Service, mounted through {@link StrictServices}, plus {@code
 * grpc.health.v1.Health} and {@code grpc.reflection.v1} reflection. The same services are also
 * served in-process for the REST gateway, so both transports run identical code.
 */
public final class NodeGrpcServer implements AutoCloseable {
  /** Room for a 3 MiB contract inside a transaction, with headroom. */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final Server server;
  private final Server inProcess;
  private final ManagedChannel inProcessChannel;
  private final HealthStatusManager health;

  private NodeGrpcServer(
      Server server, Server inProcess, ManagedChannel channel, HealthStatusManager health) {
    this.server = server;
    this.inProcess = inProcess;
    this.inProcessChannel = channel;
    this.health = health;
  }

  /** Binds {@code address} (port 0 picks a free port) and starts serving {@code services}. */
  public static NodeGrpcServer start(
      InetSocketAddress address, List<ServerServiceDefinition> services, NodeMetrics metrics) {
    HealthStatusManager health = new HealthStatusManager();
    MetricsInterceptor interceptor = new MetricsInterceptor(metrics);
    NettyServerBuilder netty =
        NettyServerBuilder.forAddress(address).maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES);
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder local =
        InProcessServerBuilder.forName(name).maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES);
    for (ServerServiceDefinition service : services) {
      ServerServiceDefinition metered = ServerInterceptors.intercept(service, interceptor);
      netty.addService(metered);
      local.addService(metered);
      health.setStatus(
          service.getServiceDescriptor().getName(),
          io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    }
    netty.addService(health.getHealthService());
    netty.addService(ProtoReflectionServiceV1.newInstance());
    Server server;
    Server inProcess;
    try {
      server = netty.build().start();
      inProcess = local.build().start();
    } catch (IOException e) {
      throw NodeErrorCode.UNAVAILABLE.wrap(
          "cannot bind the gRPC server to " + address + ": " + e.getMessage(), e);
    }
    health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    ManagedChannel channel =
        InProcessChannelBuilder.forName(name)
            .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
            .build();
    return new NodeGrpcServer(server, inProcess, channel, health);
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** A channel to the same services without a network hop (REST gateway, embedded clients). */
  public ManagedChannel inProcessChannel() {
    return inProcessChannel;
  }

  /** Marks the node unhealthy (e.g. while shutting down or after a fatal block error). */
  public void notServing() {
    health.enterTerminalState();
  }

  @Override
  public void close() {
    health.enterTerminalState();
    inProcessChannel.shutdown();
    server.shutdown();
    inProcess.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
      inProcess.awaitTermination(5, TimeUnit.SECONDS);
      inProcessChannel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
  }
}
