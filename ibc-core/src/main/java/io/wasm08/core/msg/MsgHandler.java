package io.wasm08.core.msg;

import com.google.protobuf.Message;
import io.wasm08.core.context.BlockContext;

/** Executes one Msg type: what a module registers in the node's type-URL router. */
@FunctionalInterface
public interface MsgHandler<M extends Message> {
  /** Runs {@code msg} in {@code ctx}; returns the Msg's response; throws on failure. */
  Message handle(BlockContext ctx, M msg);
}
