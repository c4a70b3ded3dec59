package io.wasm08.spectests;

import java.util.List;

/**
 * What one suite checked over its subject, and each case's result.
 *
 * @param suite the suite's command name ({@code ics23}, {@code check}, …)
 * @param subject what it ran over: a folder or a contract, as given
 * @param checks what the suite checks, one line each
 * @param notes documented deviations from upstream expectations and other remarks (may be empty)
 */
public record SuiteResult(
    String suite, String subject, List<String> checks, List<String> notes, List<CaseResult> cases) {
  public SuiteResult {
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
    cases = List.copyOf(cases);
  }

  public long count(Outcome outcome) {
    return cases.stream().filter(c -> c.outcome() == outcome).count();
  }

  public List<CaseResult> failures() {
    return cases.stream().filter(c -> c.outcome() == Outcome.FAIL).toList();
  }

  /** A suite passes when it ran at least one case and none failed. */
  public boolean passed() {
    return count(Outcome.FAIL) == 0 && !cases.isEmpty();
  }
}
