package io.wasm08.wasm.vm.chicory.instrument;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an instrumented module on Chicory the way the VM will: a fresh instance per call, the gas
 * limit written to {@value Instrumenter#REMAINING_POINTS} before the call, both flags read after.
 */
final class Runner {
  enum Engine {
    INTERPRETER,
    COMPILER
  }

  /** The outcome of one call. */
  record Outcome(
      long[] results,
      long remaining,
      boolean exhausted,
      boolean depthExceeded,
      int depthAfter,
      ChicoryException trap) {
    long gasUsed(long limit) {
      return limit - remaining;
    }

    long result() {
      return results[0];
    }
  }

  private final WasmModule module;
  private final Function<Instance, Machine> machine;
  private final List<HostFunction> hosts;

  Runner(byte[] instrumented, Engine engine, List<HostFunction> hosts) {
    this.module = Parser.parse(instrumented);
    this.machine = engine == Engine.COMPILER ? MachineFactoryCompiler.compile(module) : null;
    this.hosts = hosts;
  }

  Instance newInstance() {
    Instance.Builder b =
        Instance.builder(module)
            .withImportValues(
                ImportValues.builder().addFunction(hosts.toArray(HostFunction[]::new)).build())
            .withStart(false);
    if (machine != null) {
      b.withMachineFactory(machine);
    }
    return b.build();
  }

  Outcome call(String export, long gasLimit, long... args) {
    return call(newInstance(), export, gasLimit, args);
  }

  static Outcome call(Instance instance, String export, long gasLimit, long... args) {
    instance.exports().global(Instrumenter.REMAINING_POINTS).setValue(gasLimit);
    long[] results = null;
    ChicoryException trap = null;
    try {
      results = instance.export(export).apply(args);
    } catch (ChicoryException e) {
      trap = e;
    }
    return new Outcome(
        results,
        instance.exports().global(Instrumenter.REMAINING_POINTS).getValue(),
        instance.exports().global(Instrumenter.POINTS_EXHAUSTED).getValue() == 1,
        instance.exports().global(Instrumenter.CALL_DEPTH_EXCEEDED).getValue() == 1,
        (int) instance.exports().global(Instrumenter.CALL_DEPTH).getValue(),
        trap);
  }
}
