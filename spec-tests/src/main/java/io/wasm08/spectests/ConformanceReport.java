package io.wasm08.spectests;

import java.util.List;

/** The results of one conformance run: every suite, in the order run. */
public record ConformanceReport(String tool, List<SuiteResult> suites) {
  public ConformanceReport {
    suites = List.copyOf(suites);
  }

  public long count(Outcome outcome) {
    return suites.stream().mapToLong(s -> s.count(outcome)).sum();
  }

  /** True when at least one suite ran and every suite passed. */
  public boolean passed() {
    return !suites.isEmpty() && suites.stream().allMatch(SuiteResult::passed);
  }
}
