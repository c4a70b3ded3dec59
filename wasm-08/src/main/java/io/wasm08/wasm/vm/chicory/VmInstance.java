package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One instance of a contract with its backend (cosmwasm-vm {@code Instance}): the entry point calls
 * of {@code calls.rs} (allocate and write each argument, call, read and deallocate the result) plus
 * gas inspection. The engine uses a fresh instance per call, as wasmvm does; tests and conformance
 * runs may call several entry points on one instance, as upstream's tests do.
 *
 * <p>Every method runs on a VM thread (see {@link VmThreads}).
 */
public final class VmInstance {
  /** {@code read_limits}: 64 MiB for every entry point's result. */
  public static final long RESULT_MAX_LENGTH = 64L * 1024 * 1024;

  private final Environment env;

  private VmInstance(Environment env) {
    this.env = env;
  }

  /** Instantiates {@code module} with {@code backend}; link and memory errors are VM faults. */
  public static VmInstance create(
      CompiledModule module, CallContext backend, InstanceConfig config) {
    return VmThreads.run(() -> build(module, backend, config));
  }

  private static VmInstance build(
      CompiledModule module, CallContext backend, InstanceConfig config) {
    Environment env = new Environment(module, backend, config.gasConfig(), config.crypto());
    List<ImportFunction> hostFunctions = Imports.forEnvironment(env);
    checkImports(module);
    Instance.Builder builder =
        Instance.builder(module.module())
            .withImportValues(ImportValues.builder().withFunctions(hostFunctions).build())
            .withMemoryFactory(ByteArrayMemory::new)
            .withStart(false);
    memoryLimits(module, config).ifPresent(builder::withMemoryLimits);
    module.machineFactory().ifPresent(builder::withMachineFactory);
    Instance instance;
    try {
      instance = builder.build();
    } catch (ChicoryException e) {
      throw VmErrors.instantiation("Error instantiating module: " + e.getMessage());
    }
    env.attach(instance);
    return new VmInstance(env);
  }

  /** wasmer's import resolution, with its error texts, before Chicory links anything. */
  private static void checkImports(CompiledModule module) {
    for (Import imp : module.imports()) {
      String where = "Error while importing \"" + imp.module() + "\".\"" + imp.name() + "\": ";
      FunctionType provided =
          "env".equals(imp.module()) ? Imports.SIGNATURES.get(imp.name()) : null;
      if (!(imp instanceof FunctionImport f)) {
        throw VmErrors.instantiation(
            "Error instantiating module: "
                + where
                + "unknown import. Expected "
                + imp.importType().name().charAt(0)
                + imp.importType().name().substring(1).toLowerCase(java.util.Locale.ROOT));
      }
      FunctionType expected = module.module().typeSection().getType(f.typeIndex());
      if (provided == null) {
        throw VmErrors.instantiation(
            "Error instantiating module: " + where + "unknown import. Expected " + debug(expected));
      }
      if (!provided.equals(expected)) {
        throw VmErrors.instantiation(
            "Error instantiating module: "
                + where
                + "incompatible import type. Expected "
                + debug(expected)
                + " but received "
                + debug(provided));
      }
    }
  }

  private static String debug(FunctionType type) {
    return "Function(FunctionType { params: "
        + types(type.params())
        + ", results: "
        + types(type.returns())
        + " })";
  }

  private static String types(List<ValType> types) {
    return types.stream().map(VmInstance::typeName).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String typeName(ValType t) {
    if (t.equals(ValType.I32)) {
      return "I32";
    } else if (t.equals(ValType.I64)) {
      return "I64";
    } else if (t.equals(ValType.F32)) {
      return "F32";
    } else if (t.equals(ValType.F64)) {
      return "F64";
    } else if (t.equals(ValType.V128)) {
      return "V128";
    } else if (t.equals(ValType.FuncRef)) {
      return "FuncRef";
    } else if (t.equals(ValType.ExternRef)) {
      return "ExternRef";
    }
    return t.name();
  }

  /**
   * cosmwasm-vm's {@code LimitingTunables}: an unset maximum becomes the limit; a minimum or
   * maximum above the limit fails instantiation. Chicory replaces the module's limits with the ones
   * given, so they are computed here in full.
   */
  private static Optional<MemoryLimits> memoryLimits(CompiledModule module, InstanceConfig config) {
    Optional<MemoryLimits> declared = module.declaredMemory();
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    int limit = config.memoryLimitPages();
    MemoryLimits requested = declared.get();
    // Chicory reads an absent maximum as 65 536 pages; an explicit 65 536 looks the same (only
    // unchecked code may declare a maximum at all).
    boolean hasMax = requested.maximumPages() != MemoryLimits.MAX_PAGES;
    if (requested.initialPages() > limit) {
      throw memoryError("Minimum exceeds the allowed memory limit");
    }
    int maximum = hasMax ? requested.maximumPages() : limit;
    if (maximum > limit) {
      throw memoryError("Maximum exceeds the allowed memory limit");
    }
    // Chicory's memories are Java arrays: the runtime cannot go past 32 767 pages (2 GiB).
    maximum = Math.min(maximum, Memory.RUNTIME_MAX_PAGES);
    return Optional.of(new MemoryLimits(requested.initialPages(), maximum));
  }

  private static VmException memoryError(String reason) {
    return VmErrors.instantiation(
        "Error instantiating module: Insufficient resources: Failed to create memory: A"
            + " user-defined error occurred: "
            + reason);
  }

  // ---- entry points (calls.rs, the *_raw variants) ----------------------------------------

  public Bytes callInstantiate(Bytes envJson, Bytes info, Bytes msg) {
    return callRaw("instantiate", false, envJson, info, msg);
  }

  public Bytes callExecute(Bytes envJson, Bytes info, Bytes msg) {
    return callRaw("execute", false, envJson, info, msg);
  }

  /** With read-only storage: writes trap with "Must not call a writing storage function…". */
  public Bytes callQuery(Bytes envJson, Bytes msg) {
    return callRaw("query", true, envJson, msg);
  }

  public Bytes callSudo(Bytes envJson, Bytes msg) {
    return callRaw("sudo", false, envJson, msg);
  }

  public Bytes callReply(Bytes envJson, Bytes msg) {
    return callRaw("reply", false, envJson, msg);
  }

  /** {@code call_migrate_raw}: two arguments only. */
  public Bytes callMigrate(Bytes envJson, Bytes msg) {
    return callRaw("migrate", false, envJson, msg);
  }

  /** {@code call_migrate_with_info_raw}: three arguments, retried with two on an arity error. */
  public Bytes callMigrateWithInfo(Bytes envJson, Bytes msg, Bytes migrateInfo) {
    return VmThreads.run(
        () -> {
          try {
            return callRaw("migrate", false, envJson, msg, migrateInfo);
          } catch (VmException e) {
            if (e.kind() != VmErrorKind.FUNCTION_ARITY_MISMATCH) {
              throw e;
            }
            return callRaw("migrate", false, envJson, msg);
          }
        });
  }

  /**
   * {@code call_raw}: sets the storage mode, passes each argument in a freshly allocated region
   * (the guest frees them), calls {@code entryPoint}, reads the result region (at most {@link
   * #RESULT_MAX_LENGTH}) and deallocates it.
   */
  public Bytes callRaw(String entryPoint, boolean readonly, Bytes... args) {
    return VmThreads.run(
        () -> {
          env.setStorageReadonly(readonly);
          long[] pointers = new long[args.length];
          for (int i = 0; i < args.length; i++) {
            byte[] arg = args[i].toByteArray();
            int ptr = allocateOnThread(arg.length);
            env.writeRegion(ptr, arg);
            pointers[i] = ptr;
          }
          int resultPtr = env.callFunction1(entryPoint, pointers);
          byte[] data = env.readRegion(resultPtr, RESULT_MAX_LENGTH);
          env.callFunction0("deallocate", resultPtr);
          return Bytes.wrapOwned(data);
        });
  }

  private int allocateOnThread(int size) {
    int ptr = env.callFunction1("allocate", size);
    if (ptr == 0) {
      throw VmErrors.zeroAddress();
    }
    return ptr;
  }

  // ---- low-level access (cosmwasm-vm's pub(crate) helpers, for tests) ---------------------

  int allocate(int size) {
    return VmThreads.run(() -> allocateOnThread(size));
  }

  void deallocate(int ptr) {
    VmThreads.run(
        () -> {
          env.callFunction0("deallocate", ptr);
          return null;
        });
  }

  byte[] readMemory(int regionPtr, long maxLength) {
    return VmThreads.run(() -> env.readRegion(regionPtr, maxLength));
  }

  void writeMemory(int regionPtr, byte[] data) {
    VmThreads.run(
        () -> {
          env.writeRegion(regionPtr, data);
          return null;
        });
  }

  /** Calls export {@code name} with raw arguments (tests drive imports through it). */
  long[] callExport(String name, long... args) {
    return VmThreads.run(() -> env.callFunction(name, args));
  }

  /** Writes raw bytes into guest memory (tests craft malformed regions with it). */
  void pokeMemory(int address, byte[] data) {
    VmThreads.run(
        () -> {
          env.memory().write(address, data);
          return null;
        });
  }

  byte[] peekMemory(int address, int length) {
    return VmThreads.run(() -> env.memory().readBytes(address, length));
  }

  // ---- gas and state ----------------------------------------------------------------------

  /** Gas left in CosmWasm gas; 0 once exhausted. */
  public long getGasLeft() {
    return env.getGasLeft();
  }

  /** Sets the gas left and clears the exhausted flag (wasmer {@code set_remaining_points}). */
  public void setGasLeft(long gasLeft) {
    env.setGasLeft(gasLeft);
  }

  /** {@code process_gas_info} applied to this instance (exposed for conformance tests). */
  public void processGasInfo(GasInfo info) {
    env.processGasInfo(info);
  }

  public GasReport createGasReport() {
    return env.createGasReport();
  }

  /** Current size of the contract's memory in 64 KiB pages. */
  public int memoryPages() {
    return env.memoryPages();
  }

  public boolean isStorageReadonly() {
    return env.isStorageReadonly();
  }

  public void setStorageReadonly(boolean readonly) {
    env.setStorageReadonly(readonly);
  }
}
