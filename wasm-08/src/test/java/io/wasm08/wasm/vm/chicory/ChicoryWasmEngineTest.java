package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.KvRecord;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.Order;
import io.wasm08.wasm.vm.Storage;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmEngine;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine API over stored code: storage of code, caching, calls and their gas reports. */
class ChicoryWasmEngineTest {
  static final byte[] DRIVER = TestContracts.wasm("driver");
  static final Checksum DRIVER_CHECKSUM = Checksum.of(DRIVER);
  static final Bytes ENV = Bytes.ofUtf8("{}");

  /** Unmetered, so the expected gas below is host gas only (derivable by hand). */
  static ChicoryWasmEngine engine(ExecutionMode mode) {
    return ChicoryWasmEngine.builder()
        .executionMode(mode)
        .crypto(new FakeCrypto())
        .uninstrumented()
        .build();
  }

  static CallContext context(MockStorage storage, long gas) {
    return new CallContext(storage, new MockApi(), new MockQuerier(), gas);
  }

  @Test
  void storeCodeChargesTheCompileCostAndReturnsTheChecksum() {
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      long cost = 3L * 140_000 * DRIVER.length;
      StoreCodeResult stored = engine.storeCode(DRIVER, cost);
      assertThat(stored).isEqualTo(new StoreCodeResult(DRIVER_CHECKSUM, cost));
      assertThat(engine.getCode(DRIVER_CHECKSUM)).isEqualTo(Bytes.of(DRIVER));
    }
  }

  @Test
  void storeCodeBelowTheCompileCostFailsBeforeTouchingTheCode() {
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      long cost = WasmEngine.compileCost(DRIVER.length);
      assertThatThrownBy(() -> engine.storeCode(DRIVER, cost - 1))
          .isInstanceOfSatisfying(
              VmCallException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(VmErrorKind.GAS_DEPLETION);
                assertThat(e.gasReport().usedInternally()).isEqualTo(cost);
              });
      assertThatThrownBy(() -> engine.getCode(DRIVER_CHECKSUM))
          .hasMessage("Cache error: Error opening Wasm file for reading");
    }
  }

  @Test
  void simulateStoreCodeKeepsNothing() {
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      assertThat(engine.simulateStoreCode(DRIVER, Long.MAX_VALUE).checksum())
          .isEqualTo(DRIVER_CHECKSUM);
      assertThatThrownBy(() -> engine.getCode(DRIVER_CHECKSUM)).isInstanceOf(VmException.class);
    }
  }

  @Test
  void garbageIsRejectedAtStoreTime() {
    try (ChicoryWasmEngine engine = ChicoryWasmEngine.builder().build()) {
      assertThatThrownBy(
              () -> engine.storeCode(new byte[] {0, 'a', 's', 'm', 9, 9}, Long.MAX_VALUE))
          .isInstanceOfSatisfying(
              VmException.class,
              e -> assertThat(e.kind()).isEqualTo(VmErrorKind.STATIC_VALIDATION_ERR))
          .hasMessageStartingWith(
              "Error during static Wasm validation: Wasm bytecode could not be deserialized.");
      assertThatThrownBy(() -> engine.storeCodeUnchecked(new byte[0]))
          .isInstanceOfSatisfying(
              VmException.class, e -> assertThat(e.kind()).isEqualTo(VmErrorKind.COMPILE_ERR));
      assertThat(engine.metrics().elementsMemoryCache()).isZero();
    }
  }

  @Test
  void storeCodeChecksCapabilitiesAndAnalyzeCodeReportsThem() {
    try (ChicoryWasmEngine engine = ChicoryWasmEngine.builder().build()) {
      Checksum driver = engine.storeCode(DRIVER, Long.MAX_VALUE).checksum();
      assertThat(engine.analyzeCode(driver).entrypoints()).hasSize(6);
      assertThat(engine.analyzeCode(driver).requiredCapabilities()).isEmpty();
    }
  }

  @Test
  void removeCodeForgetsTheCodeAndFailsForUnknownCode() {
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      engine.storeCodeUnchecked(DRIVER);
      engine.removeCode(DRIVER_CHECKSUM);
      assertThatThrownBy(() -> engine.getCode(DRIVER_CHECKSUM)).isInstanceOf(VmException.class);
      assertThatThrownBy(() -> engine.removeCode(DRIVER_CHECKSUM))
          .hasMessage("Cache error: Wasm file does not exist");
    }
  }

  @Test
  void callsCountCacheHitsAndPinning() {
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      engine.storeCodeUnchecked(DRIVER);
      engine.query(DRIVER_CHECKSUM, ENV, ENV, context(new MockStorage(), 1_000_000_000));
      assertThat(engine.metrics().hitsMemoryCache()).isEqualTo(1);
      engine.pin(DRIVER_CHECKSUM);
      engine.query(DRIVER_CHECKSUM, ENV, ENV, context(new MockStorage(), 1_000_000_000));
      Metrics m = engine.metrics();
      assertThat(m.hitsPinnedMemoryCache()).isEqualTo(1);
      assertThat(m.elementsPinnedMemoryCache()).isEqualTo(1);
      assertThat(m.misses()).isZero();
      engine.unpin(DRIVER_CHECKSUM);
      engine.unpin(DRIVER_CHECKSUM); // unknown checksums are ignored
      assertThat(engine.metrics().elementsPinnedMemoryCache()).isZero();
    }
  }

  @Test
  void codeOnDiskIsReverifiedOnLoad(@TempDir Path dir) throws Exception {
    try (ChicoryWasmEngine engine =
        ChicoryWasmEngine.builder().baseDir(dir).crypto(new FakeCrypto()).build()) {
      engine.storeCodeUnchecked(DRIVER);
    }
    Path file = dir.resolve("state/wasm/" + DRIVER_CHECKSUM.hex() + ".wasm");
    assertThat(file).exists();
    // a fresh engine (node restart) finds the code on disk: the first call is a cache miss
    try (ChicoryWasmEngine engine =
        ChicoryWasmEngine.builder().baseDir(dir).crypto(new FakeCrypto()).build()) {
      CallResult r =
          engine.query(
              DRIVER_CHECKSUM,
              ENV,
              Bytes.ofUtf8("\"x\""),
              context(new MockStorage(), 1_000_000_000));
      assertThat(r.data().toUtf8()).isEqualTo("\"x\"");
      assertThat(engine.metrics().misses()).isEqualTo(1);
    }
    byte[] tampered = Files.readAllBytes(file);
    tampered[tampered.length - 1] ^= 1;
    Files.write(file, tampered);
    try (ChicoryWasmEngine engine =
        ChicoryWasmEngine.builder().baseDir(dir).crypto(new FakeCrypto()).build()) {
      assertThatThrownBy(() -> engine.getCode(DRIVER_CHECKSUM))
          .hasMessage("Hash doesn't match stored data");
      assertThatThrownBy(
              () -> engine.query(DRIVER_CHECKSUM, ENV, ENV, context(new MockStorage(), 1_000_000)))
          .isInstanceOfSatisfying(
              VmCallException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(VmErrorKind.INTEGRITY_ERR);
                assertThat(e.gasReport()).isEqualTo(GasReport.unused(1_000_000));
              });
    }
  }

  /** Delegates to a MockStorage and counts {@link Storage#endCall()}. */
  static final class CountingStorage implements Storage {
    final MockStorage delegate = new MockStorage();
    final AtomicInteger ended = new AtomicInteger();

    @Override
    public BackendResult<Optional<Bytes>> get(Bytes key) {
      return delegate.get(key);
    }

    @Override
    public BackendResult<Integer> scan(Bytes start, Bytes end, Order order) {
      return delegate.scan(start, end, order);
    }

    @Override
    public BackendResult<Optional<KvRecord>> next(int iteratorId) {
      return delegate.next(iteratorId);
    }

    @Override
    public BackendResult<Void> set(Bytes key, Bytes value) {
      return delegate.set(key, value);
    }

    @Override
    public BackendResult<Void> remove(Bytes key) {
      return delegate.remove(key);
    }

    @Override
    public void endCall() {
      ended.incrementAndGet();
    }
  }

  record Fault(String message, GasReport gasReport, int storageCallsEnded) {}

  @Test
  void faultsCarryTheGasReportAndEndTheStorageCall() {
    Fault fault =
        DualEngine.same(
            mode -> {
              CountingStorage storage = new CountingStorage();
              try (ChicoryWasmEngine engine = engine(mode)) {
                engine.storeCodeUnchecked(DRIVER);
                CallContext ctx =
                    new CallContext(storage, new MockApi(), new MockQuerier(), 1_000_000_000);
                try {
                  engine.call(DRIVER_CHECKSUM, "write_echo", true, ctx, ENV, ENV);
                  throw new AssertionError("must fail");
                } catch (VmCallException e) {
                  return new Fault(e.getMessage(), e.gasReport(), storage.ended.get());
                }
              }
            });
    assertThat(fault.message())
        .isEqualTo(
            "Error executing Wasm: Wasmer runtime error: RuntimeError: Must not call a writing"
                + " storage function in this context.");
    // env and msg written (230 000 + 570·2 each), then the import's host call (18 000)
    long used = 2 * (230_000 + 570 * 2) + 18_000;
    assertThat(fault.gasReport())
        .isEqualTo(new GasReport(1_000_000_000, 1_000_000_000 - used, 0, used));
    assertThat(fault.storageCallsEnded()).isEqualTo(1);
  }

  @Test
  void queriesCannotWriteButSudoCan() {
    MockStorage storage = new MockStorage();
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      engine.storeCodeUnchecked(DRIVER);
      CallResult r =
          engine.call(
              DRIVER_CHECKSUM,
              "write_echo",
              false,
              context(storage, 1_000_000_000),
              ENV,
              Bytes.ofUtf8("k"));
      assertThat(r.data().toUtf8()).isEqualTo("k");
      assertThat(r.gasReport().usedExternally()).isEqualTo(2);
      assertThat(storage.entries()).containsEntry(Bytes.ofUtf8("k"), Bytes.ofUtf8("k"));
    }
  }

  @Test
  void unknownChecksumIsACacheError() {
    try (ChicoryWasmEngine engine = engine(ExecutionMode.COMPILER)) {
      assertThatThrownBy(
              () -> engine.query(DRIVER_CHECKSUM, ENV, ENV, context(new MockStorage(), 1)))
          .hasMessage("Cache error: Error opening Wasm file for reading");
    }
  }

  @Test
  void interpretedFunctionsAreReported() {
    assertThat(TestContracts.unmetered("driver", ExecutionMode.COMPILER).interpretedFunctions())
        .isEmpty();
  }
}
