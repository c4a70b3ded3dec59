package io.wasm08.spectests.report;

import io.wasm08.spectests.CaseResult;
import io.wasm08.spectests.ConformanceReport;
import io.wasm08.spectests.Outcome;
import io.wasm08.spectests.SuiteResult;
import java.util.Locale;

/**
 * The reviewer's report in Markdown: a summary table, then per suite what it checked, its notes and
 * every case. No timings, so two runs over the same inputs give the same text.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ConformanceReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# Conformance report\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "`%s` · result: **%s** · %d cases: %d passed, %d failed, %d skipped%n%n",
            report.tool(),
            report.passed() ? "PASS" : "FAIL",
            report.count(Outcome.PASS) + report.count(Outcome.FAIL) + report.count(Outcome.SKIP),
            report.count(Outcome.PASS),
            report.count(Outcome.FAIL),
            report.count(Outcome.SKIP)));
    out.append(summaryTable(report)).append('\n');
    for (SuiteResult s : report.suites()) {
      out.append("## ").append(s.suite()).append(" — `").append(s.subject()).append("`\n\n");
      out.append("Checks:\n\n");
      for (String check : s.checks()) {
        out.append("- ").append(check).append('\n');
      }
      out.append('\n');
      if (!s.notes().isEmpty()) {
        out.append("Notes:\n\n");
        for (String note : s.notes()) {
          out.append("- ").append(note).append('\n');
        }
        out.append('\n');
      }
      out.append("| case | result | detail |\n|---|---|---|\n");
      for (CaseResult c : s.cases()) {
        out.append("| ")
            .append(cell(c.name()))
            .append(" | ")
            .append(
                c.outcome() == Outcome.PASS
                    ? "pass"
                    : "**" + c.outcome().name().toLowerCase(Locale.ROOT) + "**")
            .append(" | ")
            .append(cell(c.detail()))
            .append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The per-suite counts as a Markdown table (also what docs/conformance.md embeds). */
  public static String summaryTable(ConformanceReport report) {
    StringBuilder out = new StringBuilder();
    out.append("| suite | subject | pass | fail | skip | result |\n");
    out.append("|---|---|---:|---:|---:|---|\n");
    for (SuiteResult s : report.suites()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %d | %d | %d | %s |%n",
              s.suite(),
              s.subject(),
              s.count(Outcome.PASS),
              s.count(Outcome.FAIL),
              s.count(Outcome.SKIP),
              s.passed() ? "PASS" : "**FAIL**"));
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }
}
