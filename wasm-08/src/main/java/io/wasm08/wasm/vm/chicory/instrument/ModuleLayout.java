package io.wasm08.wasm.vm.chicory.instrument;

/**
 * Indices of everything the instrumenter adds to a module: the appended globals and the helper
 * functions shared by all rewritten bodies.
 */
final class ModuleLayout {
  final InstrumentationConfig config;
  final int remainingGlobal;
  final int exhaustedGlobal;
  final int depthGlobal;
  final int depthExceededGlobal;
  int chargeFunction = -1;
  int canonF32Function = -1;
  int canonF64Function = -1;

  ModuleLayout(InstrumentationConfig config, int firstNewGlobal) {
    this.config = config;
    this.remainingGlobal = firstNewGlobal;
    this.exhaustedGlobal = firstNewGlobal + 1;
    this.depthGlobal = firstNewGlobal + 2;
    this.depthExceededGlobal = firstNewGlobal + 3;
  }

  boolean depthLimited() {
    return config.maxCallDepth() > 0;
  }
}
