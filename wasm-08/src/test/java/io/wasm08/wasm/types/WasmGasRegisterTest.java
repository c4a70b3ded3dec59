package io.wasm08.wasm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.OutOfGasException;
import org.junit.jupiter.api.Test;

/**
 * The gas register against 08-wasm-host.md §8 (ibc-go {@code types/gas_register.go} constants and
 * {@code gas_register_custom.go} functions); each expectation is derived by hand from the formula.
 */
class WasmGasRegisterTest {
  @Test
  void constantsAreIbcGos() {
    assertThat(WasmGasRegister.GAS_MULTIPLIER).isEqualTo(140_000);
    assertThat(WasmGasRegister.setupContractCost(0)).isEqualTo(2_000);
    assertThat(WasmGasRegister.setupContractCost(1_000_000)).isEqualTo(2_000); // 0 per msg byte
    assertThat(WasmGasRegister.COST_JSON_DESERIALIZATION).isEqualTo(140_000);
    assertThat(WasmGasRegister.INSTANCE_COST).isEqualTo(60_000);
  }

  @Test
  void uncompressCostsAreFifteenHundredthsRoundedDown() {
    assertThat(WasmGasRegister.uncompressCosts(100)).isEqualTo(15);
    assertThat(WasmGasRegister.uncompressCosts(7)).isEqualTo(1); // 1.05
    assertThat(WasmGasRegister.uncompressCosts(6)).isZero(); // 0.9
    assertThat(WasmGasRegister.uncompressCosts(231_159)).isEqualTo(34_673); // 34 673.85
  }

  @Test
  void conversions() {
    assertThat(WasmGasRegister.toWasmVmGas(3)).isEqualTo(420_000);
    assertThat(WasmGasRegister.fromWasmVmGas(279_999)).isEqualTo(1);
    assertThat(WasmGasRegister.fromWasmVmGas(280_000)).isEqualTo(2);
    // x = source × 140 000 wraps below source → Go panics out of gas ("overflow")
    assertThatThrownBy(() -> WasmGasRegister.toWasmVmGas(Long.MIN_VALUE))
        .isInstanceOfSatisfying(
            OutOfGasException.class, e -> assertThat(e.descriptor()).isEqualTo("overflow"));
  }

  @Test
  void runtimeGasForContract() {
    assertThat(WasmGasRegister.runtimeGasForContract(new InfiniteGasMeter()))
        .isEqualTo(WasmGasRegister.UNLIMITED_VM_GAS);
    assertThat(WasmGasRegister.runtimeGasForContract(new BasicGasMeter(0)))
        .isZero(); // a 0 limit is out of gas already (consumed 0 >= limit 0)
    BasicGasMeter meter = new BasicGasMeter(1_000);
    meter.consumeGas(400, "test");
    assertThat(WasmGasRegister.runtimeGasForContract(meter)).isEqualTo(600L * 140_000);
    meter.consumeGas(600, "test");
    assertThat(WasmGasRegister.runtimeGasForContract(meter)).isZero();
  }

  @Test
  void consumeRuntimeGasAbortsWhenTheMeterRunsOut() {
    BasicGasMeter meter = new BasicGasMeter(10);
    WasmGasRegister.consumeRuntimeGas(meter, 9L * 140_000 + 139_999);
    assertThat(meter.gasConsumed()).isEqualTo(9);
    assertThatThrownBy(() -> WasmGasRegister.consumeRuntimeGas(meter, 140_000))
        .isInstanceOfSatisfying(
            OutOfGasException.class,
            e -> assertThat(e.descriptor()).isEqualTo("Wasmer function execution"));
    BasicGasMeter small = new BasicGasMeter(10);
    assertThatThrownBy(() -> WasmGasRegister.consumeRuntimeGas(small, 11L * 140_000))
        .isInstanceOfSatisfying(
            OutOfGasException.class, e -> assertThat(e.descriptor()).isEqualTo("wasm contract"));
  }
}
