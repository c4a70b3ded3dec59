package io.wasm08.wasm.vm.chicory.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.wasm.vm.chicory.instrument.Runner.Engine;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaN bits of {@code wat/nan.wat} on both engines, as wasmer's Singlepass with {@code
 * canonicalize_nans(true)} produces them (reference cosmwasm-vm.md §3.2): results of float
 * arithmetic are observed as the canonical NaN (f32 0x7FC00000, f64 0x7FF8000000000000), whatever
 * the input NaN's sign and payload; operations that only move or flip bits (neg, abs, copysign,
 * reinterpret) act on a value as stored — on a canonical value if it was still pending
 * canonicalization in Singlepass (neg/abs of an arithmetic result stay pending and are observed
 * canonical), on the raw bits otherwise.
 */
class NanCanonicalizationTest {
  static final long C32 = 0x7FC00000L;
  static final long C64 = 0x7FF8000000000000L;

  private static final Map<Engine, Runner> RUNNERS = new EnumMap<>(Engine.class);

  static synchronized Runner runner(Engine engine) {
    return RUNNERS.computeIfAbsent(
        engine,
        e ->
            new Runner(
                Instrumenter.instrument(TestWasm.load("nan"), InstrumentationConfig.DEFAULT),
                e,
                List.of()));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String op :
        List.of(
            "add",
            "sub",
            "mul",
            "div",
            "min",
            "max",
            "sqrt",
            "ceil",
            "floor",
            "trunc",
            "nearest",
            "zero_div_zero",
            "inf_sub_inf",
            "sqrt_minus_one",
            "neg_pending",
            "abs_pending",
            "neg_neg_pending",
            "tee_neg_pending")) {
      out.add(Arguments.of("f32_" + op, null, C32));
      out.add(Arguments.of("f64_" + op, null, C64));
    }
    // a canonical NaN that went through a local is no longer pending: neg flips its sign
    out.add(Arguments.of("f32_neg_local", null, 0xFFC00000L));
    out.add(Arguments.of("f64_neg_local", null, 0xFFF8000000000000L));
    // copysign takes canonicalized inputs and is not re-canonicalized
    out.add(Arguments.of("f32_copysign_pending", null, 0xFFC00000L));
    out.add(Arguments.of("f64_copysign_pending", null, 0xFFF8000000000000L));
    // NaN bits from outside (here a parameter) pass through bit operations unchanged
    out.add(Arguments.of("f32_neg_param", 0x7FC00123L, 0xFFC00123L));
    out.add(Arguments.of("f64_neg_param", 0x7FF8000000000123L, 0xFFF8000000000123L));
    out.add(Arguments.of("f32_abs_param", 0xFFC00123L, 0x7FC00123L));
    out.add(Arguments.of("f64_abs_param", 0xFFF8000000000123L, 0x7FF8000000000123L));
    out.add(Arguments.of("f32_pass_param", 0xFFC00123L, 0xFFC00123L));
    out.add(Arguments.of("f64_pass_param", 0xFFF8000000000123L, 0xFFF8000000000123L));
    // promote/demote keep the pending state: a pending input is observed canonical
    out.add(Arguments.of("f32_demote_pending", null, C32));
    out.add(Arguments.of("f64_promote_pending", null, C64));
    // ... a non-pending input is converted by the hardware (IEEE 754: quieted, payload kept in
    // the high bits): -nan:0x1 (f64 0xFFF0000000000001) demotes to 0xFFC00000;
    // -nan:0x1 (f32 0xFF800001) promotes to sign | 0x7FF8… | 0x1 << 29
    out.add(Arguments.of("f32_demote", null, 0xFFC00000L));
    out.add(Arguments.of("f64_promote", null, 0xFFF8000020000000L));
    out.add(Arguments.of("f64_promote_param", 0x7FC00123L, 0x7FF8000000000000L | 0x123L << 29));
    // pending values passed to a call, selected, or returned from a block are observed canonical
    out.add(Arguments.of("f32_call_arg", null, C32));
    out.add(Arguments.of("f32_select", 1L, C32));
    out.add(Arguments.of("f32_select", 0L, (long) Float.floatToRawIntBits(1.0f)));
    out.add(Arguments.of("f32_block_result", null, C32));
    // numbers are untouched: sqrt(1.5 × 2.25)
    out.add(
        Arguments.of(
            "f32_ordinary", null, (long) Float.floatToRawIntBits((float) Math.sqrt(1.5f * 2.25f))));
    out.add(Arguments.of("f64_ordinary", null, Double.doubleToRawLongBits(Math.sqrt(1.5 * 2.25))));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("cases")
  void bitsAreWasmers(String export, Long arg, long expectedBits) {
    for (Engine engine : Engine.values()) {
      Outcome o =
          arg == null
              ? runner(engine).call(export, 1_000_000)
              : runner(engine).call(export, 1_000_000, arg);
      assertThat(o.trap()).as(engine.name()).isNull();
      long bits = export.startsWith("f32_") ? o.result() & 0xFFFFFFFFL : o.result();
      assertThat(Long.toHexString(bits))
          .as(engine.name())
          .isEqualTo(Long.toHexString(expectedBits));
    }
  }
}
