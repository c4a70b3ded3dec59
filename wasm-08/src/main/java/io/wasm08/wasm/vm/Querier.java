package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;

/**
 * Chain queries behind {@code query_chain} (cosmwasm-vm {@code Querier}). The answer is the JSON of
 * a {@code SystemResult<ContractResult<Binary>>}, e.g. {@code {"ok":{"ok":"<base64>"}}} or {@code
 * {"error":{"no_such_contract":{"addr":"…"}}}}; the VM hands it to the contract as is.
 */
public interface Querier {
  /**
   * Runs {@code request} (the contract's {@code QueryRequest} JSON) with at most {@code gasLimit}
   * CosmWasm gas; the reported gas may exceed the limit when the query could not stop exactly.
   */
  BackendResult<Bytes> queryRaw(Bytes request, long gasLimit);
}
