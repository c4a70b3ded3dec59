package io.wasm08.wasm.keeper;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.wasm.types.GogoDecoder;

/**
 * {@code cdc.UnmarshalInterface(bz, &exported.ClientState)} for a stored client state: the bytes
 * are a gogoproto {@code Any} (decoded with gogo's loop and texts), then unpacked against the
 * client-state interface; an empty type URL unpacks to nothing ({@code null}).
 */
final class StoredClientStates {
  private StoredClientStates() {}

  static Object unmarshalInterface(AnyCodec codec, Bytes bz) {
    String[] typeUrl = {""};
    Bytes[] value = {Bytes.EMPTY};
    GogoDecoder.decode(
        bz,
        "Any",
        (in, number, wireType) -> {
          switch (number) {
            case 1 -> {
              GogoDecoder.expectWireType(wireType, 2, "TypeUrl");
              typeUrl[0] = in.lengthDelimited().toUtf8();
            }
            case 2 -> {
              GogoDecoder.expectWireType(wireType, 2, "Value");
              value[0] = in.lengthDelimited();
            }
            default -> {
              return false;
            }
          }
          return true;
        });
    return codec
        .unpack(
            typeUrl[0], ByteString.copyFrom(value[0].toByteArray()), ClientInterfaces.CLIENT_STATE)
        .orElse(null);
  }
}
