package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;

/**
 * Runs a read-only smart query of another stored code on behalf of a contract ({@code
 * {"wasm":{"smart":{"contract_addr":…,"msg":…}}}}), at nesting {@code depth} (1 for a query made by
 * a top-level call). Returns the queried contract's answer bytes; throws project errors (redacted)
 * or {@link SystemErrorException}s; running out of gas propagates.
 */
@FunctionalInterface
public interface SmartQuerier {
  Bytes query(BlockContext ctx, QueryRequest.WasmSmart request, int depth);
}
