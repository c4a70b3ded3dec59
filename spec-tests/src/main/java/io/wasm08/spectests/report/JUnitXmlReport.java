package io.wasm08.spectests.report;

import io.wasm08.spectests.CaseResult;
import io.wasm08.spectests.ConformanceReport;
import io.wasm08.spectests.Outcome;
import io.wasm08.spectests.SuiteResult;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as surefire writes it ({@code testsuites/testsuite/testcase}, {@code failure} and
 * {@code skipped} children), so CI systems show each conformance case as a test.
 */
public final class JUnitXmlReport {
  private JUnitXmlReport() {}

  public static String render(ConformanceReport report) {
    StringWriter buffer = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "wasm08 conformance");
      xml.writeAttribute("tests", Long.toString(total(report)));
      xml.writeAttribute("failures", Long.toString(report.count(Outcome.FAIL)));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Long.toString(report.count(Outcome.SKIP)));
      xml.writeAttribute("time", seconds(totalTime(report)));
      for (SuiteResult s : report.suites()) {
        writeSuite(xml, s);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to memory", e);
    }
    return buffer + "\n";
  }

  private static void writeSuite(XMLStreamWriter xml, SuiteResult s) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", s.suite());
    xml.writeAttribute("tests", Integer.toString(s.cases().size()));
    xml.writeAttribute("failures", Long.toString(s.count(Outcome.FAIL)));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(s.count(Outcome.SKIP)));
    xml.writeAttribute(
        "time",
        seconds(
            s.cases().stream().map(CaseResult::duration).reduce(Duration.ZERO, Duration::plus)));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "subject", s.subject());
    for (String check : s.checks()) {
      property(xml, "checks", check);
    }
    for (String note : s.notes()) {
      property(xml, "note", note);
    }
    xml.writeEndElement();
    for (CaseResult c : s.cases()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("name", c.name());
      xml.writeAttribute("classname", "conformance." + s.suite());
      xml.writeAttribute("time", seconds(c.duration()));
      switch (c.outcome()) {
        case FAIL -> {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", oneLine(c.detail()));
          xml.writeCharacters(c.detail());
          xml.writeEndElement();
        }
        case SKIP -> {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", oneLine(c.detail()));
        }
        case PASS -> {
          if (!c.detail().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(c.detail());
            xml.writeEndElement();
          }
        }
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  /** XML parsers fold newlines in attributes to spaces; say so rather than leave it to them. */
  private static String oneLine(String text) {
    return text.replace("\r", "").replace('\n', ' ');
  }

  private static long total(ConformanceReport r) {
    return r.suites().stream().mapToLong(s -> s.cases().size()).sum();
  }

  private static Duration totalTime(ConformanceReport r) {
    return r.suites().stream()
        .flatMap(s -> s.cases().stream())
        .map(CaseResult::duration)
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }
}
