package io.wasm08.wasm.vm.chicory;

import static io.wasm08.wasm.vm.chicory.TestModules.bytes;
import static io.wasm08.wasm.vm.chicory.TestModules.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Garbage in, a clean {@link VmException} out: truncations and random byte corruptions of real
 * contracts, and pathological shapes, never escape as another exception or a JVM error.
 */
class StaticCheckerRobustnessTest {
  private static void checkOrVmException(byte[] wasm) {
    try {
      StaticChecker.checkWasm(wasm, Capabilities.BUILT_IN, WasmLimits.DEFAULT);
    } catch (VmException e) {
      assertThat(e.kind()).isIn(VmErrorKind.STATIC_VALIDATION_ERR, VmErrorKind.COMPILE_ERR);
    }
    try {
      StaticChecker.analyze(wasm);
    } catch (VmException e) {
      assertThat(e.kind()).isEqualTo(VmErrorKind.STATIC_VALIDATION_ERR);
    }
  }

  @Test
  void everyTruncationOfASmallContractIsAVmError() {
    byte[] wasm = WatModules.wasm("import_supported");
    for (int len = 0; len < wasm.length; len++) {
      byte[] cut = Arrays.copyOf(wasm, len);
      assertThatCode(() -> checkOrVmException(cut)).as("length %d", len).doesNotThrowAnyException();
    }
  }

  @Test
  void randomCorruptionsOfARealContractAreVmErrorsOrValid() {
    byte[] wasm = SharedFixtures.get().contents("fixtures/cosmwasm/hackatom_1.3.wasm");
    Random random = new Random(20_240_901L); // fixed seed: the same cases every run
    for (int round = 0; round < 60; round++) {
      byte[] mutated = wasm.clone();
      int flips = 1 + random.nextInt(8);
      for (int k = 0; k < flips; k++) {
        // bias towards the header and section layout, where parsers are most fragile
        int at = random.nextBoolean() ? random.nextInt(2048) : random.nextInt(mutated.length);
        mutated[at] = (byte) random.nextInt(256);
      }
      int r = round;
      assertThatCode(() -> checkOrVmException(mutated))
          .as("round %d", r)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void randomCorruptionsOfASmallModule() {
    byte[] wasm = WatModules.wasm("gate_floats_ok");
    Random random = new Random(7L);
    for (int round = 0; round < 2000; round++) {
      byte[] mutated = wasm.clone();
      mutated[8 + random.nextInt(mutated.length - 8)] = (byte) random.nextInt(256);
      int r = round;
      assertThatCode(() -> checkOrVmException(mutated))
          .as("round %d", r)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void deeplyNestedBlocksAreHandledWithoutStackOverflow() {
    int depth = 100_000;
    byte[] body =
        concat(
            bytes(0),
            TestModules.repeat(bytes(0x02, 0x40), depth),
            TestModules.repeat(bytes(0x0B), depth),
            bytes(0x0B));
    byte[] module = withExtraBody(body);
    assertThatCode(() -> checkOrVmException(module)).doesNotThrowAnyException();
  }

  @Test
  void hugeDeclaredCountsFailCleanly() {
    // A type section claiming 2^32-1 entries in five bytes: nothing is allocated up front.
    byte[] module =
        concat(TestModules.HEADER, TestModules.section(1, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
    assertThatCode(() -> checkOrVmException(module)).doesNotThrowAnyException();
    // 50 001 locals in one function: wasmparser's MAX_WASM_FUNCTION_LOCALS
    byte[] locals = concat(bytes(1), TestModules.u32(50_001), bytes(0x7F, 0x0B));
    assertThatCode(() -> checkOrVmException(withExtraBody(locals))).doesNotThrowAnyException();
  }

  /** The minimal contract with one more function (type 0) whose body is {@code body}. */
  private static byte[] withExtraBody(byte[] body) {
    byte[] base = TestModules.contract(1, 0, 0);
    // Replace the last code body (the extra one: "00 0b", size 2) by the given body.
    int codeEnd = base.length;
    byte[] prefix = Arrays.copyOf(base, codeEnd - 3);
    byte[] rebuilt = concat(prefix, TestModules.u32(body.length), body);
    return fixCodeSectionSize(rebuilt);
  }

  /** Recomputes the code section's size field (the code section is last). */
  private static byte[] fixCodeSectionSize(byte[] module) {
    int pos = 8;
    while (true) {
      int id = module[pos] & 0xFF;
      int p = pos + 1;
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = module[p++] & 0xFF;
        size |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      if (id == 10) {
        byte[] content = Arrays.copyOfRange(module, p, module.length);
        return concat(Arrays.copyOf(module, pos), TestModules.section(10, content));
      }
      pos = p + (int) size;
    }
  }
}
