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
import io.wasm08.wasm.vm.PinnedMetrics;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The CosmWasm VM on Chicory: code by checksum (in memory or under {@code <baseDir>/state/wasm/}),
 * statically checked on {@code storeCode} ({@link StaticChecker}), instrumented for metering, NaN
 * canonicalization and the call-depth limit ({@link Instrumenter}) and compiled once; compiled
 * modules in cosmwasm-vm's cache tiers — pinned, a size-bounded LRU in memory, and with a base
 * directory compiled code on disk under {@code <baseDir>/cache/modules/} ({@link ModuleCache});
 * every call on a pristine instance, reset and reused between calls ({@link InstancePool}); the
 * runtime compiler by default and the interpreter on request.
 *
 * <p>Checking, compiling and calls run on large-stack VM threads ({@link VmThreads}), so deeply
 * nested code or deep recursion never meets the caller's JVM stack limit.
 */
public final class ChicoryWasmEngine implements WasmEngine {
  /** Default LRU memory cache capacity: 100 MiB of module size estimates. */
  public static final long DEFAULT_MEMORY_CACHE_SIZE = 100L * 1024 * 1024;

  private final CodeStore codes;
  private final ModuleCache modules;
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
    FileSystemModuleCache fs =
        b.baseDir != null && b.mode == ExecutionMode.COMPILER
            ? new FileSystemModuleCache(b.baseDir, CompiledCodeKey.of(instrumentation))
            : null;
    this.modules = new ModuleCache(codes, loader, fs, b.memoryCacheSizeBytes);
    this.instanceConfig = new InstanceConfig(b.memoryLimitBytes, b.gasConfig, b.crypto);
    this.capabilities = Set.copyOf(b.capabilities);
    this.wasmLimits = b.wasmLimits;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code work} on a VM thread (directly when already on one). Every call is made on a VM
   * thread anyway; a caller making many calls in a row (a block's transactions, a benchmark) can
   * wrap them in one {@code runOnVmThread} and save the thread handoff per call.
   */
  public static <T> T runOnVmThread(Supplier<T> work) {
    return VmThreads.run(work);
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
    ModuleLoader.Loaded loaded =
        VmThreads.run(
            () -> {
              StaticChecker.checkWasm(wasm, capabilities, wasmLimits);
              return loader.compile(wasm);
            });
    Checksum checksum = Checksum.of(wasm);
    if (persist) {
      codes.save(checksum, wasm);
      modules.stored(checksum, loaded);
    }
    return new StoreCodeResult(checksum, cost);
  }

  @Override
  public Checksum storeCodeUnchecked(byte[] wasm) {
    Checksum checksum = Checksum.of(wasm);
    ModuleLoader.Loaded loaded = VmThreads.run(() -> loader.compile(wasm));
    codes.save(checksum, wasm);
    modules.stored(checksum, loaded);
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
    modules.pin(checksum);
  }

  @Override
  public void unpin(Checksum checksum) {
    modules.unpin(checksum);
  }

  /** The compiled module for stored code (tests and tools instantiate it directly). */
  public CompiledModule module(Checksum checksum) {
    return modules.get(checksum);
  }

  @Override
  public Metrics metrics() {
    return modules.metrics();
  }

  @Override
  public PinnedMetrics pinnedMetrics() {
    return modules.pinnedMetrics();
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
            InstancePool.Lease lease;
            try {
              lease = module(checksum).pool(instanceConfig).acquire(context);
            } catch (VmException e) {
              throw new VmCallException(e, GasReport.unused(context.gasLimit()));
            }
            return run(lease, entryPoint);
          } finally {
            context.storage().endCall();
          }
        });
  }

  /** Runs {@code entryPoint} on a leased instance and returns the instance to its pool. */
  static CallResult run(InstancePool.Lease lease, Function<VmInstance, Bytes> entryPoint) {
    VmInstance instance = lease.instance();
    boolean trapped = true;
    try {
      Bytes data = entryPoint.apply(instance);
      CallResult result = new CallResult(data, instance.createGasReport());
      trapped = false;
      return result;
    } catch (VmException e) {
      throw new VmCallException(e, instance.createGasReport());
    } finally {
      // Errors other than VmException (JVM faults) also end here with trapped = true.
      lease.pool().release(lease, trapped);
    }
  }

  @Override
  public void close() {
    // Modules, pools and code are heap objects; the disk tier holds no open files.
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
    private long memoryCacheSizeBytes = DEFAULT_MEMORY_CACHE_SIZE;

    private Builder() {}

    /**
     * The LRU memory cache's capacity in bytes of {@link CompiledModule#sizeEstimate} (wasmvm's
     * {@code memory_cache_size_bytes}); 0 disables it. 08-wasm runs wasmvm with 0 and pins every
     * stored checksum instead.
     */
    public Builder memoryCacheSizeBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("memory cache size must not be negative");
      }
      this.memoryCacheSizeBytes = bytes;
      return this;
    }

    public Builder executionMode(ExecutionMode executionMode) {
      this.mode = Objects.requireNonNull(executionMode);
      return this;
    }

    /**
     * Keeps code under {@code baseDir/state/wasm/<checksum>.wasm} instead of in memory, and (in
     * compiler mode) compiled code under {@code baseDir/cache/modules/}.
     */
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
