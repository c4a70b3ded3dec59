package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.HostApi;

/**
 * The address API 08-wasm gives contracts ({@code wasmvmAPI}): every function fails, at no gas,
 * with a user error the contract receives as a message.
 */
public final class WasmHostApi implements HostApi {
  public static final WasmHostApi INSTANCE = new WasmHostApi();

  private WasmHostApi() {}

  @Override
  public BackendResult<Void> addrValidate(String input) {
    return BackendResult.err(
        new BackendError.UserErr("validateAddress not implemented"), GasInfo.FREE);
  }

  @Override
  public BackendResult<Bytes> addrCanonicalize(String human) {
    return BackendResult.err(
        new BackendError.UserErr("canonicalizeAddress not implemented"), GasInfo.FREE);
  }

  @Override
  public BackendResult<String> addrHumanize(Bytes canonical) {
    return BackendResult.err(
        new BackendError.UserErr("humanizeAddress not implemented"), GasInfo.FREE);
  }
}
