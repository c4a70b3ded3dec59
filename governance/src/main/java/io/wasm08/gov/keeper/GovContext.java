package io.wasm08.gov.keeper;

import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.events.EventManager;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvStore;
import java.time.Instant;
import java.util.Optional;

/**
 * What a gov (or bank) call runs in: the SDK's {@code sdk.Context} reduced to what these modules
 * use — the block (time and height, never the system clock), the named stores, the gas meter, the
 * event manager, transactional branches and the consensus-params authority.
 *
 * <p>This is a seam with the same method names as ibc-core's {@code BlockContext}, which is being
 * built alongside; once it lands, the modules take that type and this interface goes away.
 */
public interface GovContext {
  BlockInfo block();

  default Instant blockTime() {
    return block().time();
  }

  default long blockHeight() {
    return block().height();
  }

  /** {@code ctx.KVStore(key)}: the named store (metered by the implementation as it chooses). */
  KvStore kvStore(String storeKey);

  GasMeter gasMeter();

  EventManager eventManager();

  /** The consensus-params authority when the block carries one (SDK v0.55 AuthorityParams). */
  Optional<String> consensusAuthority();

  /**
   * {@code ctx.CacheContext()}: a context over a branch of every store, with its own event manager;
   * nothing reaches this context until {@link Branch#write}.
   */
  Branch cacheContext();

  /** A branch of a context: run in {@link #context()}, then {@link #write} or drop it. */
  interface Branch {
    GovContext context();

    /** Applies the branch's writes and forwards its events to {@code parent}. */
    void write(GovContext parent);
  }
}
