package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.wasm.ChicoryException;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.PinnedMetrics;
import io.wasm08.wasm.vm.VmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled modules by checksum in cosmwasm-vm's tiers ({@code cache.rs}), looked up in its order:
 *
 * <ol>
 *   <li>pinned: never evicted, until {@link #unpin}; counts hits per module;
 *   <li>memory: an LRU bounded by the sum of entry weights, {@code 32 + sizeEstimate} bytes each
 *       (upstream's key size plus {@code size_estimate}, see {@link CompiledModule#sizeEstimate});
 *   <li>file system: compiled artifacts on disk ({@link FileSystemModuleCache}); a hit also enters
 *       the memory cache;
 *   <li>miss: the original code (re-verified against its checksum), compiled again and written to
 *       the file system tier.
 * </ol>
 *
 * <p>Like upstream, {@code storeCode} writes only the file system tier and {@code pin} never takes
 * a module from the memory cache — except that an engine without a base directory has no file
 * system tier, so there stored modules enter the memory cache and {@code pin} takes them from it.
 * Unlike upstream (whose LRU returns an error), a module heavier than the whole memory cache is
 * simply not kept there. Loading and compiling happen outside the lock: a slow compile never stalls
 * calls of other contracts.
 */
final class ModuleCache {
  /** cosmwasm-vm's {@code engine_size_estimate()}: 10 KiB per cached module. */
  static final long ENGINE_SIZE_ESTIMATE = 10 * 1024;

  /** {@code size_of_val(checksum)}, part of each entry's weight upstream. */
  private static final long KEY_SIZE = Checksum.LENGTH;

  private final CodeStore codes;
  private final ModuleLoader loader;
  private final FileSystemModuleCache fs;
  private final long memoryCapacity;

  private final Map<Checksum, Pinned> pinned = new HashMap<>();
  private final LinkedHashMap<Checksum, CompiledModule> memory =
      new LinkedHashMap<>(16, 0.75f, true);
  private long memoryWeight;
  private long hitsPinned;
  private long hitsMemory;
  private long hitsFs;
  private long misses;

  private static final class Pinned {
    final CompiledModule module;
    long hits;

    Pinned(CompiledModule module) {
      this.module = module;
    }
  }

  /**
   * @param fs the file system tier, or null for none
   * @param memoryCapacity bytes the memory cache may weigh; 0 disables it
   */
  ModuleCache(CodeStore codes, ModuleLoader loader, FileSystemModuleCache fs, long memoryCapacity) {
    if (memoryCapacity < 0) {
      throw new IllegalArgumentException("memory cache size must not be negative");
    }
    this.codes = codes;
    this.loader = loader;
    this.fs = fs;
    this.memoryCapacity = memoryCapacity;
  }

  boolean hasFileSystemTier() {
    return fs != null;
  }

  /** The module for {@code checksum}, from the first tier that has it. */
  CompiledModule get(Checksum checksum) {
    synchronized (this) {
      Pinned p = pinned.get(checksum);
      if (p != null) {
        p.hits++;
        hitsPinned++;
        return p.module;
      }
      CompiledModule m = memory.get(checksum);
      if (m != null) {
        hitsMemory++;
        return m;
      }
    }
    CompiledModule loaded = loadFromFs(checksum);
    if (loaded != null) {
      synchronized (this) {
        hitsFs++;
        return remember(checksum, loaded);
      }
    }
    CompiledModule compiled = recompile(checksum);
    synchronized (this) {
      return remember(checksum, compiled);
    }
  }

  /**
   * A module compiled by {@code storeCode}: persisted in the file system tier, or kept in the
   * memory cache when there is none.
   */
  void stored(Checksum checksum, ModuleLoader.Loaded loaded) {
    if (fs != null) {
      fs.putIfAbsent(checksum.hex(), loaded.artifact().encode());
    } else {
      synchronized (this) {
        remember(checksum, loaded.module());
      }
    }
  }

  void pin(Checksum checksum) {
    CompiledModule source;
    synchronized (this) {
      if (pinned.containsKey(checksum)) {
        return;
      }
      source = fs == null ? memory.get(checksum) : null;
    }
    if (source == null) {
      source = loadFromFs(checksum);
      if (source != null) {
        synchronized (this) {
          hitsFs++;
        }
      } else {
        source = recompile(checksum);
      }
    }
    synchronized (this) {
      pinned.putIfAbsent(checksum, new Pinned(source));
    }
  }

  synchronized void unpin(Checksum checksum) {
    pinned.remove(checksum);
  }

  /** Forgets compiled code of removed code: the memory entry and the file system entry. */
  void remove(Checksum checksum) {
    synchronized (this) {
      CompiledModule m = memory.remove(checksum);
      if (m != null) {
        memoryWeight -= weight(m);
      }
    }
    if (fs != null) {
      fs.remove(checksum.hex());
    }
  }

  synchronized Metrics metrics() {
    long pinnedSize = 0;
    for (Pinned p : pinned.values()) {
      pinnedSize += weight(p.module);
    }
    return new Metrics(
        hitsPinned,
        hitsMemory,
        hitsFs,
        misses,
        pinned.size(),
        memory.size(),
        pinnedSize,
        memoryWeight);
  }

  synchronized PinnedMetrics pinnedMetrics() {
    List<PinnedMetrics.PerModule> modules = new ArrayList<>();
    pinned.forEach(
        (checksum, p) ->
            modules.add(new PinnedMetrics.PerModule(checksum, p.hits, p.module.sizeEstimate())));
    modules.sort(Comparator.comparing(m -> m.checksum().hex()));
    return new PinnedMetrics(modules);
  }

  /** Loads and verifies a file system entry; a damaged entry counts as absent. */
  private CompiledModule loadFromFs(Checksum checksum) {
    if (fs == null) {
      return null;
    }
    byte[] payload = fs.get(checksum.hex());
    if (payload == null) {
      return null;
    }
    try {
      return VmThreads.run(() -> loader.fromArtifact(CompiledArtifact.decode(payload)));
    } catch (VmException | ChicoryException | LinkageError e) {
      // Intact seal around an unusable artifact (e.g. written by a buggy build): never run it.
      fs.remove(checksum.hex());
      return null;
    }
  }

  /** A miss: compile the stored code again and persist the result. */
  private CompiledModule recompile(Checksum checksum) {
    byte[] code = codes.load(checksum);
    synchronized (this) {
      misses++;
    }
    ModuleLoader.Loaded loaded = VmThreads.run(() -> loader.compile(code));
    if (fs != null && loaded.artifact() != null) {
      fs.putIfAbsent(checksum.hex(), loaded.artifact().encode());
    }
    return loaded.module();
  }

  /** Inserts into the memory cache (first writer wins) and evicts least recently used entries. */
  private CompiledModule remember(Checksum checksum, CompiledModule module) {
    CompiledModule existing = memory.get(checksum);
    if (existing != null) {
      return existing;
    }
    long w = weight(module);
    if (w > memoryCapacity) {
      return module;
    }
    memory.put(checksum, module);
    memoryWeight += w;
    Iterator<Map.Entry<Checksum, CompiledModule>> lru = memory.entrySet().iterator();
    while (memoryWeight > memoryCapacity && lru.hasNext()) {
      Map.Entry<Checksum, CompiledModule> eldest = lru.next();
      if (eldest.getKey().equals(checksum)) {
        continue;
      }
      memoryWeight -= weight(eldest.getValue());
      lru.remove();
    }
    return module;
  }

  private static long weight(CompiledModule module) {
    return KEY_SIZE + module.sizeEstimate();
  }
}
