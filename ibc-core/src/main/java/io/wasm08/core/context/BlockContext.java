package io.wasm08.core.context;

import io.wasm08.core.events.EventManager;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a module call runs in — the SDK's {@code sdk.Context} reduced to what modules use: the block
 * (height, time, chain id; never the system clock), the stores, the gas meter, the event manager
 * and the consensus-params authority. Immutable; {@code with…} returns a copy.
 */
public final class BlockContext {
  private final BlockInfo block;
  private final StoreSet stores;
  private final GasMeter gasMeter;
  private final GasMetering gasMetering;
  private final EventManager eventManager;
  private final String consensusAuthority;

  private BlockContext(
      BlockInfo block,
      StoreSet stores,
      GasMeter gasMeter,
      GasMetering gasMetering,
      EventManager eventManager,
      String consensusAuthority) {
    this.block = Objects.requireNonNull(block, "block");
    this.stores = Objects.requireNonNull(stores, "stores");
    this.gasMeter = Objects.requireNonNull(gasMeter, "gasMeter");
    this.gasMetering = Objects.requireNonNull(gasMetering, "gasMetering");
    this.eventManager = Objects.requireNonNull(eventManager, "eventManager");
    this.consensusAuthority = consensusAuthority;
  }

  public static Builder builder() {
    return new Builder();
  }

  public BlockInfo block() {
    return block;
  }

  public long blockHeight() {
    return block.height();
  }

  public Instant blockTime() {
    return block.time();
  }

  public String chainId() {
    return block.chainId();
  }

  public GasMeter gasMeter() {
    return gasMeter;
  }

  public EventManager eventManager() {
    return eventManager;
  }

  public StoreSet stores() {
    return stores;
  }

  /**
   * The authority from the block's consensus params (SDK v0.55 {@code AuthorityParams}); when
   * present it takes precedence over a keeper's authority.
   */
  public Optional<String> consensusAuthority() {
    return Optional.ofNullable(consensusAuthority).filter(a -> !a.isEmpty());
  }

  /** {@code ctx.KVStore(key)}: the named store, metered against this context's gas meter. */
  public KvStore kvStore(String storeKey) {
    return gasMetering.meter(stores.kvStore(storeKey), gasMeter);
  }

  public BlockContext withGasMeter(GasMeter meter) {
    return new BlockContext(block, stores, meter, gasMetering, eventManager, consensusAuthority);
  }

  public BlockContext withEventManager(EventManager manager) {
    return new BlockContext(block, stores, gasMeter, gasMetering, manager, consensusAuthority);
  }

  public BlockContext withStores(StoreSet set) {
    return new BlockContext(block, set, gasMeter, gasMetering, eventManager, consensusAuthority);
  }

  /** A branch of a context: run in {@link #context()}, then {@link #write()} or drop it. */
  public record Branch(BlockContext context, StoreBranch stores, EventManager events) {
    /** Applies the branch's writes and forwards its events to the parent context. */
    public void write(BlockContext parent) {
      stores.write();
      parent.eventManager().emitAll(events.events());
    }
  }

  /**
   * {@code ctx.CacheContext()}: a context over a branch of the stores with its own event manager
   * and the same gas meter. Nothing reaches this context until {@link Branch#write}.
   */
  public Branch cacheContext() {
    StoreBranch branch = stores.branch();
    EventManager events = new EventManager();
    return new Branch(
        new BlockContext(block, branch, gasMeter, gasMetering, events, consensusAuthority),
        branch,
        events);
  }

  /**
   * Runs {@code body} on a cache context and writes it only when {@code body} returns; on any
   * exception the branch (stores and events) is dropped, so a failed call changes nothing.
   */
  public <T> T atomically(Function<BlockContext, T> body) {
    Branch branch = cacheContext();
    T result = body.apply(branch.context());
    branch.write(this);
    return result;
  }

  /** Builds a context; block, stores and gas meter are required. */
  public static final class Builder {
    private BlockInfo block;
    private StoreSet stores;
    private GasMeter gasMeter;
    private GasMetering gasMetering = GasMetering.KV;
    private EventManager eventManager = new EventManager();
    private String consensusAuthority;

    private Builder() {}

    public Builder block(BlockInfo block) {
      this.block = block;
      return this;
    }

    public Builder stores(StoreSet stores) {
      this.stores = stores;
      return this;
    }

    public Builder gasMeter(GasMeter gasMeter) {
      this.gasMeter = gasMeter;
      return this;
    }

    public Builder gasMetering(GasMetering gasMetering) {
      this.gasMetering = gasMetering;
      return this;
    }

    public Builder eventManager(EventManager eventManager) {
      this.eventManager = eventManager;
      return this;
    }

    public Builder consensusAuthority(String consensusAuthority) {
      this.consensusAuthority = consensusAuthority;
      return this;
    }

    public BlockContext build() {
      return new BlockContext(
          block, stores, gasMeter, gasMetering, eventManager, consensusAuthority);
    }
  }
}
