package io.wasm08.bench;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.chicory.StaticChecker;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store-time work on a real light client: our static check and our instrumentation, against
 * Chicory's own validating parse of the same module as the peer (what every instantiation path pays
 * at least once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InstrumenterBenchmark {
  @Param({
    "light-clients/ibc-go/ics07_tendermint_cw.wasm.gz",
    "light-clients/ibc-go/ics10_grandpa_cw.wasm.gz",
    "cosmwasm/hackatom.wasm"
  })
  public String fixture;

  private byte[] wasm;

  @Setup
  public void load() {
    wasm = SharedFixtures.get().contents("fixtures/" + fixture);
  }

  @Benchmark
  public byte[] instrument() {
    return Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT);
  }

  @Benchmark
  public Object checkWasm() {
    return StaticChecker.checkWasm(
        wasm,
        io.wasm08.wasm.vm.Capabilities.BUILT_IN,
        io.wasm08.wasm.vm.WasmLimits.DEFAULT.withoutLocalsLimits());
  }

  @Benchmark
  public WasmModule chicoryParsePeer() {
    return Parser.parse(wasm);
  }
}
