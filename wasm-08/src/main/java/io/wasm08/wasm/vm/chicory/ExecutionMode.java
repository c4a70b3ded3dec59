package io.wasm08.wasm.vm.chicory;

/**
 * How Chicory runs a module. The runtime compiler is the production mode; the interpreter exists
 * for differential tests (results and gas must be identical, since metering lives in the Wasm).
 */
public enum ExecutionMode {
  COMPILER,
  INTERPRETER
}
