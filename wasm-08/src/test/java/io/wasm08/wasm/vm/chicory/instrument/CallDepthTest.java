package io.wasm08.wasm.vm.chicory.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Engine;
import io.wasm08.wasm.vm.chicory.instrument.Runner.Outcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deterministic call-depth limit of {@code wat/depth.wat}: {@code maxCallDepth} nested frames
 * run, one more traps with {@value Instrumenter#CALL_DEPTH_EXCEEDED} set — at the same depth on
 * every run and on both engines, whatever the JVM stack.
 */
class CallDepthTest {
  /** {@code reenter} calls the export {@code inner} of the same instance, as allocate would. */
  static HostFunction reenter() {
    return new HostFunction(
        "env",
        "reenter",
        FunctionType.of(List.of(), List.of(ValType.I32)),
        (Instance inst, long... args) -> inst.export("inner").apply());
  }

  static Runner runner(int maxDepth, Engine engine) {
    return new Runner(
        Instrumenter.instrument(
            TestWasm.load("depth"), new InstrumentationConfig(true, maxDepth, true)),
        engine,
        List.of(reenter()));
  }

  /** Runs {@code task} on a thread with a big stack (as the VM does), returning its result. */
  static <T> T onBigStack(java.util.function.Supplier<T> task) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(task.get());
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            "wasm-test",
            512L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get());
    }
    return result.get();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void limitIsExactAndRepeatable(Engine engine) {
    Runner r = runner(1000, engine);
    for (int run = 0; run < 3; run++) {
      // rec(n) uses n + 1 frames
      Outcome ok = r.call("rec", 10_000_000, 999);
      assertThat(ok.trap()).isNull();
      assertThat(ok.result()).isEqualTo(999);
      assertThat(ok.depthAfter()).isZero();
      Outcome deep = r.call("rec", 10_000_000, 1000);
      assertThat(deep.trap()).isInstanceOf(TrapException.class);
      assertThat(deep.depthExceeded()).isTrue();
      assertThat(deep.exhausted()).isFalse();
      // the trap leaves the counter at the limit (the instance is discarded)
      assertThat(deep.depthAfter()).isEqualTo(1000);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void indirectAndMutualRecursionCount(Engine engine) {
    Runner r = runner(50, engine);
    assertThat(r.call("rec_indirect", 10_000_000, 49).result()).isEqualTo(49);
    assertThat(r.call("rec_indirect", 10_000_000, 50).depthExceeded()).isTrue();
    // ping(n) → pong(n−1) → ping(n−2) …: n + 1 frames; ping(0) returns 7 through br_if
    assertThat(r.call("ping", 10_000_000, 0).result()).isEqualTo(7);
    assertThat(r.call("ping", 10_000_000, 49).trap()).isNull();
    assertThat(r.call("ping", 10_000_000, 50).depthExceeded()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void hostReentryContinuesTheCount(Engine engine) {
    // outer (1) → import → inner (2) → leaf (3)
    Outcome three = runner(3, engine).call("outer", 10_000_000);
    assertThat(three.result()).isEqualTo(42);
    assertThat(three.depthAfter()).isZero();
    Outcome two = runner(2, engine).call("outer", 10_000_000);
    assertThat(two.depthExceeded()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void depthCountingCostsNoGas(Engine engine) {
    long limited = runner(1000, engine).call("rec", 10_000_000, 20).remaining();
    long unlimited = runner(0, engine).call("rec", 10_000_000, 20).remaining();
    assertThat(limited).isEqualTo(unlimited);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void defaultLimitIsReachedBeforeTheJvmStack(Engine engine) {
    // The default depth with a frame of 100 i64 locals, on a 512 MiB stack: the limit, not a
    // StackOverflowError, ends the recursion.
    int max = InstrumentationConfig.DEFAULT_MAX_CALL_DEPTH;
    Runner r = runner(max, engine);
    Outcome ok = onBigStack(() -> r.call("wide", Long.MAX_VALUE, max - 1));
    assertThat(ok.trap()).isNull();
    assertThat(ok.result()).isEqualTo(max - 1);
    Outcome deep = onBigStack(() -> r.call("wide", Long.MAX_VALUE, max));
    assertThat(deep.depthExceeded()).isTrue();
  }
}
