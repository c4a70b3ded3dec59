package io.wasm08.wasm.vm;

import java.util.Objects;

/**
 * The backend of one contract call (cosmwasm-vm {@code Backend} + {@code InstanceOptions}):
 * storage, address API, querier, the call's total gas budget in CosmWasm gas, and where debug
 * messages go. The engine calls {@link Storage#endCall()} when the call returns.
 */
public record CallContext(
    Storage storage, HostApi api, Querier querier, long gasLimit, DebugHandler debugHandler) {
  public CallContext {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(querier, "querier");
    Objects.requireNonNull(debugHandler, "debugHandler");
    if (gasLimit < 0) {
      throw new IllegalArgumentException("gas limit must not be negative: " + gasLimit);
    }
  }

  public CallContext(Storage storage, HostApi api, Querier querier, long gasLimit) {
    this(storage, api, querier, gasLimit, DebugHandler.IGNORE);
  }

  public CallContext withGasLimit(long newGasLimit) {
    return new CallContext(storage, api, querier, newGasLimit, debugHandler);
  }

  public CallContext withDebugHandler(DebugHandler handler) {
    return new CallContext(storage, api, querier, gasLimit, handler);
  }
}
