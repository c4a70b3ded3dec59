package io.wasm08.wasm.vm.chicory.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.chicory.CompileReport;
import io.wasm08.wasm.vm.chicory.ModuleCompiler;
import io.wasm08.wasm.vm.chicory.instrument.FunctionPlanner.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After instrumentation no function of the light-client contracts (nor hackatom) is left to
 * Chicory's interpreter: Chicory's own compiler, driven through {@link ModuleCompiler}, reports
 * every function compiled.
 */
class LargeFunctionsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "light-clients/ibc-go/ics07_tendermint_cw.wasm.gz",
        "light-clients/ibc-go/ics10_grandpa_cw.wasm.gz",
        "light-clients/ibc-go/ics10_grandpa_cw_expiry.wasm.gz",
        "light-clients/ibc-go/legacy-g1/ics10_grandpa_cw.wasm.gz",
        "light-clients/ibc-go/legacy-g1/ics07_tendermint_cw.wasm.gz",
        "light-clients/ibc-go/migrate_success.wasm.gz",
        "light-clients/ibc-go/migrate_error.wasm.gz",
        "light-clients/eureka/cw_ics08_wasm_eth.wasm.gz",
        "light-clients/eureka/cw_dummy_light_client.wasm.gz",
        "cosmwasm/hackatom.wasm"
      })
  void noFunctionFallsBackToTheInterpreter(String fixture) {
    byte[] wasm = SharedFixtures.get().contents("fixtures/" + fixture);
    byte[] instrumented = Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT);
    CompileReport report = ModuleCompiler.compile(instrumented).report();
    assertThat(report.interpretedFunctions()).isEmpty();
    assertThat(report.fullyCompiled()).isTrue();
  }

  @Test
  void theReportSeesFallbacks() {
    // Control: the plain inline instrumentation of hackatom overflows the JVM method limit in
    // function 153 (reference chicory.md §4.1) — the report must show it.
    byte[] wasm = SharedFixtures.get().contents("fixtures/cosmwasm/hackatom.wasm");
    byte[] inlineOnly =
        Instrumenter.instrument(
            wasm,
            InstrumentationConfig.DEFAULT,
            new Thresholds(Integer.MAX_VALUE, FunctionPlanner.CHUNK, 1, false));
    assertThat(ModuleCompiler.compile(inlineOnly).report().interpretedFunctions())
        .containsExactly(153);
  }
}
