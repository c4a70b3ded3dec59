package io.wasm08.wasm.vm.chicory.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.instrument.FunctionPlanner.Thresholds;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Engine;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splitting functions (and the charge helper) must not change anything observable: for {@code
 * wat/outline.wat}, forced splitting at several granularities gives the same results, traps, gas
 * and exhaustion points as the plain instrumentation, on both engines; real contracts split
 * everywhere still validate.
 */
class OutliningTest {
  static final long LIMIT = 10_000_000;

  /** Every function split into pieces of about {@code chunk} estimated bytes. */
  static Thresholds forced(int chunk) {
    return new Thresholds(0, chunk, 1, false);
  }

  static Stream<Arguments> calls() {
    List<Arguments> out = new ArrayList<>();
    for (long n : new long[] {0, 1, 6, 7, 20}) {
      out.add(Arguments.of("sum_loop", new long[] {n}));
    }
    for (long x = 0; x < 6; x++) {
      out.add(Arguments.of("classify", new long[] {x}));
      out.add(Arguments.of("carry", new long[] {x}));
      out.add(Arguments.of("table_value", new long[] {x}));
    }
    for (float f : new float[] {1.5f, 0f, Float.NaN, Float.POSITIVE_INFINITY}) {
      out.add(Arguments.of("floats", new long[] {Float.floatToRawIntBits(f)}));
    }
    for (long n : new long[] {0, 3}) {
      out.add(Arguments.of("calls", new long[] {n}));
    }
    for (long x : new long[] {0, 7}) {
      out.add(Arguments.of("trap_inside", new long[] {x}));
    }
    for (long x : new long[] {3, 15, 25}) {
      out.add(Arguments.of("early_return", new long[] {x}));
    }
    out.add(Arguments.of("dead_end", new long[] {1}));
    out.add(Arguments.of("stack_below", new long[] {4}));
    return out.stream();
  }

  private static List<Object> observe(Outcome o) {
    List<Object> v = new ArrayList<>();
    v.add(o.results() == null ? null : List.of(o.results()[0]));
    v.add(o.remaining());
    v.add(o.exhausted());
    v.add(o.depthExceeded());
    v.add(o.depthAfter());
    v.add(o.trap() == null ? null : o.trap().getClass().getSimpleName() + o.trap().getMessage());
    return v;
  }

  private static final java.util.Map<String, Runner> RUNNERS = new java.util.HashMap<>();

  /** Compiled once per (granularity, engine); chunk 0 = plain instrumentation. */
  private static synchronized Runner runner(int chunk, Engine engine) {
    return RUNNERS.computeIfAbsent(
        chunk + "/" + engine,
        k -> {
          byte[] wasm = TestWasm.load("outline");
          byte[] code =
              chunk == 0
                  ? Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT)
                  : Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT, forced(chunk));
          return new Runner(code, engine, List.of());
        });
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("calls")
  void splittingChangesNothing(String export, long[] args) {
    for (Engine engine : Engine.values()) {
      Runner base = runner(0, engine);
      Outcome reference = base.call(export, LIMIT, args);
      long used = reference.gasUsed(LIMIT);
      for (int chunk : new int[] {20, 45, 90, 200}) {
        Runner r = runner(chunk, engine);
        String what = export + " chunk " + chunk + " on " + engine;
        assertThat(observe(r.call(export, LIMIT, args))).as(what).isEqualTo(observe(reference));
        // the same exhaustion points: one short of the total, and half of it
        for (long limit : new long[] {used - 1, used / 2}) {
          if (limit > 0) {
            assertThat(observe(r.call(export, limit, args)))
                .as(what + " limit " + limit)
                .isEqualTo(observe(base.call(export, limit, args)));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 45, 90, 200})
  void forcedSplittingCutsFunctions(int chunk) {
    byte[] wasm = TestWasm.load("outline");
    int plain =
        BinaryModule.parse(Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT))
            .definedFunctionCount();
    int split =
        BinaryModule.parse(
                Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT, forced(chunk)))
            .definedFunctionCount();
    assertThat(split).isGreaterThan(plain);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cosmwasm/hackatom.wasm",
        "light-clients/ibc-go/ics10_grandpa_cw.wasm.gz",
        "light-clients/eureka/cw_dummy_light_client.wasm.gz"
      })
  void realContractsSplitEverywhereStayValid(String fixture) {
    byte[] wasm = SharedFixtures.get().contents("fixtures/" + fixture);
    byte[] split = Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT, forced(600));
    Parser.parse(split); // Chicory's validator: types, stack heights, labels of every piece
    assertThat(BinaryModule.parse(split).definedFunctionCount())
        .isGreaterThan(BinaryModule.parse(wasm).definedFunctionCount() + 10);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"cosmwasm/hackatom.wasm", "light-clients/eureka/cw_dummy_light_client.wasm.gz"})
  void allocatorRunsIdenticallyWhenSplit(String fixture) {
    // allocate / deallocate are pure Wasm (the contract's allocator): same pointers, same gas
    byte[] wasm = SharedFixtures.get().contents("fixtures/" + fixture);
    byte[] plain = Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT);
    byte[] split = Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT, forced(300));
    List<HostFunction> stubs = stubs(BinaryModule.parse(wasm));
    for (Engine engine : Engine.values()) {
      List<List<Object>> a = allocatorTrace(new Runner(plain, engine, stubs));
      List<List<Object>> b = allocatorTrace(new Runner(split, engine, stubs));
      assertThat(b).as(engine.name()).isEqualTo(a);
    }
  }

  private static List<List<Object>> allocatorTrace(Runner r) {
    Instance inst = r.newInstance();
    List<List<Object>> trace = new ArrayList<>();
    long[] ptrs = new long[6];
    for (int k = 0; k < 6; k++) {
      Outcome o = Runner.call(inst, "allocate", 100_000_000, 17L + 1000L * k * k);
      trace.add(observe(o));
      ptrs[k] = o.result();
    }
    for (int k = 0; k < 6; k += 2) {
      trace.add(observe(Runner.call(inst, "deallocate", 100_000_000, ptrs[k])));
    }
    trace.add(observe(Runner.call(inst, "allocate", 100_000_000, 5000)));
    return trace;
  }

  /** Host functions for every import that fail the call if used (allocate never imports). */
  static List<HostFunction> stubs(BinaryModule m) {
    List<HostFunction> out = new ArrayList<>();
    for (var imp : m.imports()) {
      var t = m.types().get(imp.typeIndex());
      out.add(
          new HostFunction(
              imp.module(),
              imp.name(),
              FunctionType.of(valTypes(t.params()), valTypes(t.results())),
              (Instance inst, long... args) -> {
                throw new IllegalStateException("unexpected import " + imp.fullName());
              }));
    }
    return out;
  }

  private static List<ValType> valTypes(List<io.wasm08.wasm.vm.chicory.binary.ValueType> types) {
    List<ValType> out = new ArrayList<>();
    for (var t : types) {
      out.add(
          switch (t) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
            default -> throw new IllegalArgumentException(t.name());
          });
    }
    return out;
  }
}
