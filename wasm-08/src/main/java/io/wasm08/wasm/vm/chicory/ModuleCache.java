package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiled modules by checksum, looked up as cosmwasm-vm's cache does: pinned → memory → compile
 * from code (a miss). There is no file-system cache of compiled code yet; modules compiled by
 * {@code storeCode} go to the memory cache instead, so the first call after storing is a memory
 * hit. The memory cache is unbounded for now — the seam where an LRU bounded by size goes.
 */
final class ModuleCache {
  private final Map<Checksum, CompiledModule> pinned = new LinkedHashMap<>();
  private final Map<Checksum, CompiledModule> memory = new LinkedHashMap<>();
  private long hitsPinned;
  private long hitsMemory;
  private long misses;

  /** Compiles outside the lock: a slow compile must not stall calls of other contracts. */
  CompiledModule get(Checksum checksum, Function<Checksum, CompiledModule> compile) {
    synchronized (this) {
      CompiledModule module = pinned.get(checksum);
      if (module != null) {
        hitsPinned++;
        return module;
      }
      module = memory.get(checksum);
      if (module != null) {
        hitsMemory++;
        return module;
      }
      misses++;
    }
    CompiledModule compiled = compile.apply(checksum);
    synchronized (this) {
      return memory.computeIfAbsent(checksum, c -> compiled);
    }
  }

  synchronized void storeCompiled(Checksum checksum, CompiledModule module) {
    memory.put(checksum, module);
  }

  void pin(Checksum checksum, Function<Checksum, CompiledModule> compile) {
    CompiledModule module;
    synchronized (this) {
      if (pinned.containsKey(checksum)) {
        return;
      }
      module = memory.get(checksum);
      if (module == null) {
        misses++;
      }
    }
    CompiledModule toPin = module != null ? module : compile.apply(checksum);
    synchronized (this) {
      pinned.putIfAbsent(checksum, toPin);
    }
  }

  synchronized void unpin(Checksum checksum) {
    pinned.remove(checksum);
  }

  synchronized void remove(Checksum checksum) {
    memory.remove(checksum);
  }

  synchronized Metrics metrics() {
    return new Metrics(
        hitsPinned,
        hitsMemory,
        0,
        misses,
        pinned.size(),
        memory.size(),
        size(pinned),
        size(memory));
  }

  private static long size(Map<Checksum, CompiledModule> modules) {
    return modules.values().stream().mapToLong(CompiledModule::sizeEstimate).sum();
  }
}
