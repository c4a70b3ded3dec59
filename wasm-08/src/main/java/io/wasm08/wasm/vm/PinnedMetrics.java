package io.wasm08.wasm.vm;

import java.util.List;
import java.util.Objects;

/**
 * wasmvm's {@code PinnedMetrics}: per pinned module, the calls served from the pinned cache and its
 * size estimate in bytes. Ordered by checksum.
 */
public record PinnedMetrics(List<PerModule> perModule) {
  public static final PinnedMetrics EMPTY = new PinnedMetrics(List.of());

  public PinnedMetrics {
    perModule = List.copyOf(perModule);
  }

  /** cosmwasm-vm's {@code PerModuleMetrics} with its checksum. */
  public record PerModule(Checksum checksum, long hits, long size) {
    public PerModule {
      Objects.requireNonNull(checksum, "checksum");
    }
  }
}
