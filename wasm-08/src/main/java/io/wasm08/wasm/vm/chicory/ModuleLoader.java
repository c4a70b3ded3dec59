package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.compiler.internal.MachineFactory;
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
 * interpreter. A compiled module runs on its {@link Skeleton}, so a module compiled here and one
 * reloaded from its {@link CompiledArtifact} (the disk cache) are the same thing.
 */
public final class ModuleLoader {
  private final ExecutionMode mode;
  private final UnaryOperator<byte[]> preparer;

  /** A freshly compiled module and, in compiler mode, the artifact to persist. */
  record Loaded(CompiledModule module, CompiledArtifact artifact) {}

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
    return compile(wasm).module();
  }

  Loaded compile(byte[] wasm) {
    byte[] prepared = preparer.apply(wasm);
    WasmModule module = parse(prepared);
    boolean resettable = ReuseAnalysis.resettable(prepared);
    if (mode == ExecutionMode.INTERPRETER) {
      long size = prepared.length + ModuleCache.ENGINE_SIZE_ESTIMATE;
      return new Loaded(new CompiledModule(module, null, mode, Set.of(), size, resettable), null);
    }
    ModuleCompiler.Classes classes = ModuleCompiler.compileClasses(module);
    Set<Integer> interpreted = new TreeSet<>(classes.report().interpretedFunctions());
    CompiledArtifact artifact =
        new CompiledArtifact(
            classes.collector().mainClassName(),
            classes.collector().classBytes(),
            Skeleton.of(prepared, interpreted),
            classes.report().interpretedFunctions(),
            classes.report().functionCount(),
            resettable,
            prepared.length);
    WasmModule skeleton = parse(artifact.skeleton());
    CompiledModule compiled =
        new CompiledModule(
            skeleton,
            new MachineFactory(skeleton, classes.collector().machineFactory()),
            mode,
            interpreted,
            artifact.sizeEstimate(),
            resettable);
    return new Loaded(compiled, artifact);
  }

  /** A compiled module from a (verified) artifact: no instrumentation, no compilation. */
  CompiledModule fromArtifact(CompiledArtifact artifact) {
    if (mode != ExecutionMode.COMPILER) {
      throw new IllegalStateException("artifacts hold compiled code");
    }
    WasmModule skeleton = parse(artifact.skeleton());
    return new CompiledModule(
        skeleton,
        new MachineFactory(skeleton, GeneratedClasses.machineFactory(artifact)),
        mode,
        new TreeSet<>(artifact.interpretedFunctions()),
        artifact.sizeEstimate(),
        artifact.resettable());
  }

  private static WasmModule parse(byte[] bytes) {
    try {
      return Parser.parse(bytes);
    } catch (ChicoryException e) {
      throw VmException.compile("Could not compile: " + e.getMessage());
    }
  }
}
