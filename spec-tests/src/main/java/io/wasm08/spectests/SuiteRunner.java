package io.wasm08.spectests;

import io.wasm08.common.Wasm08Exception;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs suites case by case. A case that throws fails with the error as its reason, and the run goes
 * on: one broken contract or vector never hides the rest. A suite whose input is unusable, or that
 * has no cases at all, fails loudly with one case saying why.
 */
public final class SuiteRunner {
  /** The title of reports written by this build. */
  private final String tool;

  public SuiteRunner(String tool) {
    this.tool = tool;
  }

  public ConformanceReport run(List<? extends Suite> suites) {
    List<SuiteResult> results = new ArrayList<>();
    for (Suite suite : suites) {
      results.add(run(suite));
    }
    return new ConformanceReport(tool, results);
  }

  public static SuiteResult run(Suite suite) {
    List<CaseResult> results = new ArrayList<>();
    List<ConformanceCase> cases;
    long start = System.nanoTime();
    try {
      cases = suite.cases();
    } catch (Wasm08Exception e) {
      cases = List.of();
      results.add(
          new CaseResult(
              "input", Outcome.FAIL, reason(e), Duration.ofNanos(System.nanoTime() - start)));
    }
    if (cases.isEmpty() && results.isEmpty()) {
      results.add(
          new CaseResult(
              "input",
              Outcome.FAIL,
              "nothing to check in " + suite.subject(),
              Duration.ofNanos(System.nanoTime() - start)));
    }
    for (ConformanceCase c : cases) {
      results.add(run(c));
    }
    List<String> notes;
    try {
      notes = suite.notes();
    } catch (Wasm08Exception e) {
      notes = List.of(reason(e));
    }
    return new SuiteResult(suite.name(), suite.subject(), suite.checks(), notes, results);
  }

  /** Runs one case; never throws for what the code under test throws. */
  public static CaseResult run(ConformanceCase c) {
    long start = System.nanoTime();
    Outcome outcome;
    String detail;
    try {
      detail = c.check().run();
      outcome = Outcome.PASS;
    } catch (Wasm08Exception e) {
      outcome = e.is(ConformanceErrorCode.NOT_APPLICABLE) ? Outcome.SKIP : Outcome.FAIL;
      detail = reason(e);
    } catch (RuntimeException | StackOverflowError e) {
      // A crash of the code under test is a finding about that input, not the end of the run.
      outcome = Outcome.FAIL;
      detail = "unexpected " + e.getClass().getName() + ": " + e.getMessage();
    }
    return new CaseResult(c.name(), outcome, detail, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Our own codes show their detail; an error of the code under test shows its code too. */
  static String reason(Wasm08Exception e) {
    if (e.errorCode() instanceof ConformanceErrorCode && e.detail() != null) {
      return e.detail();
    }
    return e.getMessage() + " [" + e.codespace() + "/" + e.code() + "]";
  }
}
