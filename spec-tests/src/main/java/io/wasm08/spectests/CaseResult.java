package io.wasm08.spectests;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one case: its outcome, and a detail — what was measured on a pass, the reason on a
 * failure or skip (never empty for those).
 */
public record CaseResult(String name, Outcome outcome, String detail, Duration duration) {
  public CaseResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
    detail = detail == null ? "" : detail;
    if (outcome != Outcome.PASS && detail.isBlank()) {
      throw new IllegalArgumentException(outcome + " of " + name + " needs a reason");
    }
  }
}
