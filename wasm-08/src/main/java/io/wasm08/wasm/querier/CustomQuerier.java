package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;

/**
 * Answers a contract's {@code {"custom":…}} query (ibc-go {@code CustomQuerier}): the raw JSON
 * value → the answer bytes (JSON). Runs in the query's discarded sub-context and must charge its
 * work on {@code ctx.gasMeter()}.
 */
@FunctionalInterface
public interface CustomQuerier {
  Bytes query(BlockContext ctx, Bytes request);

  /** {@code RejectCustomQuerier}: every custom query is unsupported. */
  CustomQuerier REJECT =
      (ctx, request) -> {
        throw SystemErrorException.unsupported("Custom queries are not allowed");
      };
}
