package io.wasm08.wasm.vm.chicory.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wasm.Parser;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.ExternKind;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Export;
import io.wasm08.wasm.vm.chicory.binary.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The module-level contract of {@link Instrumenter} (globals, exports, determinism, errors). */
class InstrumenterTest {
  @Test
  void appendsFourExportedMutableGlobals() {
    byte[] wasm = TestWasm.load("metering");
    BinaryModule before = BinaryModule.parse(wasm);
    BinaryModule after =
        BinaryModule.parse(Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT));
    int base = before.globalCount();
    assertThat(after.globalCount()).isEqualTo(base + 4);
    Map<String, Export> exports =
        after.exports().stream().collect(Collectors.toMap(Export::name, e -> e));
    assertGlobal(after, exports.get(Instrumenter.REMAINING_POINTS), base, ValueType.I64);
    assertGlobal(after, exports.get(Instrumenter.POINTS_EXHAUSTED), base + 1, ValueType.I32);
    assertGlobal(after, exports.get(Instrumenter.CALL_DEPTH), base + 2, ValueType.I32);
    assertGlobal(after, exports.get(Instrumenter.CALL_DEPTH_EXCEEDED), base + 3, ValueType.I32);
    // every original export is kept with its index
    for (Export e : before.exports()) {
      assertThat(exports.get(e.name())).isEqualTo(e);
    }
  }

  private static void assertGlobal(BinaryModule m, Export e, int index, ValueType type) {
    assertThat(e.kind()).isEqualTo(ExternKind.GLOBAL);
    assertThat(e.index()).isEqualTo(index);
    assertThat(m.globalType(index).type()).isEqualTo(type);
    assertThat(m.globalType(index).mutable()).isTrue();
  }

  @Test
  void outputIsDeterministicAndValid() {
    byte[] wasm = SharedFixtures.get().contents("fixtures/cosmwasm/hackatom.wasm");
    byte[] a = Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT);
    byte[] b = Instrumenter.instrument(wasm.clone(), InstrumentationConfig.DEFAULT);
    assertThat(a).isEqualTo(b);
    Parser.parse(a);
    assertThat(Instrumenter.instrument(wasm, InstrumentationConfig.PRE_3_0_9)).isNotEqualTo(a);
  }

  @Test
  void reservedExportNamesAreTakenOver() {
    // wasmer's Metering overwrites an export named like its globals; so do we (one export each).
    String wat = "wasmer_metering_remaining_points";
    byte[] module = io.wasm08.wasm.vm.chicory.TestModulesAccess.contractExporting(wat);
    BinaryModule after =
        BinaryModule.parse(Instrumenter.instrument(module, InstrumentationConfig.DEFAULT));
    assertThat(after.exports().stream().filter(e -> e.name().equals(wat)))
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(ExternKind.GLOBAL));
  }

  @Test
  void moduleWithoutFunctionsOrGlobals() {
    byte[] module = {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 3, 1, 0, 1}; // (memory 1)
    byte[] out = Instrumenter.instrument(module, InstrumentationConfig.DEFAULT);
    Parser.parse(out);
    assertThat(BinaryModule.parse(out).globalCount()).isEqualTo(4);
  }

  @Test
  void corruptedInputIsACompileErrorOrAValidModule() {
    // Unchecked input (StoreCodeUnchecked) may be anything: the result is a VmException or an
    // instrumented module, never another exception.
    byte[] wasm = TestWasm.load("outline");
    java.util.Random random = new java.util.Random(99L);
    for (int round = 0; round < 3000; round++) {
      byte[] mutated = wasm.clone();
      mutated[8 + random.nextInt(mutated.length - 8)] = (byte) random.nextInt(256);
      try {
        Instrumenter.instrument(mutated, InstrumentationConfig.DEFAULT);
      } catch (VmException e) {
        assertThat(e.kind()).isEqualTo(VmErrorKind.COMPILE_ERR);
      }
    }
  }

  @Test
  void deeplyNestedCodeIsInstrumentedAndSplitWithoutStackOverflow() {
    // 50 000 nested blocks in one function, far over the splitting budget; run on a small stack
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(0); // no locals
    for (int k = 0; k < 50_000; k++) {
      body.write(0x02);
      body.write(0x40);
      body.write(0x01); // nop
    }
    for (int k = 0; k <= 50_000; k++) {
      body.write(0x0B);
    }
    byte[] b = body.toByteArray();
    io.wasm08.wasm.vm.chicory.binary.WasmWriter code =
        new io.wasm08.wasm.vm.chicory.binary.WasmWriter();
    code.u32(1).u32(b.length).bytes(b);
    io.wasm08.wasm.vm.chicory.binary.WasmWriter m =
        new io.wasm08.wasm.vm.chicory.binary.WasmWriter();
    m.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    m.section(1, new io.wasm08.wasm.vm.chicory.binary.WasmWriter().u32(1).u8(0x60).u32(0).u32(0));
    m.section(3, new io.wasm08.wasm.vm.chicory.binary.WasmWriter().u32(1).u32(0));
    m.section(10, code);
    byte[] module = m.toByteArray();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                Instrumenter.instrument(module, InstrumentationConfig.DEFAULT);
                Instrumenter.instrument(
                    module, InstrumentationConfig.DEFAULT, OutliningTest.forced(50));
              } catch (RuntimeException | StackOverflowError e) {
                failure.set(e);
              }
            },
            "small-stack",
            512 * 1024);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(failure.get()).isNull();
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "garbage",
            "garbage!".getBytes(StandardCharsets.US_ASCII),
            "Error compiling Wasm: Could not compile: Validation error: magic header not"
                + " detected"),
        Arguments.of(
            "bulk memory (unchecked code reaches the Gatekeeper)",
            io.wasm08.wasm.vm.chicory.TestModulesAccess.wat("gate_memory_copy"),
            "Error compiling Wasm: Could not compile: WebAssembly translation error: Error in"
                + " middleware Gatekeeper: Bulk memory operation detected: MemoryCopy { dst_mem:"
                + " 0, src_mem: 0 }. Bulk memory operations are not supported."),
        Arguments.of(
            "SIMD",
            io.wasm08.wasm.vm.chicory.TestModulesAccess.wat("gate_simd"),
            "Error compiling Wasm: Could not compile: WebAssembly translation error: Error in"
                + " middleware Gatekeeper: SIMD operator detected:"),
        Arguments.of(
            "tail call (wasmer does not enable it)",
            io.wasm08.wasm.vm.chicory.TestModulesAccess.wat("gate_tail_call"),
            "Error compiling Wasm: Could not compile: Validation error: tail calls support is not"
                + " enabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsWhatWasmerWouldNotCompile(String label, byte[] module, String messagePrefix) {
    assertThatThrownBy(() -> Instrumenter.instrument(module, InstrumentationConfig.DEFAULT))
        .isInstanceOfSatisfying(
            VmException.class, e -> assertThat(e.kind()).isEqualTo(VmErrorKind.COMPILE_ERR))
        .hasMessageStartingWith(messagePrefix);
  }
}
