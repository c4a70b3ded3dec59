package io.wasm08.spectests.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.spectests.CaseResult;
import io.wasm08.spectests.ConformanceReport;
import io.wasm08.spectests.Outcome;
import io.wasm08.spectests.SuiteResult;
import java.util.Locale;

/** The whole report as JSON, with per-case durations (documented in docs/conformance.md). */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(ConformanceReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", report.tool());
    root.put("passed", report.passed());
    counts(
        root.putObject("counts"),
        report.count(Outcome.PASS),
        report.count(Outcome.FAIL),
        report.count(Outcome.SKIP));
    ArrayNode suites = root.putArray("suites");
    for (SuiteResult s : report.suites()) {
      ObjectNode suite = suites.addObject();
      suite.put("suite", s.suite());
      suite.put("subject", s.subject());
      suite.put("passed", s.passed());
      counts(
          suite.putObject("counts"),
          s.count(Outcome.PASS),
          s.count(Outcome.FAIL),
          s.count(Outcome.SKIP));
      ArrayNode checks = suite.putArray("checks");
      s.checks().forEach(checks::add);
      ArrayNode notes = suite.putArray("notes");
      s.notes().forEach(notes::add);
      ArrayNode cases = suite.putArray("cases");
      for (CaseResult c : s.cases()) {
        ObjectNode node = cases.addObject();
        node.put("name", c.name());
        node.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
        node.put("detail", c.detail());
        node.put("durationMillis", c.duration().toNanos() / 1e6);
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  private static void counts(ObjectNode node, long pass, long fail, long skip) {
    node.put("pass", pass);
    node.put("fail", fail);
    node.put("skip", skip);
  }
}
