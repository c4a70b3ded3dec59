/**
 * A CometBFT JSON-RPC client (0.34–0.38 and 1.x, URI GET or JSON-RPC POST, legacy or {@code /v1}
 * routes) with typed answers, consistency checks, timeouts and retries; and {@link
 * io.wasm08.relayer.rpc.RpcLightBlockProvider}, the light client's view of a node.
 */
package io.wasm08.relayer.rpc;
