package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link WasmEngine} that forwards everything to another one, with every contract call passing
 * through {@link #around}: the base of engines that observe calls (the node's metered engine, the
 * tests' recording engine) without changing what the delegate does.
 */
public abstract class ForwardingWasmEngine implements WasmEngine {
  protected final WasmEngine delegate;

  protected ForwardingWasmEngine(WasmEngine delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Runs one contract call of {@code entryPoint} ({@code instantiate}, {@code execute}, {@code
   * query}, {@code sudo}, {@code migrate} or {@code reply}) with its {@code msg}; the default just
   * runs it.
   */
  protected CallResult around(String entryPoint, Bytes msg, Supplier<CallResult> call) {
    return call.get();
  }

  @Override
  public StoreCodeResult storeCode(byte[] wasm, long gasLimit) {
    return delegate.storeCode(wasm, gasLimit);
  }

  @Override
  public StoreCodeResult simulateStoreCode(byte[] wasm, long gasLimit) {
    return delegate.simulateStoreCode(wasm, gasLimit);
  }

  @Override
  public Checksum storeCodeUnchecked(byte[] wasm) {
    return delegate.storeCodeUnchecked(wasm);
  }

  @Override
  public Bytes getCode(Checksum checksum) {
    return delegate.getCode(checksum);
  }

  @Override
  public void removeCode(Checksum checksum) {
    delegate.removeCode(checksum);
  }

  @Override
  public AnalysisReport analyzeCode(Checksum checksum) {
    return delegate.analyzeCode(checksum);
  }

  @Override
  public void pin(Checksum checksum) {
    delegate.pin(checksum);
  }

  @Override
  public void unpin(Checksum checksum) {
    delegate.unpin(checksum);
  }

  @Override
  public CallResult instantiate(Checksum c, Bytes env, Bytes info, Bytes msg, CallContext ctx) {
    return around("instantiate", msg, () -> delegate.instantiate(c, env, info, msg, ctx));
  }

  @Override
  public CallResult execute(Checksum c, Bytes env, Bytes info, Bytes msg, CallContext ctx) {
    return around("execute", msg, () -> delegate.execute(c, env, info, msg, ctx));
  }

  @Override
  public CallResult query(Checksum c, Bytes env, Bytes msg, CallContext ctx) {
    return around("query", msg, () -> delegate.query(c, env, msg, ctx));
  }

  @Override
  public CallResult sudo(Checksum c, Bytes env, Bytes msg, CallContext ctx) {
    return around("sudo", msg, () -> delegate.sudo(c, env, msg, ctx));
  }

  @Override
  public CallResult migrate(Checksum c, Bytes env, Bytes msg, CallContext ctx) {
    return around("migrate", msg, () -> delegate.migrate(c, env, msg, ctx));
  }

  @Override
  public CallResult migrateWithInfo(
      Checksum c, Bytes env, Bytes msg, Bytes migrateInfo, CallContext ctx) {
    return around("migrate", msg, () -> delegate.migrateWithInfo(c, env, msg, migrateInfo, ctx));
  }

  @Override
  public CallResult reply(Checksum c, Bytes env, Bytes msg, CallContext ctx) {
    return around("reply", msg, () -> delegate.reply(c, env, msg, ctx));
  }

  @Override
  public Metrics metrics() {
    return delegate.metrics();
  }

  @Override
  public PinnedMetrics pinnedMetrics() {
    return delegate.pinnedMetrics();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
