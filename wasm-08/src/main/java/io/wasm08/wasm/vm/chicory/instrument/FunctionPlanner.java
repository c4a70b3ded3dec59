package io.wasm08.wasm.vm.chicory.instrument;

import java.util.List;

/** Decides how a function is emitted: inline or helper checks, and which regions to cut out. */
final class FunctionPlanner {
  private FunctionPlanner() {}

  /** The decision for one function. */
  record Plan(boolean helperMode, List<Region> regions) {}

  static Plan plan(FunctionAnalysis fa, ModuleLayout layout, InstrumentationConfig config) {
    return new Plan(false, List.of());
  }
}
