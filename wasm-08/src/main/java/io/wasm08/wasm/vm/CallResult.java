package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * What a contract call returned: the raw {@code ContractResult} JSON ({@code {"ok":…}} or {@code
 * {"error":"…"}} — a contract error is a value, not a fault) and the call's gas report.
 */
public record CallResult(Bytes data, GasReport gasReport) {
  public CallResult {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(gasReport, "gasReport");
  }
}
