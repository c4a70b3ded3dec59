package io.wasm08.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmEngine;
import org.junit.jupiter.api.Test;

class MeteredWasmEngineTest {
  /** Answers sudo with ok, query with a contract error, execute with a VM fault. */
  static final class Canned implements WasmEngine {
    public StoreCodeResult storeCode(byte[] w, long g) {
      throw new UnsupportedOperationException();
    }

    public StoreCodeResult simulateStoreCode(byte[] w, long g) {
      throw new UnsupportedOperationException();
    }

    public Checksum storeCodeUnchecked(byte[] w) {
      throw new UnsupportedOperationException();
    }

    public Bytes getCode(Checksum c) {
      throw new UnsupportedOperationException();
    }

    public void removeCode(Checksum c) {}

    public AnalysisReport analyzeCode(Checksum c) {
      throw new UnsupportedOperationException();
    }

    public void pin(Checksum c) {}

    public void unpin(Checksum c) {}

    public CallResult instantiate(Checksum c, Bytes e, Bytes i, Bytes m, CallContext x) {
      throw new UnsupportedOperationException();
    }

    public CallResult execute(Checksum c, Bytes e, Bytes i, Bytes m, CallContext x) {
      throw new VmCallException(
          new VmException(io.wasm08.wasm.vm.VmErrorKind.ABORTED, "trap"),
          GasReport.of(1000, 400, 0));
    }

    public CallResult query(Checksum c, Bytes e, Bytes m, CallContext x) {
      return new CallResult(Bytes.ofUtf8("{\"error\":\"nope\"}"), GasReport.of(1000, 900, 0));
    }

    public CallResult sudo(Checksum c, Bytes e, Bytes m, CallContext x) {
      return new CallResult(Bytes.ofUtf8("{\"ok\":{}}"), GasReport.of(1000, 750, 0));
    }

    public CallResult migrate(Checksum c, Bytes e, Bytes m, CallContext x) {
      throw new UnsupportedOperationException();
    }

    public CallResult migrateWithInfo(Checksum c, Bytes e, Bytes m, Bytes i, CallContext x) {
      throw new UnsupportedOperationException();
    }

    public CallResult reply(Checksum c, Bytes e, Bytes m, CallContext x) {
      throw new UnsupportedOperationException();
    }

    public Metrics metrics() {
      return new Metrics(3, 2, 0, 1, 1, 0, 0, 0);
    }

    public void close() {}
  }

  @Test
  void callsAreCountedByEntryPointAndOutcomeWithGas() {
    NodeMetrics metrics = new NodeMetrics();
    MeteredWasmEngine vm = new MeteredWasmEngine(new Canned(), metrics);
    vm.sudo(null, Bytes.EMPTY, Bytes.EMPTY, null);
    vm.sudo(null, Bytes.EMPTY, Bytes.EMPTY, null);
    vm.query(null, Bytes.EMPTY, Bytes.EMPTY, null);
    assertThatThrownBy(() -> vm.execute(null, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, null))
        .isInstanceOf(VmCallException.class);
    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("wasm08_vm_calls_total{entry_point=\"sudo\",outcome=\"ok\"} 2.0")
        .contains("wasm08_vm_calls_total{entry_point=\"query\",outcome=\"contract_error\"} 1.0")
        .contains("wasm08_vm_calls_total{entry_point=\"execute\",outcome=\"vm_error\"} 1.0")
        // 2 × (1000 − 750), 1000 − 900, 1000 − 400.
        .contains("wasm08_vm_gas_total{entry_point=\"sudo\"} 500.0")
        .contains("wasm08_vm_gas_total{entry_point=\"query\"} 100.0")
        .contains("wasm08_vm_gas_total{entry_point=\"execute\"} 600.0")
        .contains("wasm08_vm_cache_lookups_total{tier=\"pinned\"} 3.0")
        .contains("wasm08_vm_cache_lookups_total{tier=\"miss\"} 1.0");
  }
}
