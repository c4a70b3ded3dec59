package io.wasm08.wasm.vm.chicory.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasm08.wasm.vm.chicory.binary.Opcodes;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Engine;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gas of {@code wat/metering.wat}, on both engines, against values derived by hand from cosmwasm-vm
 * 3.0.9's metering (reference cosmwasm-vm.md §5.2): every operator costs 115, an accounting
 * operator ({@code loop end if else br br_if br_table call call_indirect return}) 1610; the
 * accumulated cost is checked and subtracted immediately before each accounting operator, so a
 * block's operators are paid at its next accounting operator and an {@code end} that is branched
 * over is never paid.
 */
class MeteringTest {
  static final long LIMIT = 1_000_000;

  static byte[] metering() {
    try (InputStream in = MeteringTest.class.getResourceAsStream("/wat/metering.wasm")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code probe} returns the gas left when it is called. */
  static HostFunction probe() {
    return new HostFunction(
        "env",
        "probe",
        FunctionType.of(List.of(), List.of(ValType.I64)),
        (Instance inst, long... args) ->
            new long[] {inst.exports().global(Instrumenter.REMAINING_POINTS).getValue()});
  }

  static Runner runner(InstrumentationConfig config, Engine engine) {
    return new Runner(Instrumenter.instrument(metering(), config), engine, List.of(probe()));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // const(115) const(115) add(115) | end(1610): one check of 1955 before the end
        Arguments.of("straight", new long[] {}, 1955L, 3L),
        // entry: block(115) loop(1610) → 1725 before the loop; per iteration with n > 0:
        // get eqz br_if → 1840, then 8 operators + br → 2530; the last iteration: 1840 and br_if
        // jumps past both ends (never paid); get acc + end → 1725.
        // total(n) = 1725 + 4370·n + 1840 + 1725 = 5290 + 4370·n
        Arguments.of("loop", new long[] {0}, 5290L, 0L),
        Arguments.of("loop", new long[] {3}, 5290L + 3 * 4370, 9L),
        // get(115) if(1610) → 1725; then: 3 ops + else → 1955 (else pays for the then-arm);
        // else-arm: 1 op + end → 1725 (the if's end); function end alone: 1610
        Arguments.of("branch", new long[] {1}, 1725L + 1955 + 1610, 11L),
        Arguments.of("branch", new long[] {0}, 1725L + 1725 + 1610, 20L),
        // const + call → 1725; callee: get const add end → 1955; call → 1610; callee 1955;
        // end → 1610
        Arguments.of("calls", new long[] {}, 1725L + 1955 + 1610 + 1955 + 1610, 7L),
        // const get call_indirect → 1840; $callee 1955 (index 0) / $callee2 get end 1725;
        // end 1610
        Arguments.of("indirect", new long[] {0}, 1840L + 1955 + 1610, 8L),
        Arguments.of("indirect", new long[] {1}, 1840L + 1725 + 1610, 7L),
        // block×3 get br_table → 2070; case 0: const const add return → 1955; case 1: const
        // return → 1725; default: 5 ops + end → 2185 (the ends after returns are never paid)
        Arguments.of("table", new long[] {0}, 2070L + 1955, 101L),
        Arguments.of("table", new long[] {1}, 2070L + 1725, 200L),
        Arguments.of("table", new long[] {7}, 2070L + 2185, 307L),
        // 7 operators + end
        Arguments.of("trap", new long[] {5}, 7 * 115L + 1610, 2L),
        // 29 locals: no locals charge; const drop end → 1840
        Arguments.of("locals29", new long[] {}, 1840L, null),
        // 30 locals: 1 unit (115) in a separate check at entry, then 1840
        Arguments.of("locals30", new long[] {}, 115L + 1840, null),
        // 31 locals: 2 units
        Arguments.of("locals31", new long[] {}, 230L + 1840, null),
        // first operator is the (accounting) end: the locals cost joins its check
        Arguments.of("locals31_end_first", new long[] {}, 230L + 1610, null));
  }

  @ParameterizedTest(name = "{0}{1} on {4}")
  @MethodSource("withEngines")
  void gasMatchesHandDerivation(String export, long[] args, long gas, Long result, Engine engine) {
    Outcome o = runner(InstrumentationConfig.DEFAULT, engine).call(export, LIMIT, args);
    assertThat(o.trap()).isNull();
    assertThat(o.gasUsed(LIMIT)).isEqualTo(gas);
    assertThat(o.exhausted()).isFalse();
    if (result != null) {
      assertThat(o.result()).isEqualTo(result);
    }
  }

  static Stream<Arguments> withEngines() {
    return cases()
        .flatMap(
            c ->
                Stream.of(Engine.values())
                    .map(
                        e -> {
                          Object[] a = c.get();
                          return Arguments.of(a[0], a[1], a[2], a[3], e);
                        }));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void localsChargeOffReproducesPre309Gas(Engine engine) {
    Runner r = runner(InstrumentationConfig.PRE_3_0_9, engine);
    for (String f : List.of("locals29", "locals30", "locals31")) {
      assertThat(r.call(f, LIMIT).gasUsed(LIMIT)).as(f).isEqualTo(1840L);
    }
    assertThat(r.call("locals31_end_first", LIMIT).gasUsed(LIMIT)).isEqualTo(1610L);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void exactExhaustionPasses(Engine engine) {
    // remaining == cost passes and leaves 0
    Outcome o = runner(InstrumentationConfig.DEFAULT, engine).call("straight", 1955);
    assertThat(o.trap()).isNull();
    assertThat(o.remaining()).isZero();
    assertThat(o.exhausted()).isFalse();
    assertThat(o.result()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void oneShortTrapsWithoutDecrement(Engine engine) {
    // remaining < cost: the flag is set, remaining is left untouched, and the code traps
    Outcome o = runner(InstrumentationConfig.DEFAULT, engine).call("straight", 1954);
    assertThat(o.trap()).isInstanceOf(TrapException.class);
    assertThat(o.exhausted()).isTrue();
    assertThat(o.remaining()).isEqualTo(1954);
    assertThat(o.depthExceeded()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void separateLocalsCheckRunsFirst(Engine engine) {
    Runner r = runner(InstrumentationConfig.DEFAULT, engine);
    // locals31: the entry check (230) passes with exactly 230, then the end check (1840) fails
    Outcome sep = r.call("locals31", 230);
    assertThat(sep.exhausted()).isTrue();
    assertThat(sep.remaining()).isZero();
    // locals31_end_first: one merged check of 1840 fails; nothing was subtracted
    Outcome merged = r.call("locals31_end_first", 230);
    assertThat(merged.exhausted()).isTrue();
    assertThat(merged.remaining()).isEqualTo(230);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void trapMidBlockChargesNothing(Engine engine) {
    // the division traps before the only check (at the end): no gas is subtracted
    Outcome o = runner(InstrumentationConfig.DEFAULT, engine).call("trap", LIMIT, 0);
    assertThat(o.trap()).isNotNull().hasMessageContaining("divide by zero");
    assertThat(o.exhausted()).isFalse();
    assertThat(o.remaining()).isEqualTo(LIMIT);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importSeesGasAfterTheCallCheck(Engine engine) {
    // const drop call → 1840 is charged before the import runs; then end → 1610
    Outcome o = runner(InstrumentationConfig.DEFAULT, engine).call("host", LIMIT);
    assertThat(o.result()).isEqualTo(LIMIT - 1840);
    assertThat(o.gasUsed(LIMIT)).isEqualTo(1840 + 1610);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void infiniteLoopStopsAtTheLimit(Engine engine) {
    // loop → 1610 at entry, then br → 1610 per iteration: with 10^7 gas the check fails after
    // floor((10^7 − 1610) / 1610) = 6210 iterations with 10^7 − 1610 − 6210·1610 = 290 left.
    Outcome o = runner(InstrumentationConfig.DEFAULT, engine).call("infinite", 10_000_000);
    assertThat(o.exhausted()).isTrue();
    assertThat(o.trap()).isInstanceOf(TrapException.class);
    assertThat(o.remaining()).isEqualTo(290);
  }

  @Test
  void costFunctionMatchesUpstream() {
    // engine.rs::cost_works
    assertThat(Metering.cost(Opcodes.BR)).isEqualTo(1610);
    assertThat(Metering.cost(Opcodes.RETURN)).isEqualTo(1610);
    assertThat(Metering.cost(Opcodes.I64_CONST)).isEqualTo(115);
    assertThat(Metering.cost(0xC2)).isEqualTo(115); // i64.extend8_s
    assertThat(Metering.localsCharge(29)).isZero();
    assertThat(Metering.localsCharge(30)).isEqualTo(115);
    assertThat(Metering.localsCharge(31)).isEqualTo(230);
  }
}
