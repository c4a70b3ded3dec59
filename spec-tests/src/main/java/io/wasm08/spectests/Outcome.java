package io.wasm08.spectests;

/** How one conformance case ended. */
public enum Outcome {
  PASS,
  FAIL,
  /** Not applicable to this input (e.g. a contract without the entry point); says why. */
  SKIP
}
