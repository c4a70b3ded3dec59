package io.wasm08.client;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.store.KvStore;
import io.wasm08.store.PrefixStore;

/**
 * ibc-go's {@code StoreProvider}: each client's isolated prefix store {@code clients/{clientId}/}
 * inside the IBC module store of the context (gas-metered as the context meters it), and the
 * per-client-type module store {@code clients/{clientType}}.
 */
public final class ClientStoreProvider {
  private final String storeKey;

  public ClientStoreProvider(String storeKey) {
    this.storeKey = java.util.Objects.requireNonNull(storeKey, "storeKey");
  }

  /** The IBC store of {@code ctx}. */
  public KvStore ibcStore(BlockContext ctx) {
    return ctx.kvStore(storeKey);
  }

  /** {@code ClientStore}: keys relative to {@code clients/{clientId}/}. */
  public KvStore clientStore(BlockContext ctx, String clientId) {
    return new PrefixStore(ibcStore(ctx), ClientKeys.clientStorePrefix(clientId));
  }

  /** {@code ClientModuleStore}: keys relative to {@code clients/{clientType}}. */
  public KvStore clientModuleStore(BlockContext ctx, String clientType) {
    return new PrefixStore(
        ibcStore(ctx), ClientKeys.prefixedClientStoreKey(Bytes.ofUtf8(clientType)));
  }
}
