package io.wasm08.wasm.vm.chicory.instrument;

import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.Gatekeeper;
import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.ExternKind;
import io.wasm08.wasm.vm.chicory.binary.FuncType;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Export;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Section;
import io.wasm08.wasm.vm.chicory.binary.ValueType;
import io.wasm08.wasm.vm.chicory.binary.WasmFormatException;
import io.wasm08.wasm.vm.chicory.binary.WasmWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a validated CosmWasm module so that running it on any Wasm engine (here Chicory's
 * compiler or interpreter) gives cosmwasm-vm 3.0.9's gas, wasmer's NaN bits and a deterministic
 * call-depth limit. The output is a valid Wasm module; the same input and config always give the
 * same bytes.
 *
 * <h2>Contract with the runtime</h2>
 *
 * The module gets four mutable globals, appended after all existing ones (no index of the original
 * module changes) and exported under these names:
 *
 * <ul>
 *   <li>{@value #REMAINING_POINTS} (i64, initially 0): the gas left, in CosmWasm gas, exactly
 *       wasmer's {@code Metering} global. Set it to the call's gas limit before calling an export;
 *       host functions charge by lowering it (cosmwasm-vm's {@code set_gas_left}, which also clears
 *       the exhausted flag). Read it as an unsigned number.
 *   <li>{@value #POINTS_EXHAUSTED} (i32, initially 0): set to 1, without changing the remaining
 *       points, when a gas check finds {@code remaining < cost}; the code then executes {@code
 *       unreachable}, so the call ends with Chicory's {@code TrapException}. A trap with this flag
 *       set is cosmwasm-vm's {@code GasDepletion} ("Ran out of gas during contract execution", gas
 *       left reported as 0).
 *   <li>{@value #CALL_DEPTH} (i32, initially 0): the number of active Wasm frames of the module's
 *       own functions. Each function increments it on entry and decrements it on every way out but
 *       a trap; reset it to 0 before calling an export on an instance that has trapped before.
 *       Host→guest re-entry (e.g. {@code allocate} from inside an import) continues the count.
 *   <li>{@value #CALL_DEPTH_EXCEEDED} (i32, initially 0): set to 1 when a function is entered with
 *       {@value #CALL_DEPTH} already at {@link InstrumentationConfig#maxCallDepth()}; the code then
 *       traps with {@code unreachable} (before its first gas check). Report such a trap as wasmer's
 *       stack overflow: "Error executing Wasm: Wasmer runtime error: RuntimeError: call stack
 *       exhausted". So {@code maxCallDepth} frames run, the next one traps — deterministically,
 *       independent of the JVM stack. Run calls on a thread whose stack holds {@code maxCallDepth}
 *       frames (see {@link InstrumentationConfig#DEFAULT_MAX_CALL_DEPTH}).
 * </ul>
 *
 * A trap with neither flag set is an ordinary Wasm trap of the contract.
 *
 * <h2>Gas</h2>
 *
 * Identical to cosmwasm-vm 3.0.9 ({@code wasm_backend/metering.rs}, cost function of {@code
 * engine.rs}): every operator costs 115, accounting operators ({@code loop end if else br br_if
 * br_table call call_indirect return}) 1610; the accumulated cost of a basic block is checked and
 * subtracted immediately before each accounting operator ({@code remaining == cost} passes and
 * leaves 0); with {@link InstrumentationConfig#chargeLocals()} a function with {@code L ≥ 30}
 * declared locals also pays {@code 115 × (L − 29)} at its first operator. Code added by the
 * instrumenter (checks, depth counting, canonicalization, helper calls) is not metered, as in
 * wasmer.
 *
 * <h2>NaNs</h2>
 *
 * With {@link InstrumentationConfig#canonicalizeNans()} the results of float arithmetic are
 * canonicalized (f32 {@code 0x7FC00000}, f64 {@code 0x7FF8000000000000}) wherever Singlepass's
 * {@code canonicalize_nans(true)} would make them observable as canonical, so every observable
 * float bit pattern equals wasmer's.
 *
 * <h2>Large functions</h2>
 *
 * Chicory compiles each Wasm function to one JVM method; one over 64 KiB would silently run in the
 * interpreter. Functions whose estimated bytecode is too large use a charge helper function instead
 * of inline checks, and very large ones are split into several functions (stack-neutral runs of
 * statements moved into new functions that receive and return the locals they use). Neither changes
 * gas, results or the depth count. {@code ModuleCompiler} reports functions that still fall back.
 *
 * <p>Input must have passed {@code StaticChecker.checkWasm}, or at least compile-time validation
 * (as for {@code StoreCodeUnchecked}): this method runs the compile-time checks itself and throws
 * {@link VmException} ({@code COMPILE_ERR}) like wasmer's compilation would.
 */
public final class Instrumenter {
  /** Identifies the instrumentation algorithm; part of every compiled-code cache key. */
  public static final String VERSION = "wasm08-instrument-1";

  public static final String REMAINING_POINTS = "wasmer_metering_remaining_points";
  public static final String POINTS_EXHAUSTED = "wasmer_metering_points_exhausted";
  public static final String CALL_DEPTH = "wasm08_call_depth";
  public static final String CALL_DEPTH_EXCEEDED = "wasm08_call_depth_exceeded";

  private static final Set<String> RESERVED_EXPORTS =
      Set.of(REMAINING_POINTS, POINTS_EXHAUSTED, CALL_DEPTH, CALL_DEPTH_EXCEEDED);

  private Instrumenter() {}

  /** Instruments {@code validatedWasm}; see the class documentation. */
  public static byte[] instrument(byte[] validatedWasm, InstrumentationConfig config) {
    return instrument(validatedWasm, config, FunctionPlanner.Thresholds.DEFAULT);
  }

  /** With explicit size thresholds (tests force helpers and function splitting with them). */
  static byte[] instrument(
      byte[] validatedWasm, InstrumentationConfig config, FunctionPlanner.Thresholds thresholds) {
    try {
      BinaryModule module = BinaryModule.parse(validatedWasm);
      Gatekeeper.checkCompilable(module);
      return new Instrumenter.Run(module, config, thresholds).instrument();
    } catch (WasmFormatException e) {
      throw VmException.compile("Could not compile: Validation error: " + e.getMessage());
    } catch (IndexOutOfBoundsException | IllegalStateException | IllegalArgumentException e) {
      // Only reachable with input that skipped validation and is invalid in a way the structural
      // pass does not see (e.g. a branch to a missing label): still a clean compile error.
      throw VmException.compile("Could not compile: Validation error: invalid function body");
    }
  }

  /** One instrumentation. */
  private static final class Run {
    private final BinaryModule module;
    private final InstrumentationConfig config;
    private final ModuleLayout layout;
    private final List<FuncType> newTypes = new ArrayList<>();
    private final Map<FuncType, Integer> typeIndex = new LinkedHashMap<>();
    private final List<Integer> newFunctionTypes = new ArrayList<>();
    private final List<byte[]> newBodies = new ArrayList<>();
    private final FunctionPlanner.Thresholds thresholds;
    private int nextFunction;

    Run(BinaryModule module, InstrumentationConfig config, FunctionPlanner.Thresholds thresholds) {
      this.module = module;
      this.config = config;
      this.thresholds = thresholds;
      this.layout = new ModuleLayout(config, module.globalCount());
      List<FuncType> types = module.types();
      for (int k = types.size() - 1; k >= 0; k--) {
        typeIndex.put(types.get(k), k); // the lowest index wins
      }
      this.nextFunction = module.importedFunctionCount() + module.definedFunctionCount();
    }

    private int typeOf(FuncType t) {
      Integer idx = typeIndex.get(t);
      if (idx == null) {
        idx = module.types().size() + newTypes.size();
        newTypes.add(t);
        typeIndex.put(t, idx);
      }
      return idx;
    }

    private int addFunction(FuncType t) {
      newFunctionTypes.add(typeOf(t));
      newBodies.add(null);
      return nextFunction++;
    }

    private void setBody(int functionIndex, byte[] body) {
      int k = functionIndex - (module.importedFunctionCount() + module.definedFunctionCount());
      newBodies.set(k, body);
    }

    byte[] instrument() {
      List<FunctionBody> bodies = module.bodies();
      List<FunctionAnalysis> analyses = new ArrayList<>(bodies.size());
      List<FunctionPlanner.Plan> plans = new ArrayList<>(bodies.size());
      boolean helpers = false;
      boolean canonF32 = false;
      boolean canonF64 = false;
      for (FunctionBody body : bodies) {
        FunctionAnalysis fa = new FunctionAnalysis(module, body, config.chargeLocals());
        if (!config.canonicalizeNans()) {
          java.util.Arrays.fill(fa.canonAfter, (byte) FunctionAnalysis.CANON_NONE);
        }
        FunctionPlanner.Plan plan = FunctionPlanner.plan(fa, thresholds);
        analyses.add(fa);
        plans.add(plan);
        helpers |= plan.helperMode();
        canonF32 |= plan.helperMode() && config.canonicalizeNans() && fa.usesF32Canon;
        canonF64 |= plan.helperMode() && config.canonicalizeNans() && fa.usesF64Canon;
      }
      if (helpers) {
        layout.chargeFunction = addFunction(FuncType.of(List.of(ValueType.I64), List.of()));
        setBody(layout.chargeFunction, chargeHelper());
      }
      if (canonF32) {
        layout.canonF32Function =
            addFunction(FuncType.of(List.of(ValueType.F32), List.of(ValueType.F32)));
        setBody(layout.canonF32Function, canonHelper(true));
      }
      if (canonF64) {
        layout.canonF64Function =
            addFunction(FuncType.of(List.of(ValueType.F64), List.of(ValueType.F64)));
        setBody(layout.canonF64Function, canonHelper(false));
      }
      List<byte[]> mainBodies = new ArrayList<>(bodies.size());
      for (int k = 0; k < bodies.size(); k++) {
        FunctionAnalysis fa = analyses.get(k);
        FunctionPlanner.Plan plan = plans.get(k);
        FunctionEmitter emitter =
            new FunctionEmitter(fa, layout, plan.helperMode(), plan.regions());
        for (Region r : FunctionEmitter.all(plan.regions())) {
          List<ValueType> params = new ArrayList<>();
          for (int p : r.params) {
            params.add(emitter.mainLocals().get(p));
          }
          List<ValueType> results = new ArrayList<>();
          results.add(ValueType.I32);
          for (int w : r.written) {
            results.add(emitter.mainLocals().get(w));
          }
          r.functionIndex = addFunction(FuncType.of(params, results));
        }
        for (Region r : FunctionEmitter.all(plan.regions())) {
          setBody(r.functionIndex, emitter.emitRegion(r));
        }
        mainBodies.add(emitter.emitMain());
      }
      return assemble(mainBodies);
    }

    private byte[] chargeHelper() {
      WasmWriter o = new WasmWriter(64);
      o.u32(0); // no locals beyond the i64 param
      FunctionEmitter.writeInlineCharge(o, layout, 0, 0);
      o.u8(0x0B);
      return o.toByteArray();
    }

    private static byte[] canonHelper(boolean f32) {
      WasmWriter o = new WasmWriter(32);
      o.u32(0);
      o.u8(0x20).u32(0);
      if (f32) {
        o.u8(0x43).f32bits(0x7FC00000);
      } else {
        o.u8(0x44).f64bits(0x7FF8000000000000L);
      }
      o.u8(0x20).u32(0).u8(0x20).u32(0);
      o.u8(f32 ? 0x5B : 0x61);
      o.u8(0x1B).u8(0x0B);
      return o.toByteArray();
    }

    // -------------------------------------------------------------------------------------------
    // Module assembly

    private byte[] assemble(List<byte[]> mainBodies) {
      byte[] src = module.bytes();
      Map<Integer, WasmWriter> replaced = new LinkedHashMap<>();
      replaced.put(BinaryModule.SECTION_TYPE, typeSection());
      replaced.put(BinaryModule.SECTION_FUNCTION, functionSection());
      replaced.put(BinaryModule.SECTION_GLOBAL, globalSection());
      replaced.put(BinaryModule.SECTION_EXPORT, exportSection());
      replaced.put(BinaryModule.SECTION_CODE, codeSection(mainBodies));
      WasmWriter out = new WasmWriter(src.length * 2 + 1024);
      out.bytes(src, 0, 8);
      List<Integer> pending = new ArrayList<>(replaced.keySet());
      for (Section s : module.sections()) {
        if (s.id() != BinaryModule.SECTION_CUSTOM) {
          int order = order(s.id());
          // synthesized sections that must precede this one
          for (int id : new ArrayList<>(pending)) {
            if (order(id) < order) {
              out.section(id, replaced.get(id));
              pending.remove((Integer) id);
            }
          }
          if (pending.contains(s.id())) {
            out.section(s.id(), replaced.get(s.id()));
            pending.remove((Integer) s.id());
            continue;
          }
        }
        out.bytes(src, s.start(), s.end());
      }
      for (int id : pending) {
        out.section(id, replaced.get(id));
      }
      return out.toByteArray();
    }

    private static int order(int id) {
      return switch (id) {
        case BinaryModule.SECTION_TYPE -> 1;
        case BinaryModule.SECTION_IMPORT -> 2;
        case BinaryModule.SECTION_FUNCTION -> 3;
        case BinaryModule.SECTION_TABLE -> 4;
        case BinaryModule.SECTION_MEMORY -> 5;
        case BinaryModule.SECTION_TAG -> 6;
        case BinaryModule.SECTION_GLOBAL -> 7;
        case BinaryModule.SECTION_EXPORT -> 8;
        case BinaryModule.SECTION_START -> 9;
        case BinaryModule.SECTION_ELEMENT -> 10;
        case BinaryModule.SECTION_DATA_COUNT -> 11;
        case BinaryModule.SECTION_CODE -> 12;
        case BinaryModule.SECTION_DATA -> 13;
        default -> throw new IllegalArgumentException("section " + id);
      };
    }

    /** The entries of section {@code id} after its count, and that count (0 when absent). */
    private int copyEntries(int id, WasmWriter out) {
      Section s = module.section(id);
      if (s == null) {
        return 0;
      }
      io.wasm08.wasm.vm.chicory.binary.ByteReader r =
          new io.wasm08.wasm.vm.chicory.binary.ByteReader(
              module.bytes(), s.contentStart(), s.end());
      int count = (int) r.varU32();
      out.bytes(module.bytes(), r.pos(), s.end());
      return count;
    }

    private WasmWriter withCount(int count, WasmWriter entries) {
      WasmWriter w = new WasmWriter(entries.size() + 8);
      w.u32(count);
      w.bytes(entries);
      return w;
    }

    private WasmWriter typeSection() {
      WasmWriter entries = new WasmWriter(1024);
      int count = copyEntries(BinaryModule.SECTION_TYPE, entries);
      for (FuncType t : newTypes) {
        entries.u8(0x60).u32(t.params().size());
        t.params().forEach(p -> entries.u8(p.code()));
        entries.u32(t.results().size());
        t.results().forEach(p -> entries.u8(p.code()));
      }
      return withCount(count + newTypes.size(), entries);
    }

    private WasmWriter functionSection() {
      WasmWriter entries = new WasmWriter(4096);
      int count = copyEntries(BinaryModule.SECTION_FUNCTION, entries);
      newFunctionTypes.forEach(entries::u32);
      return withCount(count + newFunctionTypes.size(), entries);
    }

    private WasmWriter globalSection() {
      WasmWriter entries = new WasmWriter(256);
      int count = copyEntries(BinaryModule.SECTION_GLOBAL, entries);
      entries.u8(ValueType.I64.code()).u8(1).u8(0x42).s64(0).u8(0x0B); // remaining points
      entries.u8(ValueType.I32.code()).u8(1).u8(0x41).s64(0).u8(0x0B); // points exhausted
      entries.u8(ValueType.I32.code()).u8(1).u8(0x41).s64(0).u8(0x0B); // call depth
      entries.u8(ValueType.I32.code()).u8(1).u8(0x41).s64(0).u8(0x0B); // depth exceeded
      return withCount(count + 4, entries);
    }

    private WasmWriter exportSection() {
      WasmWriter entries = new WasmWriter(1024);
      int count = 0;
      for (Export e : module.exports()) {
        // wasmer's Metering overwrites exports of its names; do the same for all four
        if (RESERVED_EXPORTS.contains(e.name())) {
          continue;
        }
        entries.name(e.name()).u8(e.kind().code()).u32(e.index());
        count++;
      }
      entries.name(REMAINING_POINTS).u8(ExternKind.GLOBAL.code()).u32(layout.remainingGlobal);
      entries.name(POINTS_EXHAUSTED).u8(ExternKind.GLOBAL.code()).u32(layout.exhaustedGlobal);
      entries.name(CALL_DEPTH).u8(ExternKind.GLOBAL.code()).u32(layout.depthGlobal);
      entries
          .name(CALL_DEPTH_EXCEEDED)
          .u8(ExternKind.GLOBAL.code())
          .u32(layout.depthExceededGlobal);
      return withCount(count + 4, entries);
    }

    private WasmWriter codeSection(List<byte[]> mainBodies) {
      WasmWriter w = new WasmWriter(module.bytes().length * 2);
      w.u32(mainBodies.size() + newBodies.size());
      for (byte[] b : mainBodies) {
        w.u32(b.length).bytes(b);
      }
      for (byte[] b : newBodies) {
        w.u32(b.length).bytes(b);
      }
      return w;
    }
  }
}
