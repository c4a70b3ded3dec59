package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.Entrypoint;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import io.wasm08.wasm.vm.chicory.StaticChecker;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract passes cosmwasm-vm 3.0.9's {@code check_wasm} with 08-wasm's capabilities ({@code
 * ["iterator"]}, ibc-go {@code defaultSupportedCapabilities}) and the default limits, locals limits
 * included; the rejection without {@code iterator} is upstream's text.
 */
class SoloMachineContractCheckTest {
  private static final byte[] WASM = SoloMachineContract.wasm().toByteArray();

  @Test
  void passesCheckWasmWithIterator() {
    AnalysisReport report = StaticChecker.checkWasm(WASM, Set.of("iterator"), WasmLimits.DEFAULT);

    assertThat(report.entrypoints())
        .extracting(Entrypoint::exportName)
        .containsExactly("instantiate", "migrate", "query", "sudo");
    assertThat(report.requiredCapabilities()).containsExactly("iterator");
    assertThat(report.hasIbcEntryPoints()).isFalse();
    assertThat(report.contractMigrateVersion()).isEmpty();
  }

  @Test
  void needsIterator() {
    assertThatThrownBy(() -> StaticChecker.checkWasm(WASM, Set.of(), WasmLimits.DEFAULT))
        .isInstanceOf(VmException.class)
        .hasMessage(
            "Error during static Wasm validation: Wasm contract requires unavailable capabilities:"
                + " {\"iterator\"}");
  }

  @Test
  void instrumentsForMetering() {
    byte[] metered = Instrumenter.instrument(WASM, InstrumentationConfig.DEFAULT);

    assertThat(metered.length).isGreaterThan(WASM.length);
    // the metered module keeps the contract's exports, capability marker included
    assertThat(StaticChecker.analyze(metered).requiredCapabilities()).containsExactly("iterator");
  }
}
