package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasm08.wasm.vm.VmException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Turns stored bytecode into a {@link CompiledModule}: prepare (instrument), parse, and in compiler
 * mode compile to JVM bytecode with {@link ModuleCompiler}, which reports the functions left to the
 * interpreter.
 */
public final class ModuleLoader {
  private final ExecutionMode mode;
  private final UnaryOperator<byte[]> preparer;

  /**
   * @param preparer rewrites the raw code before parsing (the metering instrumentation); it may
   *     throw {@link VmException}
   */
  public ModuleLoader(ExecutionMode mode, UnaryOperator<byte[]> preparer) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.preparer = Objects.requireNonNull(preparer, "preparer");
  }

  public ExecutionMode mode() {
    return mode;
  }

  public CompiledModule load(byte[] wasm) {
    byte[] prepared = preparer.apply(wasm);
    if (mode == ExecutionMode.INTERPRETER) {
      WasmModule module;
      try {
        module = Parser.parse(prepared);
      } catch (ChicoryException e) {
        throw VmException.compile("Could not compile: " + e.getMessage());
      }
      return new CompiledModule(module, null, mode, Set.of(), prepared.length);
    }
    ModuleCompiler.Compiled compiled = ModuleCompiler.compile(prepared);
    return new CompiledModule(
        compiled.module(),
        compiled.machineFactory(),
        mode,
        new TreeSet<>(compiled.report().interpretedFunctions()),
        prepared.length);
  }
}
