package io.wasm08.relayer.quorum;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.wasm08.common.Bytes;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.v1.ExecuteResponse;
import io.wasm08.relayer.v1.UpdateExecutorGrpc;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An executor in another relayer process ({@code wasm08.relayer.v1.UpdateExecutor}): sends the
 * request without the code first; when the peer answers NOT_FOUND it resends with the code. The
 * peer's digest must match the result it sent (a peer cannot vote for something it did not show).
 */
public final class RemoteUpdateExecutor implements UpdateExecutor {
  private final String id;
  private final ManagedChannel channel;
  private final Function<Bytes, Bytes> codeSource;
  private final Duration deadline;

  public RemoteUpdateExecutor(
      String id, ManagedChannel channel, Function<Bytes, Bytes> codeSource, Duration deadline) {
    this.id = Objects.requireNonNull(id, "id");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.codeSource = Objects.requireNonNull(codeSource, "codeSource");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  public static RemoteUpdateExecutor connect(String target, Function<Bytes, Bytes> codeSource) {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(target)
            .usePlaintext()
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
    return new RemoteUpdateExecutor("remote-" + target, channel, codeSource, Duration.ofMinutes(2));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ExecutionResult execute(UpdateRequest request) {
    ExecuteResponse response;
    try {
      response = call(request, Bytes.EMPTY);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw failed(e);
      }
      try {
        response = call(request, codeSource.apply(request.checksum()));
      } catch (StatusRuntimeException again) {
        throw failed(again);
      }
    }
    ExecutionResult result = ExecutorProtos.fromProto(response);
    if (!result.digest().equals(ExecutorProtos.bytes(response.getDigest()))) {
      throw RelayerErrorCode.EXECUTOR_FAILED.wrap(
          id + " sent a digest that does not match its result");
    }
    return result;
  }

  private ExecuteResponse call(UpdateRequest request, Bytes code) {
    return UpdateExecutorGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .execute(ExecutorProtos.toProto(request, code));
  }

  private RuntimeException failed(StatusRuntimeException e) {
    return RelayerErrorCode.EXECUTOR_FAILED.wrap(
        id + ": " + e.getStatus().getCode() + " " + e.getStatus().getDescription(), e);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
