package io.wasm08.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.proofs.ProofErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the runner turns what a case does into an outcome, and when a suite counts as passed. */
class SuiteRunnerTest {

  /** A suite over fixed cases, or one whose input is unusable. */
  record FixedSuite(List<ConformanceCase> cases, boolean badInput) implements Suite {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public String subject() {
      return "memory";
    }

    @Override
    public List<String> checks() {
      return List.of("nothing real");
    }

    @Override
    public List<ConformanceCase> cases() {
      if (badInput) {
        throw ConformanceErrorCode.BAD_INPUT.wrap("no such folder: /nowhere");
      }
      return cases;
    }
  }

  @Test
  void outcomesFollowWhatTheCaseDid() {
    SuiteResult result =
        SuiteRunner.run(
            new FixedSuite(
                List.of(
                    new ConformanceCase("passes", () -> "gas 42"),
                    new ConformanceCase(
                        "mismatch",
                        () -> {
                          throw ConformanceErrorCode.MISMATCH.wrap("gas 1, expected 2");
                        }),
                    new ConformanceCase(
                        "verifier error",
                        () -> {
                          throw ProofErrorCode.ROOT_MISMATCH.wrap("calculated root differs");
                        }),
                    new ConformanceCase(
                        "crash",
                        () -> {
                          throw new IllegalStateException("boom");
                        }),
                    new ConformanceCase(
                        "not applicable",
                        () -> {
                          throw ConformanceErrorCode.NOT_APPLICABLE.wrap("no migrate export");
                        })),
                false));
    assertThat(result.cases())
        .extracting(CaseResult::name, CaseResult::outcome, CaseResult::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("passes", Outcome.PASS, "gas 42"),
            org.assertj.core.groups.Tuple.tuple("mismatch", Outcome.FAIL, "gas 1, expected 2"),
            org.assertj.core.groups.Tuple.tuple(
                "verifier error", Outcome.FAIL, "calculated root differs: root mismatch [ics23/8]"),
            org.assertj.core.groups.Tuple.tuple(
                "crash", Outcome.FAIL, "unexpected java.lang.IllegalStateException: boom"),
            org.assertj.core.groups.Tuple.tuple(
                "not applicable", Outcome.SKIP, "no migrate export"));
    assertThat(result.passed()).isFalse();
    assertThat(result.count(Outcome.FAIL)).isEqualTo(3);
  }

  @Test
  void aSuiteWithOnlyPassesAndSkipsPasses() {
    SuiteResult result =
        SuiteRunner.run(
            new FixedSuite(
                List.of(
                    ConformanceCase.of("a", () -> {}),
                    new ConformanceCase(
                        "b",
                        () -> {
                          throw ConformanceErrorCode.NOT_APPLICABLE.wrap("why");
                        })),
                false));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void unusableOrEmptyInputFailsTheSuite() {
    SuiteResult bad = SuiteRunner.run(new FixedSuite(List.of(), true));
    assertThat(bad.passed()).isFalse();
    assertThat(bad.cases())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("input");
              assertThat(c.detail()).isEqualTo("no such folder: /nowhere");
            });
    SuiteResult empty = SuiteRunner.run(new FixedSuite(List.of(), false));
    assertThat(empty.passed()).isFalse();
    assertThat(empty.failures().getFirst().detail()).isEqualTo("nothing to check in memory");
  }

  @Test
  void aReportPassesOnlyWhenEverySuitePassed() {
    SuiteRunner runner = new SuiteRunner("test");
    FixedSuite good = new FixedSuite(List.of(ConformanceCase.of("a", () -> {})), false);
    FixedSuite bad = new FixedSuite(List.of(), true);
    assertThat(runner.run(List.of(good)).passed()).isTrue();
    assertThat(runner.run(List.of(good, bad)).passed()).isFalse();
    assertThat(runner.run(List.of()).passed()).isFalse();
  }
}
