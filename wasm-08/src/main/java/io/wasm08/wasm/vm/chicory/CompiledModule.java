package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A parsed (and, in compiler mode, compiled) module ready to be instantiated many times. The
 * machine factory checks the module by identity, so both always travel together.
 */
public final class CompiledModule {
  private final WasmModule module;
  private final Function<Instance, Machine> machineFactory;
  private final ExecutionMode mode;
  private final Set<Integer> interpretedFunctions;
  private final long sizeEstimate;
  private final boolean resettable;
  private final Map<String, Export> exports = new HashMap<>();
  private final Map<String, ExportedFunction> functions = new HashMap<>();
  private final Map<InstanceConfig, InstancePool> pools = new ConcurrentHashMap<>();

  CompiledModule(
      WasmModule module,
      Function<Instance, Machine> machineFactory,
      ExecutionMode mode,
      Set<Integer> interpretedFunctions,
      long sizeEstimate,
      boolean resettable) {
    this.module = module;
    this.machineFactory = machineFactory;
    this.mode = mode;
    this.interpretedFunctions = Set.copyOf(interpretedFunctions);
    this.sizeEstimate = sizeEstimate;
    this.resettable = resettable;
    var section = module.exportSection();
    for (int i = 0; i < section.exportCount(); i++) {
      Export export = section.getExport(i);
      exports.putIfAbsent(export.name(), export);
    }
    exports.forEach(
        (name, export) -> {
          if (export.exportType() == ExternalType.FUNCTION) {
            FunctionType type = functionType(export.index());
            boolean i32Params = type.params().stream().allMatch(t -> t.equals(ValType.I32));
            functions.put(name, new ExportedFunction(type, i32Params));
          }
        });
  }

  WasmModule module() {
    return module;
  }

  /** Empty in interpreter mode. */
  Optional<Function<Instance, Machine>> machineFactory() {
    return Optional.ofNullable(machineFactory);
  }

  public ExecutionMode mode() {
    return mode;
  }

  /**
   * Functions the runtime compiler could not turn into JVM methods (64 KB method limit), which
   * therefore run in the interpreter inside the compiled module: slower, same results and gas.
   */
  public Set<Integer> interpretedFunctions() {
    return interpretedFunctions;
  }

  /**
   * The memory caches' size measure, cosmwasm-vm's {@code size_estimate}: in compiler mode the
   * generated classes plus the skeleton module, in interpreter mode the instrumented Wasm; both
   * plus upstream's 10 KiB engine allowance. An estimate of what the module keeps alive, not a heap
   * measurement.
   */
  public long sizeEstimate() {
    return sizeEstimate;
  }

  /**
   * Whether instances can be reset to their post-instantiation state and reused between calls
   * ({@link ReuseAnalysis}); otherwise every call gets a freshly built instance.
   */
  public boolean resettable() {
    return resettable;
  }

  /** The instances of this module for one engine configuration. */
  InstancePool pool(InstanceConfig config) {
    return pools.computeIfAbsent(config, c -> new InstancePool(this, c));
  }

  Optional<Export> export(String name) {
    return Optional.ofNullable(exports.get(name));
  }

  /** An exported function's type, resolved once (entry points are called on every call). */
  record ExportedFunction(FunctionType type, boolean i32Params) {}

  /** Null unless {@code name} is an exported function. */
  ExportedFunction exportedFunction(String name) {
    return functions.get(name);
  }

  /** The type of function {@code index} in the function index space (imports first). */
  FunctionType functionType(int index) {
    int imported = module.importSection().count(ExternalType.FUNCTION);
    if (index < imported) {
      int seen = 0;
      for (int i = 0; i < module.importSection().importCount(); i++) {
        Import imp = module.importSection().getImport(i);
        if (imp instanceof FunctionImport f) {
          if (seen == index) {
            return module.typeSection().getType(f.typeIndex());
          }
          seen++;
        }
      }
    }
    return module.typeSection().getType(module.functionSection().getFunctionType(index - imported));
  }

  List<Import> imports() {
    return module.importSection().stream().toList();
  }

  /** The limits memory 0 declares, if the module defines a memory. */
  Optional<MemoryLimits> declaredMemory() {
    return module
        .memorySection()
        .filter(s -> s.memoryCount() > 0)
        .map(s -> s.getMemory(0).limits());
  }
}
