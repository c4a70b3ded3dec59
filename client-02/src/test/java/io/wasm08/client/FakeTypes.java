package io.wasm08.client;

import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.ConsensusState;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.errors.ClientErrorCode;
import wasm08.testing.fake.v1.Fake;

/**
 * The FakeLightClient's decoded types and their {@link AnyCodec} registration. The fake reports
 * {@link #CLIENT_TYPE} ("07-tendermint"), so ibc-go's test expectations, which name Tendermint
 * clients, apply verbatim.
 */
public final class FakeTypes {
  private FakeTypes() {}

  public static final String CLIENT_TYPE = "07-tendermint";

  public record FakeClientState(Fake.ClientState proto) implements ClientState {
    @Override
    public String clientType() {
      return CLIENT_TYPE;
    }

    @Override
    public void validate() {
      if (proto.getChainId().isBlank()) {
        throw ClientErrorCode.INVALID_CLIENT.wrap("chain id cannot be empty string");
      }
      if (Height.fromProto(proto.getLatestHeight()).isZero()) {
        throw ClientErrorCode.INVALID_CLIENT.wrap("latest height cannot be zero");
      }
    }
  }

  public record FakeConsensusState(Fake.ConsensusState proto) implements ConsensusState {
    @Override
    public String clientType() {
      return CLIENT_TYPE;
    }

    @Override
    public long timestamp() {
      return proto.getTimestamp();
    }

    @Override
    public void validateBasic() {
      if (proto.getRoot().isEmpty()) {
        throw ClientErrorCode.INVALID_CONSENSUS.wrap("root cannot be empty");
      }
    }
  }

  public record FakeHeader(Fake.Header proto) implements ClientMessage {
    @Override
    public String clientType() {
      return CLIENT_TYPE;
    }

    @Override
    public void validateBasic() {
      if (Height.fromProto(proto.getHeight()).isZero()) {
        throw ClientErrorCode.INVALID_HEADER.wrap("header height cannot be zero");
      }
    }

    public Height height() {
      return Height.fromProto(proto.getHeight());
    }
  }

  /** A second client-state type whose client type differs, to exercise mismatch checks. */
  public record OtherClientState(String clientType) implements ClientState {
    @Override
    public void validate() {}
  }

  public static AnyCodec codec() {
    return AnyCodec.builder()
        .register(
            ClientInterfaces.CLIENT_STATE,
            AnyCodec.typeUrl(Fake.ClientState.getDescriptor()),
            v -> new FakeClientState(Fake.ClientState.parseFrom(v)))
        .register(
            ClientInterfaces.CONSENSUS_STATE,
            AnyCodec.typeUrl(Fake.ConsensusState.getDescriptor()),
            v -> new FakeConsensusState(Fake.ConsensusState.parseFrom(v)))
        .register(
            ClientInterfaces.CLIENT_MESSAGE,
            AnyCodec.typeUrl(Fake.Header.getDescriptor()),
            v -> new FakeHeader(Fake.Header.parseFrom(v)))
        // A solomachine-typed state (its bytes are ignored) for the type-mismatch cases.
        .register(
            ClientInterfaces.CLIENT_STATE,
            "/ibc.lightclients.solomachine.v3.ClientState",
            v -> new OtherClientState("06-solomachine"))
        .build();
  }

  public static Fake.ClientState clientState(String chainId, Height latest) {
    return Fake.ClientState.newBuilder()
        .setChainId(chainId)
        .setLatestHeight(latest.toProto())
        .build();
  }

  public static Fake.ConsensusState consensusState(long timestamp, String root) {
    return Fake.ConsensusState.newBuilder()
        .setTimestamp(timestamp)
        .setRoot(com.google.protobuf.ByteString.copyFromUtf8(root))
        .build();
  }

  public static FakeHeader header(Height height, long timestamp, String root) {
    return new FakeHeader(
        Fake.Header.newBuilder()
            .setHeight(height.toProto())
            .setTimestamp(timestamp)
            .setRoot(com.google.protobuf.ByteString.copyFromUtf8(root))
            .build());
  }
}
