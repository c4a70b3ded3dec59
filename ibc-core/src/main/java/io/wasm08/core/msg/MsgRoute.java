package io.wasm08.core.msg;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.SdkErrorCode;
import java.util.Objects;

/**
 * A Msg type and its handler, as a module contributes it to the node's {@code MsgServiceRouter}
 * (keyed by {@link #typeUrl()}). The handler runs the Msg's {@code ValidateBasic} first, as the SDK
 * router does.
 */
public record MsgRoute<M extends Message>(M prototype, MsgHandler<M> handler) {
  public MsgRoute {
    Objects.requireNonNull(prototype, "prototype");
    Objects.requireNonNull(handler, "handler");
  }

  public static <M extends Message> MsgRoute<M> of(M prototype, MsgHandler<M> handler) {
    return new MsgRoute<>(prototype, handler);
  }

  /** {@code "/" + full name}, e.g. {@code /ibc.core.client.v1.MsgCreateClient}. */
  public String typeUrl() {
    return AnyCodec.typeUrl(prototype);
  }

  /** Decodes a packed Msg of this type; a bad encoding is {@code ErrTxDecode}. */
  @SuppressWarnings("unchecked")
  public M decode(Any any) {
    if (!any.getTypeUrl().equals(typeUrl())) {
      throw SdkErrorCode.TX_DECODE.wrapf("expected %s, got %s", typeUrl(), any.getTypeUrl());
    }
    try {
      return (M) prototype.getParserForType().parseFrom(any.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrorCode.TX_DECODE.wrap(e.getMessage(), e);
    }
  }

  /** Decodes and handles a packed Msg. */
  public Message handle(BlockContext ctx, Any any) {
    return handler.handle(ctx, decode(any));
  }
}
