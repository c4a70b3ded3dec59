package io.wasm08.wasm.vm;

import java.util.Objects;

/**
 * A VM fault raised by a contract call, with the gas report upstream fills even on error (wasmvm
 * reports {@code UsedInternally} of failed calls; the SDK charges it). Same kind and text as the
 * underlying {@link VmException}.
 */
public final class VmCallException extends VmException {
  private final transient GasReport gasReport;

  public VmCallException(VmException fault, GasReport gasReport) {
    super(fault.kind(), fault.detail(), fault);
    this.gasReport = Objects.requireNonNull(gasReport, "gasReport");
  }

  public GasReport gasReport() {
    return gasReport;
  }
}
