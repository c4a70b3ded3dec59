package io.wasm08.core.msg;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.SdkErrorCode;
import java.util.Objects;

/**
 * A Msg type, its {@code ValidateBasic} and its handler, as a module contributes it to the node's
 * {@link MsgRouter} (keyed by {@link #typeUrl()}). Handling runs the Msg's {@code ValidateBasic}
 * first, as the SDK router does; governance also runs it alone when a proposal is submitted.
 */
public record MsgRoute<M extends Message>(
    M prototype, MsgValidator<M> validator, MsgHandler<M> handler) {
  public MsgRoute {
    Objects.requireNonNull(prototype, "prototype");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(handler, "handler");
  }

  /** A route for a type without a separate ValidateBasic (or whose handler runs it itself). */
  public static <M extends Message> MsgRoute<M> of(M prototype, MsgHandler<M> handler) {
    return new MsgRoute<>(prototype, MsgValidator.none(), handler);
  }

  public static <M extends Message> MsgRoute<M> of(
      M prototype, MsgValidator<M> validator, MsgHandler<M> handler) {
    return new MsgRoute<>(prototype, validator, handler);
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

  /** Runs the type's ValidateBasic on a decoded Msg of this route's type. */
  public void validateBasic(Message msg) {
    validator.validateBasic(cast(msg));
  }

  /** Decodes, validates and handles a packed Msg. */
  public Message handle(BlockContext ctx, Any any) {
    M msg = decode(any);
    validator.validateBasic(msg);
    return handler.handle(ctx, msg);
  }

  private M cast(Message msg) {
    if (!msg.getDescriptorForType().equals(prototype.getDescriptorForType())) {
      throw new IllegalArgumentException("route " + typeUrl() + " got " + AnyCodec.typeUrl(msg));
    }
    @SuppressWarnings("unchecked")
    M typed = (M) msg;
    return typed;
  }
}
