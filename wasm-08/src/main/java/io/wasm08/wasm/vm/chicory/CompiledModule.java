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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<String, Export> exports = new HashMap<>();

  CompiledModule(
      WasmModule module,
      Function<Instance, Machine> machineFactory,
      ExecutionMode mode,
      Set<Integer> interpretedFunctions,
      long sizeEstimate) {
    this.module = module;
    this.machineFactory = machineFactory;
    this.mode = mode;
    this.interpretedFunctions = Set.copyOf(interpretedFunctions);
    this.sizeEstimate = sizeEstimate;
    var section = module.exportSection();
    for (int i = 0; i < section.exportCount(); i++) {
      Export export = section.getExport(i);
      exports.putIfAbsent(export.name(), export);
    }
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

  /** Bytes of (instrumented) Wasm behind this module; the cache's size measure. */
  public long sizeEstimate() {
    return sizeEstimate;
  }

  Optional<Export> export(String name) {
    return Optional.ofNullable(exports.get(name));
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
