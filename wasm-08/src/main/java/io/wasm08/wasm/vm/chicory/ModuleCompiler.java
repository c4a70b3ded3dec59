package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasm08.wasm.vm.VmException;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Compiles a (instrumented) module with Chicory's runtime compiler once, and reports which
 * functions the compiler had to leave to the interpreter.
 *
 * <p>Chicory's public {@code MachineFactoryCompiler} only prints a warning for such functions; this
 * class drives the same compiler ({@code compiler.internal.Compiler}, exported by the module) so
 * the set is known exactly. The returned factory is what {@code MachineFactoryCompiler} would
 * return; reuse it (with the same {@link WasmModule}, compared by identity) for every instance.
 */
public final class ModuleCompiler {
  private ModuleCompiler() {}

  /** A compiled module: the parsed module, its machine factory, and the report. */
  public record Compiled(
      WasmModule module, Function<Instance, Machine> machineFactory, CompileReport report) {}

  /** Compiles {@code module}; functions too large for a JVM method fall back silently. */
  public static Compiled compile(WasmModule module) {
    CompilerResult result;
    try {
      result =
          Compiler.builder(module)
              .withClassCollectorFactory(ClassLoadingCollector::new)
              .withInterpreterFallback(InterpreterFallback.SILENT)
              .build()
              .compile();
    } catch (ChicoryException e) {
      throw VmException.compile("Could not compile: " + e.getMessage());
    }
    ClassLoadingCollector collector = (ClassLoadingCollector) result.collector();
    long bytes = 0;
    for (byte[] b : collector.classBytes().values()) {
      bytes += b.length;
    }
    CompileReport report =
        new CompileReport(
            module.functionSection().functionCount(),
            new ArrayList<>(result.interpretedFunctions()),
            bytes);
    return new Compiled(module, new MachineFactory(module, collector.machineFactory()), report);
  }

  /** Parses (with validation) and compiles {@code wasm}. */
  public static Compiled compile(byte[] wasm) {
    WasmModule module;
    try {
      module = Parser.parse(wasm);
    } catch (ChicoryException e) {
      throw VmException.compile("Could not compile: " + e.getMessage());
    }
    return compile(module);
  }
}
