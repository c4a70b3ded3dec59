package io.wasm08.relayer.relay;

import io.wasm08.relayer.light.LightBlockProvider;
import java.util.List;
import java.util.Objects;

/**
 * A source chain as the relayer reaches it: a primary RPC node and witnesses that cross-check it.
 */
public record SourceChain(
    String name, LightBlockProvider primary, List<LightBlockProvider> witnesses) {
  public SourceChain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primary, "primary");
    witnesses = List.copyOf(witnesses);
  }
}
