package io.wasm08.wasm.types;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.client.ConsensusState;
import java.util.Objects;

/** {@code ibc.lightclients.wasm.v1.ConsensusState}: opaque to the host. */
public record WasmConsensusState(Bytes data) implements ConsensusState {
  public static final String TYPE_URL = "/ibc.lightclients.wasm.v1.ConsensusState";

  public WasmConsensusState {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String clientType() {
    return ClientTypes.WASM;
  }

  /** Always 0: core asks the contract ({@code TimestampAtHeight}) instead. */
  @Override
  public long timestamp() {
    return 0;
  }

  @Override
  public void validateBasic() {
    if (data.isEmpty()) {
      throw WasmErrorCode.INVALID_DATA.wrap("data cannot be empty");
    }
  }

  public ibc.lightclients.wasm.v1.ConsensusState toProto() {
    return ibc.lightclients.wasm.v1.ConsensusState.newBuilder()
        .setData(ByteString.copyFrom(data.toByteArray()))
        .build();
  }

  public Bytes marshal() {
    return Bytes.wrapOwned(toProto().toByteArray());
  }

  /** {@code cdc.Unmarshal} with gogoproto's error texts. */
  public static WasmConsensusState unmarshal(Bytes bytes) {
    return new WasmConsensusState(dataOnly(bytes, "ConsensusState"));
  }

  /** Decodes a message whose only field is {@code bytes data = 1}. */
  static Bytes dataOnly(Bytes bytes, String messageName) {
    Bytes[] data = {Bytes.EMPTY};
    GogoDecoder.decode(
        bytes,
        messageName,
        (in, number, wireType) -> {
          if (number != 1) {
            return false;
          }
          GogoDecoder.expectWireType(wireType, 2, "Data");
          data[0] = in.lengthDelimited();
          return true;
        });
    return data[0];
  }
}
