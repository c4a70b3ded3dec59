package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns stored bytecode into a {@link CompiledModule}: prepare (instrument), parse, and in compiler
 * mode compile to JVM bytecode. Functions too large for a JVM method are detected by compiling with
 * {@link InterpreterFallback#FAIL} and pinned to the interpreter explicitly, so the set is known
 * and reported instead of printed to stderr.
 */
public final class ModuleCompiler {
  private static final Pattern FALLBACK_FUNCTION = Pattern.compile("WASM function index: (\\d+)");

  private final ExecutionMode mode;
  private final UnaryOperator<byte[]> preparer;

  /**
   * @param preparer rewrites the raw code before parsing (the metering instrumentation); it may
   *     throw {@link VmException}
   */
  public ModuleCompiler(ExecutionMode mode, UnaryOperator<byte[]> preparer) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.preparer = Objects.requireNonNull(preparer, "preparer");
  }

  public ExecutionMode mode() {
    return mode;
  }

  public CompiledModule compile(byte[] wasm) {
    byte[] prepared = preparer.apply(wasm);
    WasmModule module;
    try {
      module = Parser.parse(prepared);
    } catch (ChicoryException e) {
      throw new VmException(VmErrorKind.COMPILE_ERR, "Could not compile: " + e.getMessage(), e);
    }
    if (mode == ExecutionMode.INTERPRETER) {
      return new CompiledModule(module, null, mode, new TreeSet<>(), prepared.length);
    }
    TreeSet<Integer> interpreted = new TreeSet<>();
    while (true) {
      try {
        var builder =
            MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.FAIL);
        if (!interpreted.isEmpty()) {
          builder.withInterpretedFunctions(interpreted);
        }
        Function<Instance, Machine> factory = builder.compile();
        return new CompiledModule(module, factory, mode, interpreted, prepared.length);
      } catch (ChicoryException e) {
        Matcher m = FALLBACK_FUNCTION.matcher(String.valueOf(e.getMessage()));
        if (!m.find() || !interpreted.add(Integer.parseInt(m.group(1)))) {
          throw new VmException(VmErrorKind.COMPILE_ERR, "Could not compile: " + e.getMessage(), e);
        }
      }
    }
  }
}
