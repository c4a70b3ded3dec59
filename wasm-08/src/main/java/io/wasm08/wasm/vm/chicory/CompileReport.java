package io.wasm08.wasm.vm.chicory;

import java.util.List;

/**
 * What Chicory's runtime compiler made of a module.
 *
 * @param functionCount defined functions of the module
 * @param interpretedFunctions indices (in the function index space, imports first) of the functions
 *     whose JVM method would exceed 64 KiB and that therefore run in Chicory's interpreter inside
 *     the compiled module — much slower, and the instrumenter's job to avoid; ascending
 * @param generatedClassBytes total size of the generated classes
 */
public record CompileReport(
    int functionCount, List<Integer> interpretedFunctions, long generatedClassBytes) {
  public CompileReport {
    interpretedFunctions = interpretedFunctions.stream().sorted().toList();
  }

  /** True when every function was compiled to JVM bytecode. */
  public boolean fullyCompiled() {
    return interpretedFunctions.isEmpty();
  }
}
