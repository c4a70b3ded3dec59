package io.wasm08.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's meters, scraped as Prometheus text at {@code /metrics}: transactions (by mode and
 * result, latency, gas), blocks (height, size, execute+commit time), the mempool, gRPC calls (by
 * method and status) and the light-client VM (calls by entry point and outcome, gas, compile cache
 * tiers). Meter names follow Micrometer's dotted form; Prometheus sees {@code wasm08_…}.
 */
public final class NodeMetrics {
  private final PrometheusMeterRegistry registry;
  private final AtomicLong height = new AtomicLong();
  private final AtomicLong mempoolSize = new AtomicLong();

  public NodeMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public NodeMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    registry.gauge("wasm08.block.height", height);
    registry.gauge("wasm08.mempool.size", mempoolSize);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** A transaction checked ({@code check}), simulated or executed in a block ({@code deliver}). */
  public void tx(String mode, String codespace, int code, long gasUsed, Duration took) {
    String result = code == 0 ? "ok" : codespace + "/" + code;
    Counter.builder("wasm08.tx")
        .description("Transactions by mode and result (ok or codespace/code)")
        .tags("mode", mode, "result", result)
        .register(registry)
        .increment();
    Timer.builder("wasm08.tx.latency")
        .description("Time to run a transaction")
        .tags("mode", mode)
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(took);
    DistributionSummary.builder("wasm08.tx.gas.used")
        .description("Gas used per transaction")
        .tags("mode", mode)
        .register(registry)
        .record(gasUsed);
  }

  /** A committed block. */
  public void block(long newHeight, int txs, Duration took) {
    height.set(newHeight);
    Counter.builder("wasm08.block.txs").register(registry).increment(txs);
    Timer.builder("wasm08.block.time")
        .description("Time to execute and commit a block")
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(took);
  }

  public void mempoolSize(long size) {
    mempoolSize.set(size);
  }

  /** A gRPC call ended with {@code status}. */
  public void grpc(String method, String status, Duration took) {
    Counter.builder("wasm08.grpc.requests")
        .tags("method", method, "code", status)
        .register(registry)
        .increment();
    Timer.builder("wasm08.grpc.latency").tags("method", method).register(registry).record(took);
  }

  /** A call into a light-client contract: entry point, outcome and VM gas. */
  public void vmCall(String entryPoint, String outcome, long gas, Duration took) {
    Counter.builder("wasm08.vm.calls")
        .description("Contract calls by entry point and outcome")
        .tags("entry_point", entryPoint, "outcome", outcome)
        .register(registry)
        .increment();
    Counter.builder("wasm08.vm.gas")
        .description("CosmWasm gas used by contract calls")
        .tags("entry_point", entryPoint)
        .register(registry)
        .increment(gas);
    Timer.builder("wasm08.vm.call.time")
        .tags("entry_point", entryPoint)
        .register(registry)
        .record(took);
  }

  /** A compiled-module lookup answered by a cache tier ({@code pinned}, {@code memory}, miss). */
  public void vmCache(String tier) {
    Counter.builder("wasm08.vm.cache").tags("tier", tier).register(registry).increment();
  }
}
