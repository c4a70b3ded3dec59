package io.wasm08.wasm.vm;

/**
 * Module cache statistics shaped like wasmvm's {@code types.Metrics} (cosmwasm-vm {@code Stats} +
 * element counts and size estimates in bytes).
 */
public record Metrics(
    long hitsPinnedMemoryCache,
    long hitsMemoryCache,
    long hitsFsCache,
    long misses,
    long elementsPinnedMemoryCache,
    long elementsMemoryCache,
    long sizePinnedMemoryCache,
    long sizeMemoryCache) {}
