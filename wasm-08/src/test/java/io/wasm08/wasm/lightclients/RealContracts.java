package io.wasm08.wasm.lightclients;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Helpers for the real-contract tests: the fixture contracts as governance would submit them, one
 * real engine per execution mode (compiled modules are shared by the tests of a class), gas
 * measurement on a metered context, and the both-engines rule: every scenario runs on the runtime
 * compiler and on the interpreter and must produce the same observations, gas included.
 */
final class RealContracts {
  private RealContracts() {}

  static final String DUMMY = "fixtures/light-clients/eureka/cw_dummy_light_client.wasm.gz";
  static final String ETH = "fixtures/light-clients/eureka/cw_ics08_wasm_eth.wasm.gz";
  static final String ICS07 = "fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz";
  static final String MIGRATE_SUCCESS = "fixtures/light-clients/ibc-go/migrate_success.wasm.gz";
  static final String MIGRATE_ERROR = "fixtures/light-clients/ibc-go/migrate_error.wasm.gz";
  static final String GRANDPA_G1 =
      "fixtures/light-clients/ibc-go/legacy-g1/ics10_grandpa_cw.wasm.gz";

  /** A generous block gas limit (SDK gas) for measured calls. */
  static final long GAS_LIMIT = 1_000_000_000_000L;

  /** The file as stored in {@code ../shared} (gzip, as a MsgStoreCode would carry it). */
  static Bytes gzipped(String fixture) {
    return Bytes.wrapOwned(SharedFixtures.get().bytes(fixture));
  }

  static Bytes wasm(String fixture) {
    return Bytes.wrapOwned(SharedFixtures.get().contents(fixture));
  }

  static ChicoryWasmEngine newEngine(ExecutionMode mode) {
    return ChicoryWasmEngine.builder().executionMode(mode).build();
  }

  /** Runs {@code scenario} on both engines; the observations must be equal. */
  static <T> T onBothEngines(Function<ExecutionMode, T> scenario) {
    Map<ExecutionMode, T> results = new EnumMap<>(ExecutionMode.class);
    for (ExecutionMode mode :
        new ExecutionMode[] {ExecutionMode.COMPILER, ExecutionMode.INTERPRETER}) {
      results.put(mode, scenario.apply(mode));
    }
    assertThat(results.get(ExecutionMode.INTERPRETER))
        .as("interpreter observations equal compiler observations (results and gas)")
        .isEqualTo(results.get(ExecutionMode.COMPILER));
    return results.get(ExecutionMode.COMPILER);
  }

  /** The SDK gas {@code call} consumes on a metered context of {@code chain}. */
  static long gasOf(WasmTestChain chain, Consumer<BlockContext> call) {
    BasicGasMeter meter = new BasicGasMeter(GAS_LIMIT);
    call.accept(chain.ctx(meter));
    return meter.gasConsumed();
  }
}
