package io.wasm08.wasm.types;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.client.Height;
import java.util.Objects;

/**
 * {@code ibc.lightclients.wasm.v1.ClientState}: the underlying light client's opaque state, the
 * checksum of the code that interprets it and the latest height the contract reported.
 */
public record WasmClientState(Bytes data, Bytes checksum, Height latestHeight)
    implements ClientState {
  public static final String TYPE_URL = "/ibc.lightclients.wasm.v1.ClientState";

  public WasmClientState {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(latestHeight, "latestHeight");
  }

  @Override
  public String clientType() {
    return ClientTypes.WASM;
  }

  /** {@code ClientState.Validate}: data non-empty, checksum of 32 bytes. */
  @Override
  public void validate() {
    if (data.isEmpty()) {
      throw WasmErrorCode.INVALID_DATA.wrap("data cannot be empty");
    }
    WasmValidation.validateWasmChecksum(checksum);
  }

  public WasmClientState withChecksum(Bytes newChecksum) {
    return new WasmClientState(data, newChecksum, latestHeight);
  }

  public ibc.lightclients.wasm.v1.ClientState toProto() {
    return ibc.lightclients.wasm.v1.ClientState.newBuilder()
        .setData(ByteString.copyFrom(data.toByteArray()))
        .setChecksum(ByteString.copyFrom(checksum.toByteArray()))
        .setLatestHeight(latestHeight.toProto())
        .build();
  }

  /** The protobuf encoding (what {@code cdc.Marshal} writes). */
  public Bytes marshal() {
    return Bytes.wrapOwned(toProto().toByteArray());
  }

  /**
   * {@code cdc.Unmarshal} into a wasm ClientState, with gogoproto's errors for malformed input
   * (plain errors such as {@code "proto: wrong wireType = 0 for field Data"}).
   */
  public static WasmClientState unmarshal(Bytes bytes) {
    Bytes[] data = {Bytes.EMPTY};
    Bytes[] checksum = {Bytes.EMPTY};
    long[] height = {0, 0};
    GogoDecoder.decode(
        bytes,
        "ClientState",
        (in, number, wireType) -> {
          switch (number) {
            case 1 -> {
              GogoDecoder.expectWireType(wireType, 2, "Data");
              data[0] = in.lengthDelimited();
            }
            case 2 -> {
              GogoDecoder.expectWireType(wireType, 2, "Checksum");
              checksum[0] = in.lengthDelimited();
            }
            case 3 -> {
              GogoDecoder.expectWireType(wireType, 2, "LatestHeight");
              in.embedded("Height", heightSink(height));
            }
            default -> {
              return false;
            }
          }
          return true;
        });
    return new WasmClientState(data[0], checksum[0], new Height(height[0], height[1]));
  }

  /** gogo's {@code Height.Unmarshal}, merging into {@code height}. */
  static GogoDecoder.FieldSink heightSink(long[] height) {
    return (in, number, wireType) -> {
      switch (number) {
        case 1 -> {
          GogoDecoder.expectWireType(wireType, 0, "RevisionNumber");
          height[0] = in.varint();
        }
        case 2 -> {
          GogoDecoder.expectWireType(wireType, 0, "RevisionHeight");
          height[1] = in.varint();
        }
        default -> {
          return false;
        }
      }
      return true;
    };
  }

  public static WasmClientState fromProto(ibc.lightclients.wasm.v1.ClientState proto) {
    return new WasmClientState(
        Bytes.of(proto.getData().toByteArray()),
        Bytes.of(proto.getChecksum().toByteArray()),
        Height.fromProto(proto.getLatestHeight()));
  }
}
