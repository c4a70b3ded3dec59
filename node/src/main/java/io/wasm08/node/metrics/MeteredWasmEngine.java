package io.wasm08.node.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.ForwardingWasmEngine;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmEngine;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A {@link WasmEngine} that records every contract call in the node's meters: by entry point and
 * outcome ({@code ok}, {@code contract_error} for an {@code {"error":…}} result, {@code vm_error}
 * for a fault), with the CosmWasm gas used and the time taken; and the engine's module cache tiers
 * (pinned, memory, misses) as counters read at scrape time. Behaviour is the engine's.
 */
public final class MeteredWasmEngine extends ForwardingWasmEngine {
  private static final Bytes ERROR_PREFIX = Bytes.ofUtf8("{\"error\"");

  private final NodeMetrics metrics;

  public MeteredWasmEngine(WasmEngine engine, NodeMetrics metrics) {
    super(engine);
    this.metrics = metrics;
    cacheCounter("pinned", Metrics::hitsPinnedMemoryCache);
    cacheCounter("memory", Metrics::hitsMemoryCache);
    cacheCounter("fs", Metrics::hitsFsCache);
    cacheCounter("miss", Metrics::misses);
    Gauge.builder(
            "wasm08.vm.cache.pinned.elements", engine, e -> e.metrics().elementsPinnedMemoryCache())
        .register(metrics.registry());
    Gauge.builder("wasm08.vm.cache.memory.elements", engine, e -> e.metrics().elementsMemoryCache())
        .register(metrics.registry());
  }

  private void cacheCounter(String tier, ToDoubleFunction<Metrics> f) {
    FunctionCounter.builder("wasm08.vm.cache.lookups", delegate, e -> f.applyAsDouble(e.metrics()))
        .description("Compiled-module lookups by cache tier")
        .tag("tier", tier)
        .register(metrics.registry());
  }

  @Override
  protected CallResult around(String entryPoint, Bytes msg, Supplier<CallResult> body) {
    long start = System.nanoTime();
    try {
      CallResult r = body.get();
      String outcome = r.data().startsWith(ERROR_PREFIX) ? "contract_error" : "ok";
      metrics.vmCall(entryPoint, outcome, r.gasReport().totalUsed(), since(start));
      return r;
    } catch (VmCallException e) {
      metrics.vmCall(entryPoint, "vm_error", e.gasReport().totalUsed(), since(start));
      throw e;
    } catch (VmException e) {
      metrics.vmCall(entryPoint, "vm_error", 0, since(start));
      throw e;
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public StoreCodeResult storeCode(byte[] wasm, long gasLimit) {
    long start = System.nanoTime();
    try {
      StoreCodeResult r = delegate.storeCode(wasm, gasLimit);
      metrics.vmCall("store_code", "ok", r.gasUsed(), since(start));
      return r;
    } catch (VmException e) {
      metrics.vmCall("store_code", "vm_error", 0, since(start));
      throw e;
    }
  }
}
