package io.wasm08.node.app;

import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.events.EventManager;
import io.wasm08.node.tx.ExecMode;
import io.wasm08.store.GasConfig;
import io.wasm08.store.GasKvStore;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;
import java.util.Optional;

/**
 * What a module call runs in, as the node builds it (the SDK's {@code sdk.Context}): the block
 * (height, time from the producer, chain id), the execution mode, the state view, the gas meter and
 * the event manager. Module stores come metered ({@code gaskv} with {@code KVGasConfig}).
 */
public record ExecContext(
    BlockInfo block,
    ExecMode mode,
    StateView state,
    GasMeter gasMeter,
    EventManager events,
    Optional<String> consensusAuthority) {

  /** {@code ctx.KVStore(key)}: metered against this context's gas meter. */
  public KvStore kvStore(String key) {
    return new GasKvStore(state.kvStore(key), gasMeter, GasConfig.KV);
  }

  /** {@code ctx.CacheContext()}: a branch with its own event manager, same gas meter. */
  public Branch cacheContext() {
    StateView branch = state.branch();
    EventManager branchEvents = new EventManager();
    return new Branch(
        new ExecContext(block, mode, branch, gasMeter, branchEvents, consensusAuthority), this);
  }

  public ExecContext withGasMeter(GasMeter meter) {
    return new ExecContext(block, mode, state, meter, events, consensusAuthority);
  }

  public ExecContext withEvents(EventManager manager) {
    return new ExecContext(block, mode, state, gasMeter, manager, consensusAuthority);
  }

  /** A branch of a context; {@link #write()} applies its stores and forwards its events. */
  public record Branch(ExecContext context, ExecContext parent) {
    public void write() {
      context.state().write();
      parent.events().emitAll(context.events().events());
    }
  }
}
