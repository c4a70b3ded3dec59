package io.wasm08.wasm.testing;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.WasmEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link WasmEngine} that forwards to a real one and records every contract call it makes — the
 * entry point (for queries and sudo, with the message's variant: {@code query status}, {@code sudo
 * update_state}) and the VM gas the call used internally (wasmvm's {@code gasUsed}) — so a test can
 * report the gas of each call a keeper flow makes without reaching into the keeper.
 */
public final class RecordingWasmEngine implements WasmEngine {
  /**
   * One contract call: {@code entryPoint} as described above, the VM's internal gas and the size of
   * the ContractResult JSON it returned (0 after a VM error).
   */
  public record Recorded(String entryPoint, long vmGas, int resultBytes) {}

  private final WasmEngine delegate;
  private final List<Recorded> calls = new ArrayList<>();

  public RecordingWasmEngine(WasmEngine delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Returns and forgets the calls recorded since the last drain. */
  public List<Recorded> drain() {
    List<Recorded> out = List.copyOf(calls);
    calls.clear();
    return out;
  }

  private CallResult record(String entryPoint, Supplier<CallResult> call) {
    try {
      CallResult result = call.get();
      calls.add(
          new Recorded(entryPoint, result.gasReport().usedInternally(), result.data().size()));
      return result;
    } catch (VmCallException e) {
      calls.add(new Recorded(entryPoint + " (VM error)", e.gasReport().usedInternally(), 0));
      throw e;
    }
  }

  /** {@code "query status"} for {@code {"status":{}}}: the JSON object's first key. */
  static String variant(String kind, Bytes msg) {
    String json = msg.toUtf8();
    int start = json.indexOf('"');
    int end = start < 0 ? -1 : json.indexOf('"', start + 1);
    return end < 0 ? kind : kind + " " + json.substring(start + 1, end);
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
  public CallResult instantiate(
      Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context) {
    return record("instantiate", () -> delegate.instantiate(checksum, env, info, msg, context));
  }

  @Override
  public CallResult execute(
      Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context) {
    return record(
        variant("execute", msg), () -> delegate.execute(checksum, env, info, msg, context));
  }

  @Override
  public CallResult query(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return record(variant("query", msg), () -> delegate.query(checksum, env, msg, context));
  }

  @Override
  public CallResult sudo(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return record(variant("sudo", msg), () -> delegate.sudo(checksum, env, msg, context));
  }

  @Override
  public CallResult migrate(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return record("migrate", () -> delegate.migrate(checksum, env, msg, context));
  }

  @Override
  public CallResult migrateWithInfo(
      Checksum checksum, Bytes env, Bytes msg, Bytes migrateInfo, CallContext context) {
    return record(
        "migrate", () -> delegate.migrateWithInfo(checksum, env, msg, migrateInfo, context));
  }

  @Override
  public CallResult reply(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return record("reply", () -> delegate.reply(checksum, env, msg, context));
  }

  @Override
  public Metrics metrics() {
    return delegate.metrics();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
