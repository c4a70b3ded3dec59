package io.wasm08.spectests.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.spectests.CaseResult;
import io.wasm08.spectests.ConformanceReport;
import io.wasm08.spectests.Outcome;
import io.wasm08.spectests.SuiteResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The four formats render the same report faithfully, with awkward text escaped. */
class ReportFormatsTest {
  static final String AWKWARD = "a | b <c> & \"d\"\nline 2";

  static ConformanceReport report() {
    SuiteResult gas =
        new SuiteResult(
            "vm-gas",
            "hackatom.wasm",
            List.of("instance.rs gas"),
            List.of("a note"),
            List.of(
                new CaseResult("instantiate", Outcome.PASS, "gas 18034576", Duration.ofMillis(12)),
                new CaseResult("execute", Outcome.FAIL, AWKWARD, Duration.ofMillis(3)),
                new CaseResult("migrate", Outcome.SKIP, "no export", Duration.ZERO)));
    SuiteResult ics23 =
        new SuiteResult(
            "ics23",
            "vectors",
            List.of("vectors"),
            List.of(),
            List.of(new CaseResult("iavl/exist_left.json", Outcome.PASS, "", Duration.ZERO)));
    return new ConformanceReport("wasm08 test", List.of(gas, ics23));
  }

  @Test
  void terminalShowsCountsFailuresAndTotals() {
    String text = TerminalReport.render(report(), false);
    assertThat(text.lines())
        .contains(
            "wasm08 conformance — wasm08 test",
            "suite     pass    fail    skip  result  subject",
            "vm-gas       1       1       1  FAIL    hackatom.wasm",
            "ics23        1       0       0  PASS    vectors",
            "NOTE  vm-gas  a note",
            "total: 2 passed, 1 failed, 1 skipped — FAIL");
    assertThat(text).contains("FAIL  vm-gas  execute: " + AWKWARD);
    assertThat(text).contains("SKIP  vm-gas  migrate: no export").doesNotContain("instantiate");
    assertThat(TerminalReport.render(report(), true)).contains("  PASS instantiate: gas 18034576");
  }

  @Test
  void markdownHasTheSummaryAndEveryCaseWithCellsEscaped() {
    String md = MarkdownReport.render(report());
    assertThat(md)
        .startsWith(
            "# Conformance report\n\n`wasm08 test` · result: **FAIL** · 4 cases: 2 passed,"
                + " 1 failed, 1 skipped\n")
        .contains("| vm-gas | `hackatom.wasm` | 1 | 1 | 1 | **FAIL** |")
        .contains("| ics23 | `vectors` | 1 | 0 | 0 | PASS |")
        .contains("## vm-gas — `hackatom.wasm`")
        .contains("- instance.rs gas")
        .contains("Notes:\n\n- a note")
        .contains("| instantiate | pass | gas 18034576 |")
        .contains("| execute | **fail** | a \\| b <c> & \"d\"<br>line 2 |")
        .contains("| migrate | **skip** | no export |");
  }

  @Test
  void junitXmlIsWellFormedWithSurefireCounts() throws Exception {
    String xml = JUnitXmlReport.render(report());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("vm-gas");
    assertThat(suite.getAttribute("time")).isEqualTo("0.015");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("a | b <c> & \"d\" line 2");
    assertThat(failure.getTextContent()).isEqualTo(AWKWARD);
    assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
        .isEqualTo("conformance.vm-gas");
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void jsonCarriesEverything() throws IOException {
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(report()));
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("counts").toString()).isEqualTo("{\"pass\":2,\"fail\":1,\"skip\":1}");
    JsonNode execute = json.get("suites").get(0).get("cases").get(1);
    assertThat(execute.get("outcome").asText()).isEqualTo("fail");
    assertThat(execute.get("detail").asText()).isEqualTo(AWKWARD);
    assertThat(execute.get("durationMillis").asDouble()).isEqualTo(3.0);
    assertThat(json.get("suites").get(0).get("notes").get(0).asText()).isEqualTo("a note");
  }

  @Test
  void writeAllWritesEveryFormat(@TempDir Path dir) throws IOException {
    ReportFormat.writeAll(report(), dir.resolve("out"));
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(Files.readString(dir.resolve("out").resolve(format.fileName())))
          .isEqualTo(format.render(report()));
    }
  }
}
