package io.wasm08.wasm.types;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientTypes;
import java.util.Objects;

/**
 * {@code ibc.lightclients.wasm.v1.ClientMessage}: header(s) or misbehaviour, opaque to the host.
 */
public record WasmClientMessage(Bytes data) implements ClientMessage {
  public static final String TYPE_URL = "/ibc.lightclients.wasm.v1.ClientMessage";

  public WasmClientMessage {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String clientType() {
    return ClientTypes.WASM;
  }

  @Override
  public void validateBasic() {
    if (data.isEmpty()) {
      throw WasmErrorCode.INVALID_DATA.wrap("data cannot be empty");
    }
  }

  public ibc.lightclients.wasm.v1.ClientMessage toProto() {
    return ibc.lightclients.wasm.v1.ClientMessage.newBuilder()
        .setData(ByteString.copyFrom(data.toByteArray()))
        .build();
  }

  public Bytes marshal() {
    return Bytes.wrapOwned(toProto().toByteArray());
  }

  /** {@code cdc.Unmarshal} with gogoproto's error texts. */
  public static WasmClientMessage unmarshal(Bytes bytes) {
    return new WasmClientMessage(WasmConsensusState.dataOnly(bytes, "ClientMessage"));
  }
}
