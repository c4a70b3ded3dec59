package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import java.util.Objects;

/**
 * Engine-wide settings every instance gets: the memory limit ({@code instance_memory_limit}: 32 MiB
 * in 08-wasm, 16 MiB in cosmwasm-vm's mock instances), host gas costs and the crypto behind the
 * crypto imports.
 */
public record InstanceConfig(long memoryLimitBytes, GasConfig gasConfig, CosmWasmCrypto crypto) {
  public static final long MIB = 1024L * 1024;

  public InstanceConfig {
    Objects.requireNonNull(gasConfig, "gasConfig");
    Objects.requireNonNull(crypto, "crypto");
    if (memoryLimitBytes < 0) {
      throw new IllegalArgumentException("memory limit must not be negative");
    }
  }

  /** Pages the memory may have: the limit rounded down, at most 65 536 (the Wasm maximum). */
  public int memoryLimitPages() {
    return (int) Math.min(memoryLimitBytes / 65_536, 65_536);
  }
}
