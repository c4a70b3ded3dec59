package io.wasm08.bench.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Our engine against V8 (Node.js) on the same instrumented module, in one run: {@code java -cp
 * benchmarks.jar io.wasm08.bench.vm.V8Comparison OUT_DIR ICS07_INSTRUMENTED LOOP_INSTRUMENTED}.
 *
 * <p>The instrumented modules are the files {@code wasm08 vm instrument} wrote; this checks they
 * are byte-identical to what the engine runs. Workloads: ICS-07 {@code verify_client_message} of
 * the eureka Tendermint fixture header (all Ed25519 and SHA-256 work happens inside the contract),
 * and the two loops of {@code loop.wat}. Both sides run full calls — instance, arguments written,
 * export called, result read — ours on a pinned compiled module with a reused instance, V8 with a
 * fresh {@code WebAssembly.Instance} per call (wasmvm's model); after warm-up each records per-call
 * wall time. Results and gas (internal and external) must be identical, or the run fails.
 */
public final class V8Comparison {
  static final ObjectMapper JSON = new ObjectMapper();

  record Workload(
      String name,
      Path instrumented,
      Checksum checksum,
      Bytes env,
      Bytes msg,
      BenchContracts.MapStorage store,
      int warmup,
      int iterations) {}

  record Measured(List<Long> timesNs, List<Long> cpuNs, String resultBase64, GasReport gas) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(args[0]);
    Path ics07File = Path.of(args[1]);
    Path loopFile = Path.of(args[2]);
    Files.createDirectories(out);
    requireSame(BenchContracts.ics07(), ics07File);
    requireSame(BenchContracts.loop(), loopFile);

    List<Workload> workloads = new ArrayList<>();
    try (ChicoryWasmEngine engine = ChicoryWasmEngine.builder().build()) {
      BenchContracts.Ics07 ics07 = BenchContracts.setUpIcs07(engine);
      engine.pin(ics07.checksum());
      Checksum loop = engine.storeCode(BenchContracts.loop(), Long.MAX_VALUE).checksum();
      engine.pin(loop);
      BenchContracts.MapStorage empty = new BenchContracts.MapStorage();
      workloads.add(
          new Workload(
              "ics07 verify_client_message",
              ics07File,
              ics07.checksum(),
              BenchContracts.ICS07_ENV,
              ics07.verifyMessage(),
              ics07.store(),
              Integer.getInteger("v8.ics07.warmup", 50),
              Integer.getInteger("v8.ics07.iterations", 60)));
      workloads.add(
          new Workload(
              "loop: FNV-1a 16 x 64 KiB",
              loopFile,
              loop,
              BenchContracts.EMPTY_ENV,
              BenchContracts.LOOP_HASH,
              empty,
              200,
              200));
      workloads.add(
          new Workload(
              "loop: fib(25) calls",
              loopFile,
              loop,
              BenchContracts.EMPTY_ENV,
              BenchContracts.LOOP_FIB,
              empty,
              200,
              200));

      // on one VM thread: no handoff per call, and its CPU time is the calls' CPU time
      List<Measured> java =
          ChicoryWasmEngine.runOnVmThread(
              () -> workloads.stream().map(w -> runJava(engine, w)).toList());
      JsonNode v8 = runV8(out, workloads);

      ArrayNode rows = JSON.createArrayNode();
      boolean identical = true;
      System.out.println();
      System.out.println(
          "| workload | ours median | ours p99 | V8 median | V8 p99 | ours / V8 | CPU ours / V8 |"
              + " gas (both) | identical |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
      for (int i = 0; i < workloads.size(); i++) {
        Measured ours = java.get(i);
        JsonNode theirs = v8.get("results").get(i);
        List<Long> v8Times = new ArrayList<>();
        theirs.get("times_ns").forEach(t -> v8Times.add(t.asLong()));
        List<Long> v8Cpu = new ArrayList<>();
        theirs.get("cpu_ns").forEach(t -> v8Cpu.add(t.asLong()));
        double cpuRatio = percentile(ours.cpuNs(), 50) / percentile(v8Cpu, 50);
        boolean sameResult = ours.resultBase64().equals(theirs.get("result").asText());
        boolean sameGas =
            Long.toString(ours.gas().usedInternally())
                    .equals(theirs.get("gas").get("usedInternally").asText())
                && Long.toString(ours.gas().usedExternally())
                    .equals(theirs.get("gas").get("usedExternally").asText());
        identical &= sameResult && sameGas;
        double ratio = percentile(ours.timesNs(), 50) / percentile(v8Times, 50);
        System.out.printf(
            "| %s | %s | %s | %s | %s | %.2f | %.2f | %,d | %s |%n",
            workloads.get(i).name(),
            ms(percentile(ours.timesNs(), 50)),
            ms(percentile(ours.timesNs(), 99)),
            ms(percentile(v8Times, 50)),
            ms(percentile(v8Times, 99)),
            ratio,
            cpuRatio,
            ours.gas().usedInternally(),
            sameResult && sameGas ? "yes" : "NO (result " + sameResult + ", gas " + sameGas + ")");
        ObjectNode row = rows.addObject();
        row.put("workload", workloads.get(i).name());
        row.put("ours_median_ns", percentile(ours.timesNs(), 50));
        row.put("ours_p99_ns", percentile(ours.timesNs(), 99));
        row.put("v8_median_ns", percentile(v8Times, 50));
        row.put("v8_p99_ns", percentile(v8Times, 99));
        row.put("ratio", ratio);
        row.put("ours_cpu_median_ns", percentile(ours.cpuNs(), 50));
        row.put("v8_cpu_median_ns", percentile(v8Cpu, 50));
        row.put("cpu_ratio", cpuRatio);
        row.put("gas_ours", ours.gas().usedInternally());
        row.put("gas_v8", theirs.get("gas").get("usedInternally").asText());
        row.put("identical", sameResult && sameGas);
      }
      ObjectNode result = JSON.createObjectNode();
      result.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
      result.put("node", v8.get("node").asText() + " (V8 " + v8.get("v8").asText() + ")");
      result.set("rows", rows);
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(out.resolve("v8-comparison.json").toFile(), result);
      System.out.println();
      System.out.println(
          result.get("java").asText() + " vs Node.js " + result.get("node").asText());
      if (!identical) {
        System.err.println("results or gas differ between the engines");
        System.exit(1);
      }
    }
  }

  static void requireSame(byte[] original, Path cliOutput) throws IOException {
    byte[] ours = Instrumenter.instrument(original, InstrumentationConfig.DEFAULT);
    if (!Arrays.equals(ours, Files.readAllBytes(cliOutput))) {
      throw new IllegalStateException(
          cliOutput + " is not what the engine runs: re-run `wasm08 vm instrument`");
    }
  }

  /**
   * Warm-up first: a number of calls, and for the ICS-07 contract at least {@code v8.warmupSeconds}
   * (default 240): HotSpot compiles the contract's largest functions late (C1 gives up on them; C2
   * takes long to compile them), V8 tiers up within a few calls.
   */
  static Measured runJava(ChicoryWasmEngine engine, Workload w) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long minWarmupNs =
        w.warmup() > 100 ? 0 : Long.getLong("v8.warmupSeconds", 240) * 1_000_000_000L;
    long warmupStart = System.nanoTime();
    for (int i = 0; i < w.warmup() || System.nanoTime() - warmupStart < minWarmupNs; i++) {
      engine.query(w.checksum(), w.env(), w.msg(), BenchContracts.context(w.store()));
    }
    CallResult last = null;
    List<Long> times = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int i = 0; i < w.iterations(); i++) {
      long cpuStart = mx.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      last = engine.query(w.checksum(), w.env(), w.msg(), BenchContracts.context(w.store()));
      times.add(System.nanoTime() - start);
      cpu.add(mx.getCurrentThreadCpuTime() - cpuStart);
    }
    return new Measured(times, cpu, last.data().toBase64(), last.gasReport());
  }

  static JsonNode runV8(Path out, List<Workload> workloads)
      throws IOException, InterruptedException {
    ObjectNode spec = JSON.createObjectNode();
    spec.set("gas", JSON.valueToTree(GasConfig.DEFAULT));
    ArrayNode calls = spec.putArray("calls");
    for (Workload w : workloads) {
      ObjectNode c = calls.addObject();
      c.put("name", w.name());
      c.put("wasm", w.instrumented().toAbsolutePath().toString());
      ArrayNode storage = c.putArray("storage");
      for (Map.Entry<Bytes, Bytes> e : w.store().entries().entrySet()) {
        storage.addArray().add(e.getKey().toHex()).add(e.getValue().toBase64());
      }
      c.put("entryPoint", "query");
      c.put("readonly", true);
      c.putArray("args").add(w.env().toBase64()).add(w.msg().toBase64());
      c.put("gasLimit", Long.toString(BenchContracts.GAS_LIMIT));
      c.put("warmup", w.warmup());
      c.put("iterations", w.iterations());
    }
    Path specFile = out.resolve("v8-spec.json");
    JSON.writeValue(specFile.toFile(), spec);
    Process node =
        new ProcessBuilder(
                System.getProperty("v8.node", "node"),
                System.getProperty("v8.runner", "bench/js/run-v8.mjs"),
                specFile.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] stdout = node.getInputStream().readAllBytes();
    if (node.waitFor() != 0) {
      throw new IllegalStateException("node failed: " + new String(stdout, StandardCharsets.UTF_8));
    }
    return JSON.readTree(stdout);
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Long> samples, double p) {
    long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String ms(double ns) {
    return ns >= 1e6 ? String.format("%.2f ms", ns / 1e6) : String.format("%.1f µs", ns / 1e3);
  }
}
