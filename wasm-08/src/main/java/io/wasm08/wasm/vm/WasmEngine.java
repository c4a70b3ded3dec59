package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;

/**
 * A CosmWasm VM shaped like wasmvm's {@code VM}: code is stored once and addressed by checksum;
 * each entry point call takes the env/info/msg JSON as the host built it and a {@link CallContext},
 * and returns the contract's raw result JSON with a {@link GasReport}.
 *
 * <p>Contract errors ({@code {"error":…}}) are values. VM faults — traps, out of gas, link and
 * compile failures, backend failures — throw {@link VmException} with cosmwasm-vm's Display text;
 * faults of a call throw {@link VmCallException}, which carries the call's gas report. wasmvm
 * presents them to Go as {@code "Error calling the VM: " + text}, except a gas depletion, which
 * becomes {@code "Out of gas"} — that rendering is the caller's.
 */
public interface WasmEngine extends AutoCloseable {
  /** wasmvm's compile cost: 3 SDK gas per byte × the 140 000 multiplier, in CosmWasm gas. */
  long COMPILE_COST_PER_BYTE = 3L * 140_000;

  /** The CosmWasm gas wasmvm charges for storing {@code codeLength} bytes. */
  static long compileCost(long codeLength) {
    return Math.multiplyExact(COMPILE_COST_PER_BYTE, codeLength);
  }

  /**
   * Validates ({@code check_wasm}), compiles and stores {@code wasm}. Fails with a gas depletion
   * before touching the code when {@code gasLimit} is below {@link #compileCost}; the gas used is
   * the compile cost in every case.
   */
  StoreCodeResult storeCode(byte[] wasm, long gasLimit);

  /** As {@link #storeCode} without persisting anything. */
  StoreCodeResult simulateStoreCode(byte[] wasm, long gasLimit);

  /** Compiles and stores code without static validation or gas (genesis / state sync). */
  Checksum storeCodeUnchecked(byte[] wasm);

  /** The stored bytecode; fails when unknown or when it no longer matches its checksum. */
  Bytes getCode(Checksum checksum);

  /** Removes stored code; fails when unknown ("Wasm file does not exist"). */
  void removeCode(Checksum checksum);

  /**
   * Static analysis of stored code: entry points, required capabilities, migrate version (wasmvm
   * {@code AnalyzeCode}).
   */
  AnalysisReport analyzeCode(Checksum checksum);

  /** Keeps the compiled module in memory until {@link #unpin}. */
  void pin(Checksum checksum);

  /** Drops the pinned module; unknown checksums are ignored. */
  void unpin(Checksum checksum);

  CallResult instantiate(Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context);

  CallResult execute(Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context);

  /** Runs {@code query} with read-only storage. */
  CallResult query(Checksum checksum, Bytes env, Bytes msg, CallContext context);

  CallResult sudo(Checksum checksum, Bytes env, Bytes msg, CallContext context);

  /** wasmvm {@code Migrate}: {@code migrate(env, msg)}; a 3-argument migrate fails with arity. */
  CallResult migrate(Checksum checksum, Bytes env, Bytes msg, CallContext context);

  /**
   * wasmvm {@code MigrateWithInfo}: {@code migrate(env, msg, migrate_info)}, retried with two
   * arguments when the contract's migrate takes two.
   */
  CallResult migrateWithInfo(
      Checksum checksum, Bytes env, Bytes msg, Bytes migrateInfo, CallContext context);

  CallResult reply(Checksum checksum, Bytes env, Bytes msg, CallContext context);

  Metrics metrics();

  @Override
  void close();
}
