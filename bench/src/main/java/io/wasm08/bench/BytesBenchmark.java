package io.wasm08.bench;

import io.wasm08.common.Bytes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unsigned comparison of store keys (the inner loop of every iterator merge) against the JDK's
 * signed {@code Arrays.compare} as the peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BytesBenchmark {
  private final byte[] a = "clients/08-wasm-0/consensusStates/1-100".getBytes();
  private final byte[] b = "clients/08-wasm-0/consensusStates/1-101".getBytes();
  private final Bytes ba = Bytes.of(a);
  private final Bytes bb = Bytes.of(b);

  @Benchmark
  public int bytesCompareUnsigned() {
    return ba.compareTo(bb);
  }

  @Benchmark
  public int jdkArraysCompareSigned() {
    return java.util.Arrays.compare(a, b);
  }
}
