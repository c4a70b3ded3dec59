package io.wasm08.spectests.report;

import io.wasm08.spectests.CaseResult;
import io.wasm08.spectests.ConformanceReport;
import io.wasm08.spectests.Outcome;
import io.wasm08.spectests.SuiteResult;
import java.util.Locale;

/** A plain-text table for the terminal: one row per suite, then failures and notes. */
public final class TerminalReport {
  private TerminalReport() {}

  public static String render(ConformanceReport report, boolean verbose) {
    StringBuilder out = new StringBuilder();
    out.append("wasm08 conformance — ").append(report.tool()).append('\n');
    int width = "suite".length();
    for (SuiteResult s : report.suites()) {
      width = Math.max(width, s.suite().length());
    }
    String row = "%-" + width + "s  %6s  %6s  %6s  %-6s  %s%n";
    out.append(
        String.format(Locale.ROOT, row, "suite", "pass", "fail", "skip", "result", "subject"));
    for (SuiteResult s : report.suites()) {
      out.append(
          String.format(
              Locale.ROOT,
              row,
              s.suite(),
              s.count(Outcome.PASS),
              s.count(Outcome.FAIL),
              s.count(Outcome.SKIP),
              s.passed() ? "PASS" : "FAIL",
              s.subject()));
    }
    for (SuiteResult s : report.suites()) {
      if (verbose) {
        out.append('\n').append(s.suite()).append(" — ").append(s.subject()).append('\n');
        for (String check : s.checks()) {
          out.append("  checks: ").append(check).append('\n');
        }
        for (CaseResult c : s.cases()) {
          out.append("  ").append(c.outcome()).append(' ').append(c.name());
          if (!c.detail().isEmpty()) {
            out.append(": ").append(c.detail());
          }
          out.append('\n');
        }
      } else {
        for (CaseResult c : s.cases()) {
          if (c.outcome() != Outcome.PASS) {
            out.append(c.outcome())
                .append("  ")
                .append(s.suite())
                .append("  ")
                .append(c.name())
                .append(": ")
                .append(c.detail())
                .append('\n');
          }
        }
      }
      for (String note : s.notes()) {
        out.append("NOTE  ").append(s.suite()).append("  ").append(note).append('\n');
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "total: %d passed, %d failed, %d skipped — %s%n",
            report.count(Outcome.PASS),
            report.count(Outcome.FAIL),
            report.count(Outcome.SKIP),
            report.passed() ? "PASS" : "FAIL"));
    return out.toString();
  }
}
