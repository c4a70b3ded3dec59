package io.wasm08.bench;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import io.wasm08.wasm.vm.chicory.ModuleCompiler;
import io.wasm08.wasm.vm.chicory.binary.WasmWriter;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of metering, NaN canonicalization and depth counting at run time: an FNV-1a style loop (100
 * 000 iterations) compiled by Chicory, instrumented with the default config, against the same
 * module uninstrumented (the peer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MeteringOverheadBenchmark {
  private Instance plain;
  private Instance metered;

  /** (func (export "hash") (param $n i32) (result i32) (local $i i32) (local $h i32) …). */
  static byte[] hashModule() {
    WasmWriter code = new WasmWriter();
    code.u32(1).u32(2).u8(0x7F); // two i32 locals: 1 = i, 2 = h
    code.u8(0x41).s64(0x811C9DC5L - (1L << 32)).u8(0x21).u32(2); // h = offset basis
    code.u8(0x02).u8(0x40).u8(0x03).u8(0x40); // block loop
    code.u8(0x20).u32(1).u8(0x20).u32(0).u8(0x4F).u8(0x0D).u32(1); // i >= n → break
    code.u8(0x20).u32(2).u8(0x20).u32(1).u8(0x73); // h ^ i
    code.u8(0x41).s64(16777619).u8(0x6C).u8(0x21).u32(2); // * prime → h
    code.u8(0x20).u32(1).u8(0x41).s64(1).u8(0x6A).u8(0x21).u32(1); // i += 1
    code.u8(0x0C).u32(0).u8(0x0B).u8(0x0B); // br 0; end; end
    code.u8(0x20).u32(2).u8(0x0B);
    WasmWriter m = new WasmWriter();
    m.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    m.section(1, new WasmWriter().u32(1).u8(0x60).u32(1).u8(0x7F).u32(1).u8(0x7F));
    m.section(3, new WasmWriter().u32(1).u32(0));
    m.section(7, new WasmWriter().u32(1).name("hash").u8(0).u32(0));
    m.section(10, new WasmWriter().u32(1).u32(code.size()).bytes(code));
    return m.toByteArray();
  }

  private static Instance instance(byte[] wasm) {
    var compiled = ModuleCompiler.compile(Parser.parse(wasm));
    return Instance.builder(compiled.module())
        .withMachineFactory(compiled.machineFactory())
        .withStart(false)
        .build();
  }

  @Setup
  public void setup() {
    byte[] wasm = hashModule();
    plain = instance(wasm);
    metered = instance(Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT));
  }

  @Benchmark
  public long meteredLoop() {
    metered.exports().global(Instrumenter.REMAINING_POINTS).setValue(Long.MAX_VALUE);
    return metered.export("hash").apply(100_000)[0];
  }

  @Benchmark
  public long plainLoopPeer() {
    return plain.export("hash").apply(100_000)[0];
  }
}
