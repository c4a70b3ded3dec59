package io.wasm08.wasm.vm;

/**
 * cosmwasm-vm's {@code GasReport} for one call: {@code usedInternally = limit - usedExternally -
 * remaining} (saturating at 0). wasmvm returns {@code usedInternally} as the call's gas; the
 * external part was already charged on the host's meter.
 */
public record GasReport(long limit, long remaining, long usedExternally, long usedInternally) {
  /** The report of a call that never reached the VM (nothing used). */
  public static GasReport unused(long limit) {
    return new GasReport(limit, limit, 0, 0);
  }

  /** Builds the report as {@code create_gas_report} does. */
  public static GasReport of(long limit, long remaining, long usedExternally) {
    long internal = Math.max(0, Math.max(0, limit - usedExternally) - remaining);
    return new GasReport(limit, remaining, usedExternally, internal);
  }

  /** Everything this call consumed: internal plus external. */
  public long totalUsed() {
    return GasInfo.saturatingAdd(usedInternally, usedExternally);
  }
}
