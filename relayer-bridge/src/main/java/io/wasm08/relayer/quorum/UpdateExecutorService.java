package io.wasm08.relayer.quorum;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.v1.ExecuteRequest;
import io.wasm08.relayer.v1.ExecuteResponse;
import io.wasm08.relayer.v1.UpdateExecutorGrpc;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves one local executor to other relayers. Code arrives with a request (verified by checksum
 * when the executor loads it) and is kept; a request for a checksum the service has never been
 * given is answered NOT_FOUND, so peers send the code only once.
 */
public final class UpdateExecutorService extends UpdateExecutorGrpc.UpdateExecutorImplBase {
  private final Map<Bytes, Bytes> codes = new ConcurrentHashMap<>();
  private final UpdateExecutor executor;

  /** {@code factory} builds the served executor around this service's code cache. */
  public UpdateExecutorService(
      java.util.function.Function<java.util.function.Function<Bytes, Bytes>, UpdateExecutor>
          factory) {
    this.executor = Objects.requireNonNull(factory.apply(this::code), "executor");
  }

  private Bytes code(Bytes checksum) {
    Bytes code = codes.get(checksum);
    if (code == null) {
      throw new CodeMissing();
    }
    return code;
  }

  /** Thrown inside the code source when the peer must resend with the code. */
  private static final class CodeMissing extends RuntimeException {
    CodeMissing() {
      super("code not known", null, false, false);
    }
  }

  @Override
  public void execute(ExecuteRequest request, StreamObserver<ExecuteResponse> observer) {
    UpdateRequest update;
    try {
      update = ExecutorProtos.fromProto(request);
    } catch (IllegalArgumentException e) {
      observer.onError(
          Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    if (!request.getWasmByteCode().isEmpty()) {
      codes.putIfAbsent(update.checksum(), ExecutorProtos.bytes(request.getWasmByteCode()));
    }
    ExecutionResult result;
    try {
      result = executor.execute(update);
    } catch (CodeMissing e) {
      observer.onError(
          Status.NOT_FOUND
              .withDescription("no code for checksum " + update.checksum().toHex())
              .asRuntimeException());
      return;
    } catch (Wasm08Exception e) {
      codes.remove(update.checksum()); // wrong code for the checksum: forget it
      observer.onError(
          Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    observer.onNext(ExecutorProtos.toProto(executor.id(), result));
    observer.onCompleted();
  }

  public UpdateExecutor executor() {
    return executor;
  }
}
