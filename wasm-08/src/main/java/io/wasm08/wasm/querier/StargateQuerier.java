package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;

/**
 * Answers a contract's Stargate query (ibc-go {@code StargateQuerier}): the protobuf request for a
 * gRPC path → the protobuf response. Runs in the query's discarded sub-context; throws a {@link
 * SystemErrorException} or any project error (which the host redacts).
 */
@FunctionalInterface
public interface StargateQuerier {
  Bytes query(BlockContext ctx, QueryRequest.Stargate request);
}
