package io.wasm08.relayer.rpc;

/** How a request is sent: URI parameters over GET, or a JSON-RPC 2.0 body over POST. */
public enum RpcTransport {
  URI_GET,
  JSON_RPC_POST
}
