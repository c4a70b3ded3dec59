package io.wasm08.wasm.vm.chicory;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmEngine;
import io.wasm08.wasm.vm.WasmLimits;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The CosmWasm VM on Chicory: code by checksum (in memory or under {@code <baseDir>/state/wasm/}),
 * statically checked on {@code storeCode} ({@link StaticChecker}), instrumented for metering, NaN
 * canonicalization and the call-depth limit ({@link Instrumenter}) and compiled once; a fresh
 * instance per call; the runtime compiler by default and the interpreter on request.
 *
 * <p>Checking, compiling and calls run on large-stack VM threads ({@link VmThreads}), so deeply
 * nested code or deep recursion never meets the caller's JVM stack limit.
 */
public final class ChicoryWasmEngine implements WasmEngine {
  private final CodeStore codes;
  private final ModuleCache modules = new ModuleCache();
  private final ModuleLoader loader;
  private final InstanceConfig instanceConfig;
  private final Set<String> capabilities;
  private final WasmLimits wasmLimits;

  private ChicoryWasmEngine(Builder b) {
    this.codes = b.baseDir == null ? CodeStore.inMemory() : CodeStore.onDisk(b.baseDir);
    InstrumentationConfig instrumentation = b.instrumentation;
    UnaryOperator<byte[]> preparer =
        instrumentation == null
            ? UnaryOperator.identity()
            : wasm -> Instrumenter.instrument(wasm, instrumentation);
    this.loader = new ModuleLoader(b.mode, preparer);
    this.instanceConfig = new InstanceConfig(b.memoryLimitBytes, b.gasConfig, b.crypto);
    this.capabilities = Set.copyOf(b.capabilities);
    this.wasmLimits = b.wasmLimits;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ExecutionMode executionMode() {
    return loader.mode();
  }

  public InstanceConfig instanceConfig() {
    return instanceConfig;
  }

  // ---- code -------------------------------------------------------------------------------

  @Override
  public StoreCodeResult storeCode(byte[] wasm, long gasLimit) {
    return store(wasm, gasLimit, true);
  }

  @Override
  public StoreCodeResult simulateStoreCode(byte[] wasm, long gasLimit) {
    return store(wasm, gasLimit, false);
  }

  private StoreCodeResult store(byte[] wasm, long gasLimit, boolean persist) {
    long cost = WasmEngine.compileCost(wasm.length);
    if (gasLimit < cost) {
      throw new VmCallException(VmException.gasDepletion(), new GasReport(gasLimit, 0, 0, cost));
    }
    CompiledModule module =
        VmThreads.run(
            () -> {
              StaticChecker.checkWasm(wasm, capabilities, wasmLimits);
              return loader.load(wasm);
            });
    Checksum checksum = Checksum.of(wasm);
    if (persist) {
      codes.save(checksum, wasm);
      modules.storeCompiled(checksum, module);
    }
    return new StoreCodeResult(checksum, cost);
  }

  @Override
  public Checksum storeCodeUnchecked(byte[] wasm) {
    Checksum checksum = Checksum.of(wasm);
    CompiledModule module = VmThreads.run(() -> loader.load(wasm));
    codes.save(checksum, wasm);
    modules.storeCompiled(checksum, module);
    return checksum;
  }

  @Override
  public AnalysisReport analyzeCode(Checksum checksum) {
    return StaticChecker.analyze(codes.load(checksum));
  }

  @Override
  public Bytes getCode(Checksum checksum) {
    return Bytes.wrapOwned(codes.load(checksum));
  }

  @Override
  public void removeCode(Checksum checksum) {
    codes.remove(checksum);
    modules.remove(checksum);
  }

  @Override
  public void pin(Checksum checksum) {
    modules.pin(checksum, this::compileStored);
  }

  @Override
  public void unpin(Checksum checksum) {
    modules.unpin(checksum);
  }

  /** The compiled module for stored code (tests and tools instantiate it directly). */
  public CompiledModule module(Checksum checksum) {
    return modules.get(checksum, this::compileStored);
  }

  private CompiledModule compileStored(Checksum checksum) {
    byte[] code = codes.load(checksum);
    return VmThreads.run(() -> loader.load(code));
  }

  @Override
  public Metrics metrics() {
    return modules.metrics();
  }

  // ---- calls ------------------------------------------------------------------------------

  @Override
  public CallResult instantiate(
      Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context) {
    return call(checksum, context, i -> i.callInstantiate(env, info, msg));
  }

  @Override
  public CallResult execute(
      Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context) {
    return call(checksum, context, i -> i.callExecute(env, info, msg));
  }

  @Override
  public CallResult query(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return call(checksum, context, i -> i.callQuery(env, msg));
  }

  @Override
  public CallResult sudo(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return call(checksum, context, i -> i.callSudo(env, msg));
  }

  @Override
  public CallResult migrate(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return call(checksum, context, i -> i.callMigrate(env, msg));
  }

  @Override
  public CallResult migrateWithInfo(
      Checksum checksum, Bytes env, Bytes msg, Bytes migrateInfo, CallContext context) {
    return call(checksum, context, i -> i.callMigrateWithInfo(env, msg, migrateInfo));
  }

  @Override
  public CallResult reply(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return call(checksum, context, i -> i.callReply(env, msg));
  }

  /**
   * Calls any export with the ABI's region arguments (e.g. the {@code ibc_*} entry points); {@code
   * readonly} as for queries.
   */
  public CallResult call(
      Checksum checksum, String entryPoint, boolean readonly, CallContext context, Bytes... args) {
    return call(checksum, context, i -> i.callRaw(entryPoint, readonly, args));
  }

  private CallResult call(
      Checksum checksum, CallContext context, Function<VmInstance, Bytes> entryPoint) {
    return VmThreads.run(
        () -> {
          try {
            VmInstance instance;
            try {
              instance = VmInstance.create(module(checksum), context, instanceConfig);
            } catch (VmException e) {
              throw new VmCallException(e, GasReport.unused(context.gasLimit()));
            }
            try {
              Bytes data = entryPoint.apply(instance);
              return new CallResult(data, instance.createGasReport());
            } catch (VmException e) {
              throw new VmCallException(e, instance.createGasReport());
            }
          } finally {
            context.storage().endCall();
          }
        });
  }

  @Override
  public void close() {
    // Modules and code are heap objects; nothing to release yet (the cache tiers will be).
  }

  /**
   * Engine options; defaults follow 08-wasm: the compiler, 32 MiB memory, capability {@code
   * iterator}, cosmwasm-vm 3.0.9's limits and gas ({@link InstrumentationConfig#DEFAULT}), code in
   * memory.
   */
  public static final class Builder {
    private ExecutionMode mode = ExecutionMode.COMPILER;
    private Path baseDir;
    private long memoryLimitBytes = 32 * InstanceConfig.MIB;
    private GasConfig gasConfig = GasConfig.DEFAULT;
    private CosmWasmCrypto crypto = DefaultCosmWasmCrypto.INSTANCE;
    private InstrumentationConfig instrumentation = InstrumentationConfig.DEFAULT;
    private Set<String> capabilities = Capabilities.WASM_08;
    private WasmLimits wasmLimits = WasmLimits.DEFAULT;

    private Builder() {}

    public Builder executionMode(ExecutionMode executionMode) {
      this.mode = Objects.requireNonNull(executionMode);
      return this;
    }

    /** Keeps code under {@code baseDir/state/wasm/<checksum>.wasm} instead of in memory. */
    public Builder baseDir(Path dir) {
      this.baseDir = dir;
      return this;
    }

    /** {@code instance_memory_limit} in bytes (rounded down to whole pages). */
    public Builder memoryLimitBytes(long bytes) {
      this.memoryLimitBytes = bytes;
      return this;
    }

    public Builder gasConfig(GasConfig config) {
      this.gasConfig = Objects.requireNonNull(config);
      return this;
    }

    /** The cryptography behind the crypto imports (default: {@link DefaultCosmWasmCrypto}). */
    public Builder crypto(CosmWasmCrypto implementation) {
      this.crypto = Objects.requireNonNull(implementation);
      return this;
    }

    /** The capabilities contracts may require ({@code available_capabilities}). */
    public Builder capabilities(Set<String> available) {
      this.capabilities = Set.copyOf(available);
      return this;
    }

    /** Static limits for {@code storeCode}; {@link WasmLimits#withoutLocalsLimits()} pre-3.0.9. */
    public Builder wasmLimits(WasmLimits limits) {
      this.wasmLimits = Objects.requireNonNull(limits);
      return this;
    }

    /** Metering variant ({@link InstrumentationConfig#PRE_3_0_9} for 3.0.0 – 3.0.8 gas). */
    public Builder instrumentation(InstrumentationConfig config) {
      this.instrumentation = Objects.requireNonNull(config);
      return this;
    }

    /**
     * Runs code as stored, without metering or the depth limit: only host-side gas is charged. For
     * tests of the host functions, whose gas can then be derived by hand.
     */
    Builder uninstrumented() {
      this.instrumentation = null;
      return this;
    }

    public ChicoryWasmEngine build() {
      return new ChicoryWasmEngine(this);
    }
  }
}
