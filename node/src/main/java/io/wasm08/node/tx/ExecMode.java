package io.wasm08.node.tx;

/** baseapp's execution modes: what a run of a transaction may skip and what it keeps. */
public enum ExecMode {
  /** Mempool admission: ante only, against the check state. */
  CHECK,
  /** Re-admission of a mempool tx after a block: signatures are not verified again. */
  RECHECK,
  /** Gas estimation: signatures skipped, nothing kept. */
  SIMULATE,
  /** Execution in a block. */
  FINALIZE;

  public boolean simulate() {
    return this == SIMULATE;
  }
}
