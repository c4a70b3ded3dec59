package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The state one instance's imports share (cosmwasm-vm {@code Environment} + {@code ContextData}):
 * gas, call depth, the read-only flag, the backend, and guarded access to the guest's memory.
 */
final class Environment {
  /** cosmwasm-vm's {@code MAX_CALL_DEPTH}: the export call is depth 1, a nested allocate 2. */
  static final int MAX_CALL_DEPTH = 2;

  static final String REMAINING_POINTS = "wasmer_metering_remaining_points";
  static final String POINTS_EXHAUSTED = "wasmer_metering_points_exhausted";
  static final String CALL_DEPTH = "wasm08_call_depth";
  static final String CALL_DEPTH_EXCEEDED = "wasm08_call_depth_exceeded";

  final GasConfig gasConfig;
  final CosmWasmCrypto crypto;
  final CallContext backend;
  private final CompiledModule module;
  private final long gasLimit;
  private long externallyUsed;
  private boolean storageReadonly = true;
  private int callDepth;

  private Instance instance;
  private Memory memory;
  private GlobalInstance remainingPoints;
  private GlobalInstance pointsExhausted;
  private GlobalInstance wasmCallDepth;
  private GlobalInstance callDepthExceeded;
  // Stand-ins for the metering globals of uninstrumented modules (gas from host charges only).
  private long hostRemaining;
  private boolean hostExhausted;

  Environment(
      CompiledModule module, CallContext backend, GasConfig gasConfig, CosmWasmCrypto crypto) {
    this.module = module;
    this.backend = backend;
    this.gasConfig = gasConfig;
    this.crypto = crypto;
    this.gasLimit = backend.gasLimit();
  }

  /** Links the environment to its instance once Chicory built it. */
  void attach(Instance built) {
    this.instance = built;
    this.memory = exportedMemory(built);
    this.remainingPoints = global(built, REMAINING_POINTS);
    this.pointsExhausted = global(built, POINTS_EXHAUSTED);
    this.wasmCallDepth = global(built, CALL_DEPTH);
    this.callDepthExceeded = global(built, CALL_DEPTH_EXCEEDED);
    setGasLeft(gasLimit);
  }

  private Memory exportedMemory(Instance built) {
    Export export =
        module
            .export("memory")
            .orElseThrow(
                () ->
                    VmErrors.instantiation("Could not get memory 'memory': Missing export memory"));
    if (export.exportType() != ExternalType.MEMORY) {
      throw VmErrors.instantiation("Could not get memory 'memory': Incompatible Export Type");
    }
    return built.memory(export.index());
  }

  private GlobalInstance global(Instance built, String name) {
    return module
        .export(name)
        .filter(e -> e.exportType() == ExternalType.GLOBAL)
        .map(e -> built.global(e.index()))
        .orElse(null);
  }

  // ---- gas -------------------------------------------------------------------------------

  long gasLimit() {
    return gasLimit;
  }

  long externallyUsed() {
    return externallyUsed;
  }

  /** wasmer's {@code get_remaining_points}: 0 once exhausted. */
  long getGasLeft() {
    if (remainingPoints == null) {
      return hostExhausted ? 0 : hostRemaining;
    }
    return pointsExhausted.getValue() != 0 ? 0 : remainingPoints.getValue();
  }

  /** wasmer's {@code set_remaining_points}: sets the budget and clears the exhausted flag. */
  void setGasLeft(long value) {
    if (remainingPoints == null) {
      hostRemaining = value;
      hostExhausted = false;
      return;
    }
    remainingPoints.setValue(value);
    pointsExhausted.setValue(0);
  }

  private boolean exhausted() {
    return pointsExhausted == null ? hostExhausted : pointsExhausted.getValue() != 0;
  }

  private boolean callDepthLimitHit() {
    return callDepthExceeded != null && callDepthExceeded.getValue() != 0;
  }

  /**
   * cosmwasm-vm's {@code process_gas_info}: both parts reduce the Wasm budget, only the external
   * part is tracked; fails with a gas depletion when the sum exceeds what was left.
   */
  void processGasInfo(GasInfo info) {
    long gasLeft = getGasLeft();
    externallyUsed = saturatingAdd(externallyUsed, info.externallyUsed());
    long newLimit = Math.max(0, Math.max(0, gasLeft - info.externallyUsed()) - info.cost());
    setGasLeft(newLimit);
    long total = info.externallyUsed() + info.cost();
    if (total < 0 || total > gasLeft) {
      throw VmException.gasDepletion();
    }
  }

  void chargeCost(long cost) {
    processGasInfo(GasInfo.withCost(cost));
  }

  GasReport createGasReport() {
    return GasReport.of(gasLimit, getGasLeft(), externallyUsed);
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  // ---- storage mode and call depth --------------------------------------------------------

  boolean isStorageReadonly() {
    return storageReadonly;
  }

  void setStorageReadonly(boolean readonly) {
    this.storageReadonly = readonly;
  }

  // ---- calling into the guest -------------------------------------------------------------

  /**
   * cosmwasm-vm's {@code call_function}: resolve the export, check the arity, count the depth,
   * call, and classify a failure — an exhausted gas budget is a gas depletion, anything else a
   * runtime error whose text wraps the trap or the import's error.
   */
  long[] callFunction(String name, long... args) {
    Instance inst = requireInstance();
    Export export = module.export(name).orElseThrow(() -> VmErrors.missingExport(name));
    if (export.exportType() != ExternalType.FUNCTION) {
      throw VmErrors.incompatibleExport();
    }
    FunctionType type = module.functionType(export.index());
    if (args.length != type.params().size()) {
      throw new VmException(
          VmErrorKind.FUNCTION_ARITY_MISMATCH, Integer.toString(type.params().size()));
    }
    if (callDepth == 0) {
      resetWasmCallDepth();
    }
    incrementCallDepth();
    try {
      if (!type.params().stream().allMatch(t -> t.equals(ValType.I32))) {
        // wasmer refuses to call with mistyped arguments; every ABI argument is an i32.
        throw VmException.runtime(
            "Parameters of type "
                + debugTypes(type.params().stream().map(t -> ValType.I32).toList())
                + " did not match signature "
                + debugTypes(type.params())
                + " -> "
                + debugTypes(type.returns()));
      }
      ExportFunction function = inst.export(name);
      long[] result;
      try {
        result = function.apply(args);
      } catch (VmException e) {
        // An import failed: wasmer turns its error into a RuntimeError carrying its Display text.
        throw exhausted() ? VmException.gasDepletion() : VmException.runtime(e.getMessage());
      } catch (ChicoryException e) {
        throw classifyTrap(e);
      }
      return result == null ? new long[0] : result;
    } finally {
      callDepth--;
    }
  }

  private RuntimeException classifyTrap(ChicoryException e) {
    if (exhausted()) {
      return VmException.gasDepletion();
    }
    if (callDepthLimitHit()) {
      return VmException.runtime("call stack exhausted");
    }
    if (Traps.isJvmStackOverflow(e)) {
      return new IllegalStateException(
          "JVM stack exhausted before the Wasm call-depth limit; run calls on VM threads", e);
    }
    return VmException.runtime(Traps.wasmerMessage(e));
  }

  /** {@code call_function1}: exactly one result, converted with {@code ref_to_u32}. */
  int callFunction1(String name, long... args) {
    long[] result = callFunction(name, args);
    if (result.length != 1) {
      throw resultMismatch(name, 1, result.length);
    }
    FunctionType type = module.functionType(module.export(name).orElseThrow().index());
    ValType returned = type.returns().get(0);
    if (!returned.equals(ValType.I32)) {
      throw new VmException(
          VmErrorKind.CONVERSION_ERR,
          "wasmer_types::value::Value to u32. Input: " + renderValue(returned, result[0]));
    }
    return (int) result[0];
  }

  /** {@code call_function0}: no result. */
  void callFunction0(String name, long... args) {
    long[] result = callFunction(name, args);
    if (result.length != 0) {
      throw resultMismatch(name, 0, result.length);
    }
  }

  private static VmException resultMismatch(String name, int expected, int actual) {
    return new VmException(
        VmErrorKind.RESULT_MISMATCH,
        "'" + name + "'. Expected: " + expected + ", actual: " + actual + ".");
  }

  /**
   * No Wasm frame is live at a top-level call, so the instrumented frame counter starts at 0 — a
   * trap earlier on a reused instance leaves it wherever the trap happened.
   */
  private void resetWasmCallDepth() {
    if (wasmCallDepth != null) {
      wasmCallDepth.setValue(0);
    }
    if (callDepthExceeded != null) {
      callDepthExceeded.setValue(0);
    }
  }

  private void incrementCallDepth() {
    // Upstream increments before checking and does not undo a failed increment.
    callDepth++;
    if (callDepth > MAX_CALL_DEPTH) {
      throw new VmException(VmErrorKind.MAX_CALL_DEPTH_EXCEEDED, null);
    }
  }

  private static String debugTypes(List<ValType> types) {
    return types.stream().map(Environment::debugType).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String debugType(ValType t) {
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

  private static String renderValue(ValType type, long raw) {
    if (type.equals(ValType.I64)) {
      return Long.toString(raw);
    } else if (type.equals(ValType.F32)) {
      return Float.toString(Float.intBitsToFloat((int) raw));
    } else if (type.equals(ValType.F64)) {
      return Double.toString(Double.longBitsToDouble(raw));
    }
    return Long.toString(raw);
  }

  // ---- guest memory -----------------------------------------------------------------------

  private Instance requireInstance() {
    if (instance == null) {
      throw new VmException(VmErrorKind.UNINITIALIZED_CONTEXT_DATA, "wasmer_instance");
    }
    return instance;
  }

  Memory memory() {
    requireInstance();
    return memory;
  }

  long memorySize() {
    requireInstance();
    return (long) memory.pages() * Memory.PAGE_SIZE;
  }

  int memoryPages() {
    requireInstance();
    return memory.pages();
  }

  private Region getRegion(long ptr) {
    if (ptr + Region.SIZE > memorySize()) {
      throw VmErrors.derefRegion(ptr);
    }
    int p = (int) ptr;
    Region region =
        new Region(
            Integer.toUnsignedLong(memory.readInt(p)),
            Integer.toUnsignedLong(memory.readInt(p + 4)),
            Integer.toUnsignedLong(memory.readInt(p + 8)));
    region.validate();
    return region;
  }

  /** cosmwasm-vm's {@code read_region}: charge on the declared length, then check and copy. */
  byte[] readRegion(int ptr, long maxLength) {
    Region region = getRegion(Integer.toUnsignedLong(ptr));
    chargeCost(gasConfig.readRegionCost(region.length()));
    if (region.length() > maxLength) {
      throw new VmErrors.RegionLengthTooBig(region.length(), maxLength);
    }
    if (region.offset() + region.length() > memorySize()) {
      throw VmErrors.regionAccess(region, memorySize());
    }
    return memory.readBytes((int) region.offset(), (int) region.length());
  }

  /** {@code maybe_read_region}: a zero pointer means "absent". */
  byte[] maybeReadRegion(int ptr, long maxLength) {
    return ptr == 0 ? null : readRegion(ptr, maxLength);
  }

  /** cosmwasm-vm's {@code write_region}: charge, check the capacity, copy, set the length. */
  void writeRegion(int ptr, byte[] data) {
    long regionPtr = Integer.toUnsignedLong(ptr);
    Region region = getRegion(regionPtr);
    chargeCost(gasConfig.writeRegionCost().totalCost(data.length));
    if (data.length > region.capacity()) {
      throw VmErrors.regionTooSmall(region.capacity(), data.length);
    }
    if (region.offset() + data.length > memorySize()) {
      throw VmErrors.regionAccess(region, memorySize());
    }
    memory.write((int) region.offset(), data);
    memory.writeI32((int) regionPtr + 8, data.length);
  }

  /** {@code write_to_contract}: a guest {@code allocate}, then a region write; returns it. */
  int writeToContract(byte[] data) {
    int ptr = callFunction1("allocate", data.length);
    if (ptr == 0) {
      throw VmErrors.zeroAddress();
    }
    writeRegion(ptr, data);
    return ptr;
  }
}
