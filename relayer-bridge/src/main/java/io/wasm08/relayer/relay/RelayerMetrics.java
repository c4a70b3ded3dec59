package io.wasm08.relayer.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relayer's meters, per client: source and client heights and the lag between them, update
 * latency (new source height seen → update committed), committed updates, failures by reason, light
 * blocks rejected because the source lied, and quorum outcomes.
 */
public final class RelayerMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> sourceHeights = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> clientHeights = new ConcurrentHashMap<>();
  private final Map<String, Gauge> lagRegistered = new ConcurrentHashMap<>();

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  void heights(String clientId, long source, long client) {
    gauge(sourceHeights, "relayer_source_height", clientId).set(source);
    gauge(clientHeights, "relayer_client_height", clientId).set(client);
    lagRegistered.computeIfAbsent(
        clientId,
        id ->
            Gauge.builder(
                    "relayer_client_lag_blocks",
                    () -> Math.max(0, sourceHeights.get(id).get() - clientHeights.get(id).get()))
                .tag("client", id)
                .register(registry));
  }

  private AtomicLong gauge(Map<String, AtomicLong> map, String name, String clientId) {
    return map.computeIfAbsent(
        clientId,
        id -> {
          AtomicLong v = new AtomicLong();
          Gauge.builder(name, v, AtomicLong::get).tag("client", id).register(registry);
          return v;
        });
  }

  void updated(String clientId, Duration latency, long gasUsed) {
    Timer.builder("relayer_update_latency")
        .tag("client", clientId)
        .publishPercentiles(0.5, 0.9, 0.99)
        .register(registry)
        .record(latency);
    Counter.builder("relayer_updates").tag("client", clientId).register(registry).increment();
    Counter.builder("relayer_update_gas")
        .tag("client", clientId)
        .register(registry)
        .increment(gasUsed);
  }

  void failed(String clientId, RelayFailure failure) {
    Counter.builder("relayer_failures")
        .tag("client", clientId)
        .tag("reason", failure.reason())
        .register(registry)
        .increment();
    if (failure.sourceLied()) {
      Counter.builder("relayer_rejected_light_blocks")
          .description("light blocks never relayed because the source answered falsely")
          .tag("client", clientId)
          .tag("reason", failure.reason())
          .register(registry)
          .increment();
    }
    if (failure.halts()) {
      Counter.builder("relayer_halts")
          .tag("client", clientId)
          .tag("reason", failure.reason())
          .register(registry)
          .increment();
    }
  }

  void quorum(String clientId, String outcome) {
    Counter.builder("relayer_quorum")
        .tag("client", clientId)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void dissent(String clientId, String executor) {
    Counter.builder("relayer_quorum_dissent")
        .tag("client", clientId)
        .tag("executor", executor)
        .register(registry)
        .increment();
  }

  /** Reads a counter (tests and the health view). */
  public double count(String name, String... tags) {
    var c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }
}
