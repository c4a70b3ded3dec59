package io.wasm08.relayer.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.auth.v1beta1.Auth.BaseAccount;
import cosmos.auth.v1beta1.Auth.ModuleAccount;
import cosmos.auth.v1beta1.QueryOuterClass.Bech32PrefixRequest;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountRequest;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.tx.v1beta1.ServiceGrpc;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastMode;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateResponse;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateRequest;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.RelayerErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link Destination} over a gRPC channel to a node (plaintext; the node listens on loopback by
 * default). Every call has a deadline; NOT_FOUND becomes an empty answer, UNAVAILABLE and
 * DEADLINE_EXCEEDED {@link RelayerErrorCode#DESTINATION_UNAVAILABLE}, anything else a rejected
 * request with the node's status text.
 */
public final class GrpcDestination implements Destination {
  private final ManagedChannel channel;
  private final String chainId;
  private final Duration deadline;
  private volatile String prefix;

  public GrpcDestination(ManagedChannel channel, String chainId, Duration deadline) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.chainId = Objects.requireNonNull(chainId, "chainId");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /** A plaintext channel to {@code host:port}. */
  public static GrpcDestination connect(String target, String chainId) {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(target)
            .usePlaintext()
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
    return new GrpcDestination(channel, chainId, Duration.ofSeconds(30));
  }

  public ManagedChannel channel() {
    return channel;
  }

  @Override
  public String chainId() {
    return chainId;
  }

  @Override
  public String bech32Prefix() {
    if (prefix == null) {
      prefix =
          call(
              "Bech32Prefix",
              () ->
                  cosmos.auth.v1beta1.QueryGrpc.newBlockingStub(channel)
                      .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                      .bech32Prefix(Bech32PrefixRequest.getDefaultInstance())
                      .getBech32Prefix());
    }
    return prefix;
  }

  @Override
  public Optional<ClientStateAnswer> clientState(String clientId) {
    return optional(
        "ClientState",
        () -> {
          QueryClientStateResponse r =
              ibc.core.client.v1.QueryGrpc.newBlockingStub(channel)
                  .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                  .clientState(QueryClientStateRequest.newBuilder().setClientId(clientId).build());
          if (!r.hasClientState()) {
            throw RelayerErrorCode.DESTINATION_MALFORMED_RESPONSE.wrap(
                "ClientState answer for " + clientId + " has no client state");
          }
          return new ClientStateAnswer(r.getClientState(), Height.fromProto(r.getProofHeight()));
        });
  }

  @Override
  public Optional<Any> consensusState(String clientId, Height height) {
    return optional(
        "ConsensusState",
        () ->
            ibc.core.client.v1.QueryGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .consensusState(
                    QueryConsensusStateRequest.newBuilder()
                        .setClientId(clientId)
                        .setRevisionNumber(height.revisionNumber())
                        .setRevisionHeight(height.revisionHeight())
                        .build())
                .getConsensusState());
  }

  @Override
  public Bytes code(Bytes checksum) {
    return call(
        "Code",
        () ->
            Bytes.wrapOwned(
                ibc.lightclients.wasm.v1.QueryGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .code(QueryCodeRequest.newBuilder().setChecksum(checksum.toHex()).build())
                    .getData()
                    .toByteArray()));
  }

  @Override
  public Optional<Account> account(String address) {
    return optional(
        "Account",
        () -> {
          Any any =
              cosmos.auth.v1beta1.QueryGrpc.newBlockingStub(channel)
                  .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                  .account(QueryAccountRequest.newBuilder().setAddress(address).build())
                  .getAccount();
          try {
            BaseAccount base =
                any.getTypeUrl().endsWith("ModuleAccount")
                    ? ModuleAccount.parseFrom(any.getValue()).getBaseAccount()
                    : BaseAccount.parseFrom(any.getValue());
            return new Account(base.getAccountNumber(), base.getSequence());
          } catch (InvalidProtocolBufferException e) {
            throw RelayerErrorCode.DESTINATION_MALFORMED_RESPONSE.wrap(
                "undecodable account " + any.getTypeUrl() + ": " + e.getMessage(), e);
          }
        });
  }

  @Override
  public long simulate(Bytes txBytes) {
    return call(
        "Simulate",
        () ->
            ServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .simulate(SimulateRequest.newBuilder().setTxBytes(bytes(txBytes)).build())
                .getGasInfo()
                .getGasUsed());
  }

  @Override
  public TxResponse broadcastSync(Bytes txBytes) {
    return call(
        "BroadcastTx",
        () ->
            ServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .broadcastTx(
                    BroadcastTxRequest.newBuilder()
                        .setTxBytes(bytes(txBytes))
                        .setMode(BroadcastMode.BROADCAST_MODE_SYNC)
                        .build())
                .getTxResponse());
  }

  @Override
  public Optional<TxResponse> getTx(String hash) {
    return optional(
        "GetTx",
        () ->
            ServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .getTx(GetTxRequest.newBuilder().setHash(hash).build())
                .getTxResponse());
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.shutdownNow();
    }
  }

  private static ByteString bytes(Bytes b) {
    return ByteString.copyFrom(b.asReadOnlyByteBuffer());
  }

  private static <T> Optional<T> optional(String method, Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw translate(method, e);
    }
  }

  private static <T> T call(String method, Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw translate(method, e);
    }
  }

  private static Wasm08Exception translate(String method, StatusRuntimeException e) {
    Status s = e.getStatus();
    String detail =
        method + ": " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    return switch (s.getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED ->
          RelayerErrorCode.DESTINATION_UNAVAILABLE.wrap(detail, e);
      default -> RelayerErrorCode.DESTINATION_REJECTED.wrap(detail, e);
    };
  }
}
