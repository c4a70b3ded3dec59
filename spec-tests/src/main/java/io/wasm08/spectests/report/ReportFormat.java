package io.wasm08.spectests.report;

import io.wasm08.spectests.ConformanceReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** The report formats, each with the file name it is written under. */
public enum ReportFormat {
  /** A summary table, the failures and the notes; every case with {@code verbose}. */
  TERMINAL("report.txt", r -> TerminalReport.render(r, false)),
  /** The full report for reviewers: every suite, what it checked, every case. */
  MARKDOWN("report.md", MarkdownReport::render),
  /** JUnit XML (surefire's schema), for CI test views. */
  JUNIT("report.xml", JUnitXmlReport::render),
  /** Everything, machine-readable. */
  JSON("report.json", JsonReport::render);

  private final String fileName;
  private final Function<ConformanceReport, String> renderer;

  ReportFormat(String fileName, Function<ConformanceReport, String> renderer) {
    this.fileName = fileName;
    this.renderer = renderer;
  }

  public String fileName() {
    return fileName;
  }

  public String render(ConformanceReport report) {
    return renderer.apply(report);
  }

  /** Writes the report in every format into {@code dir} (created if needed). */
  public static void writeAll(ConformanceReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (ReportFormat format : values()) {
      Files.writeString(
          dir.resolve(format.fileName), format.render(report), StandardCharsets.UTF_8);
    }
  }
}
