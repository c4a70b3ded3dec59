package io.wasm08.core.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/** Decodes the {@code value} bytes of an {@code Any} whose type URL it was registered for. */
@FunctionalInterface
public interface AnyDecoder<T> {
  T decode(ByteString value) throws InvalidProtocolBufferException;
}
