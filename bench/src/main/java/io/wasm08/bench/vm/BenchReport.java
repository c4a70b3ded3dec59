package io.wasm08.bench.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints the VM benchmark tables from JMH's JSON results ({@code -rf json}) and the V8 comparison:
 * {@code java -cp benchmarks.jar io.wasm08.bench.vm.BenchReport jmh.json... [v8-comparison.json]}
 * (a file named {@code v8-comparison.json} is the comparison; absent files are skipped). Median and
 * p99 are JMH's sample percentiles (SampleTime: per call; SingleShotTime: per fork).
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    System.out.println("| benchmark | parameters | mode | median | p99 | samples |");
    System.out.println("|---|---|---|---:|---:|---:|");
    Path v8File = null;
    for (String arg : args) {
      Path file = Path.of(arg);
      if (file.getFileName().toString().equals("v8-comparison.json")) {
        v8File = file;
      } else if (Files.exists(file)) {
        printJmh(json.readTree(file.toFile()));
      }
    }
    if (v8File != null && Files.exists(v8File)) {
      printV8(json.readTree(v8File.toFile()));
    }
  }

  private static void printJmh(JsonNode results) {
    for (JsonNode r : results) {
      String name = r.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      List<String> params = new ArrayList<>();
      JsonNode p = r.get("params");
      if (p != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          params.add(e.getKey() + "=" + e.getValue().asText());
        }
      }
      JsonNode metric = r.get("primaryMetric");
      JsonNode pct = metric.get("scorePercentiles");
      String unit = metric.get("scoreUnit").asText().replace("/op", "");
      System.out.printf(
          "| %s | %s | %s | %s | %s | %d |%n",
          name,
          String.join(", ", params),
          r.get("mode").asText(),
          format(pct.get("50.0").asDouble(), unit),
          format(pct.get("99.0").asDouble(), unit),
          samples(metric));
    }
  }

  private static void printV8(JsonNode v8) {
    System.out.println();
    System.out.println(
        "| vs V8 | ours median | ours p99 | V8 median | V8 p99 | ours / V8 | CPU ours / V8 |"
            + " gas (both) | identical |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (JsonNode row : v8.get("rows")) {
      System.out.printf(
          "| %s | %s | %s | %s | %s | %.2f | %.2f | %,d | %s |%n",
          row.get("workload").asText(),
          V8Comparison.ms(row.get("ours_median_ns").asDouble()),
          V8Comparison.ms(row.get("ours_p99_ns").asDouble()),
          V8Comparison.ms(row.get("v8_median_ns").asDouble()),
          V8Comparison.ms(row.get("v8_p99_ns").asDouble()),
          row.get("ratio").asDouble(),
          row.get("cpu_ratio").asDouble(),
          row.get("gas_ours").asLong(),
          row.get("identical").asBoolean() ? "yes" : "NO");
    }
    System.out.println(v8.get("java").asText() + " vs Node.js " + v8.get("node").asText());
  }

  private static long samples(JsonNode metric) {
    JsonNode hist = metric.get("rawDataHistogram");
    long n = 0;
    if (hist != null) {
      for (JsonNode fork : hist) {
        for (JsonNode iteration : fork) {
          for (JsonNode bucket : iteration) {
            n += bucket.get(1).asLong();
          }
        }
      }
      return n;
    }
    JsonNode raw = metric.get("rawData");
    for (JsonNode fork : raw) {
      n += fork.size();
    }
    return n;
  }

  private static String format(double value, String unit) {
    if (unit.equals("us") && value >= 10_000) {
      return String.format("%.1f ms", value / 1000);
    }
    if (unit.equals("ms") && value < 1) {
      return String.format("%.0f µs", value * 1000);
    }
    return String.format("%.1f %s", value, unit.equals("us") ? "µs" : unit);
  }
}
