package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;

/**
 * Address functions behind {@code addr_validate}, {@code addr_canonicalize} and {@code
 * addr_humanize} (cosmwasm-vm {@code BackendApi}, wasmvm {@code GoAPI}). A {@link
 * BackendError.UserErr} is returned to the contract as a message; other errors trap.
 */
public interface HostApi {
  BackendResult<Void> addrValidate(String input);

  BackendResult<Bytes> addrCanonicalize(String human);

  BackendResult<String> addrHumanize(Bytes canonical);
}
