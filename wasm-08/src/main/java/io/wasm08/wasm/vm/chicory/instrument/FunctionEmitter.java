package io.wasm08.wasm.vm.chicory.instrument;

import io.wasm08.wasm.vm.chicory.binary.CodeReader;
import io.wasm08.wasm.vm.chicory.binary.Opcodes;
import io.wasm08.wasm.vm.chicory.binary.ValueType;
import io.wasm08.wasm.vm.chicory.binary.WasmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the instrumented body of one original function, and of each {@link Region} cut out of it,
 * from a {@link FunctionAnalysis}.
 *
 * <p>Gas checks and NaN canonicalizations travel with the instruction they belong to, so gas and
 * results do not depend on where a function is cut. Branches leaving a region become an exit code
 * (and, for a branch carrying a value, a write of that value to a carry local); the caller
 * re-issues the branch after the call. Calls to regions and helpers are not depth-counted.
 */
final class FunctionEmitter {
  /** Synthetic label ids (original labels are instruction indices or FUNCTION_LABEL = -1). */
  private static final int IMPLICIT = -100;

  private static final int EXIT = -101;
  private static final int SYNTHETIC = -102;

  private final FunctionAnalysis fa;
  private final ModuleLayout layout;
  private final boolean helperMode;
  private final List<Region> topRegions;

  /** Locals of the rewritten original function: original ones, then these (or -1). */
  private final List<ValueType> mainLocals;

  private final int mainCanonF32;
  private final int mainCanonF64;
  private final int mainSubExit;
  private final int[] carryLocal = {-1, -1, -1, -1}; // i32, i64, f32, f64

  FunctionEmitter(
      FunctionAnalysis fa, ModuleLayout layout, boolean helperMode, List<Region> topRegions) {
    this.fa = fa;
    this.layout = layout;
    this.helperMode = helperMode;
    this.topRegions = topRegions;
    List<ValueType> locals = new ArrayList<>(fa.localTypes);
    mainCanonF32 = fa.usesF32Canon && !helperMode ? add(locals, ValueType.F32) : -1;
    mainCanonF64 = fa.usesF64Canon && !helperMode ? add(locals, ValueType.F64) : -1;
    boolean anyRegion = !topRegions.isEmpty();
    if (anyRegion) {
      for (Region r : all(topRegions)) {
        for (int label : r.escapes) {
          ValueType t = labelType(label);
          if (t != null && carryLocal[slot(t)] < 0) {
            carryLocal[slot(t)] = add(locals, t);
          }
        }
      }
    }
    mainSubExit = anyRegion ? add(locals, ValueType.I32) : -1;
    this.mainLocals = List.copyOf(locals);
    for (Region r : topRegions) {
      assignLocals(r);
    }
  }

  /**
   * A region's params are the locals its code (or a nested region) reads or writes, plus the carry
   * locals of the branches leaving it or its nested regions; those written are returned.
   */
  private void assignLocals(Region r) {
    java.util.TreeSet<Integer> referenced = new java.util.TreeSet<>();
    java.util.TreeSet<Integer> written = new java.util.TreeSet<>();
    for (Region c : r.children) {
      assignLocals(c);
      for (int p : c.params) {
        referenced.add(p);
      }
      for (int w : c.written) {
        written.add(w);
      }
    }
    for (int i = r.start; i < r.end; i++) {
      int op = fa.op[i];
      if (op == Opcodes.LOCAL_GET || op == Opcodes.LOCAL_SET || op == Opcodes.LOCAL_TEE) {
        referenced.add((int) fa.a[i]);
        if (op != Opcodes.LOCAL_GET) {
          written.add((int) fa.a[i]);
        }
      }
    }
    for (int label : r.escapes) {
      ValueType t = labelType(label);
      if (t != null) {
        written.add(carryLocal(t));
      }
    }
    referenced.addAll(written);
    r.params = referenced.stream().mapToInt(Integer::intValue).toArray();
    r.written = written.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int add(List<ValueType> locals, ValueType t) {
    locals.add(t);
    return locals.size() - 1;
  }

  static List<Region> all(List<Region> regions) {
    List<Region> out = new ArrayList<>();
    for (Region r : regions) {
      out.add(r);
      out.addAll(all(r.children));
    }
    return out;
  }

  /** All locals of the rewritten original function (params first). */
  List<ValueType> mainLocals() {
    return mainLocals;
  }

  int carryLocal(ValueType t) {
    return carryLocal[slot(t)];
  }

  private static int slot(ValueType t) {
    return switch (t) {
      case I32 -> 0;
      case I64 -> 1;
      case F32 -> 2;
      case F64 -> 3;
      default -> throw new IllegalArgumentException("no carry for " + t);
    };
  }

  /** The type carried by a branch to {@code label}, or null for none. */
  ValueType labelType(int label) {
    if (label == FunctionAnalysis.FUNCTION_LABEL) {
      return fa.type.results().isEmpty() ? null : fa.type.results().get(0);
    }
    if (fa.op[label] == Opcodes.LOOP) {
      return null;
    }
    return CodeReader.blockValueType(fa.a[label]);
  }

  // ---------------------------------------------------------------------------------------------
  // Emission contexts

  /** One function being written: the rewritten original or a region function. */
  private final class Target {
    final WasmWriter out = new WasmWriter(1024);
    final List<Integer> labels = new ArrayList<>();
    final int[] localMap; // original local → local of this function (-1: not available)
    final Region region; // null for the main function
    final int exitLocal;
    final int condLocal;
    final int subExitLocal;
    final int canonF32;
    final int canonF64;

    Target(
        int[] localMap,
        Region region,
        int exitLocal,
        int condLocal,
        int subExitLocal,
        int canonF32,
        int canonF64) {
      this.localMap = localMap;
      this.region = region;
      this.exitLocal = exitLocal;
      this.condLocal = condLocal;
      this.subExitLocal = subExitLocal;
      this.canonF32 = canonF32;
      this.canonF64 = canonF64;
    }

    int local(int original) {
      int mapped = localMap[original];
      if (mapped < 0) {
        throw new IllegalStateException("local " + original + " not passed to region");
      }
      return mapped;
    }

    int relative(int label) {
      int pos = labels.lastIndexOf(label);
      return pos < 0 ? -1 : labels.size() - 1 - pos;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The rewritten original function

  /** Locals declaration + code of the rewritten original function. */
  byte[] emitMain() {
    int[] identity = new int[mainLocals.size()];
    for (int k = 0; k < identity.length; k++) {
      identity[k] = k;
    }
    Target t = new Target(identity, null, -1, -1, mainSubExit, mainCanonF32, mainCanonF64);
    WasmWriter body = new WasmWriter(fa.count * 4 + 64);
    writeLocals(body, mainLocals, fa.localTypes.size() - fa.type.params().size(), fa);
    t.labels.add(IMPLICIT);
    if (layout.depthLimited()) {
      // depth check and increment, then the body inside a block whose end runs the decrement
      WasmWriter o = t.out;
      o.u8(Opcodes.GLOBAL_GET).u32(layout.depthGlobal);
      o.u8(Opcodes.I32_CONST).s64(layout.config.maxCallDepth());
      o.u8(0x4F); // i32.ge_u
      o.u8(Opcodes.IF).u8(0x40);
      o.u8(Opcodes.I32_CONST).s64(1).u8(Opcodes.GLOBAL_SET).u32(layout.depthExceededGlobal);
      o.u8(Opcodes.UNREACHABLE);
      o.u8(Opcodes.END);
      o.u8(Opcodes.GLOBAL_GET).u32(layout.depthGlobal);
      o.u8(Opcodes.I32_CONST).s64(1).u8(0x6A); // i32.add
      o.u8(Opcodes.GLOBAL_SET).u32(layout.depthGlobal);
      o.u8(Opcodes.BLOCK);
      blockType(o, fa.type.results().isEmpty() ? null : fa.type.results().get(0));
    }
    t.labels.add(FunctionAnalysis.FUNCTION_LABEL);
    emitRange(t, 0, fa.count - 1, topRegions);
    int last = fa.count - 1;
    charge(t, fa.chargeBefore[last]);
    if (layout.depthLimited()) {
      WasmWriter o = t.out;
      o.u8(Opcodes.END);
      o.u8(Opcodes.GLOBAL_GET).u32(layout.depthGlobal);
      o.u8(Opcodes.I32_CONST).s64(1).u8(0x6B); // i32.sub
      o.u8(Opcodes.GLOBAL_SET).u32(layout.depthGlobal);
    }
    t.out.u8(Opcodes.END);
    body.bytes(t.out);
    return body.toByteArray();
  }

  private static void blockType(WasmWriter o, ValueType result) {
    o.u8(result == null ? 0x40 : result.code());
  }

  /**
   * Writes the locals declaration: the original declaration groups are kept byte-compatible (merged
   * runs are fine), followed by the appended locals.
   */
  private static void writeLocals(
      WasmWriter out, List<ValueType> locals, int declaredOriginal, FunctionAnalysis fa) {
    int params = fa.type.params().size();
    List<int[]> groups = new ArrayList<>(); // {count, typeCode}
    for (int k = params; k < locals.size(); k++) {
      int code = locals.get(k).code();
      if (!groups.isEmpty() && groups.get(groups.size() - 1)[1] == code) {
        groups.get(groups.size() - 1)[0]++;
      } else {
        groups.add(new int[] {1, code});
      }
    }
    out.u32(groups.size());
    for (int[] g : groups) {
      out.u32(g[0]).u8(g[1]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Region functions

  /** The locals declaration + code of the function of {@code r}. */
  byte[] emitRegion(Region r) {
    int[] map = new int[mainLocals.size()];
    java.util.Arrays.fill(map, -1);
    List<ValueType> locals = new ArrayList<>();
    for (int k = 0; k < r.params.length; k++) {
      map[r.params[k]] = k;
      locals.add(mainLocals.get(r.params[k]));
    }
    int nParams = locals.size();
    int exit = add(locals, ValueType.I32);
    int cond = add(locals, ValueType.I32);
    int sub = add(locals, ValueType.I32);
    int c32 = fa.usesF32Canon && !helperMode ? add(locals, ValueType.F32) : -1;
    int c64 = fa.usesF64Canon && !helperMode ? add(locals, ValueType.F64) : -1;
    Target t = new Target(map, r, exit, cond, sub, c32, c64);
    WasmWriter body = new WasmWriter(1024);
    // locals after the params
    List<int[]> groups = new ArrayList<>();
    for (int k = nParams; k < locals.size(); k++) {
      int code = locals.get(k).code();
      if (!groups.isEmpty() && groups.get(groups.size() - 1)[1] == code) {
        groups.get(groups.size() - 1)[0]++;
      } else {
        groups.add(new int[] {1, code});
      }
    }
    body.u32(groups.size());
    for (int[] g : groups) {
      body.u32(g[0]).u8(g[1]);
    }
    t.labels.add(IMPLICIT);
    t.out.u8(Opcodes.BLOCK).u8(0x40);
    t.labels.add(EXIT);
    emitRange(t, r.start, r.end, r.children);
    t.out.u8(Opcodes.END);
    t.labels.remove(t.labels.size() - 1);
    t.out.u8(Opcodes.LOCAL_GET).u32(exit);
    for (int w : r.written) {
      t.out.u8(Opcodes.LOCAL_GET).u32(map[w]);
    }
    t.out.u8(Opcodes.END);
    body.bytes(t.out);
    return body.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------

  private void emitRange(Target t, int from, int to, List<Region> regions) {
    int next = 0;
    for (int i = from; i < to; i++) {
      if (next < regions.size() && regions.get(next).start == i) {
        Region r = regions.get(next++);
        callRegion(t, r);
        i = r.end - 1;
        continue;
      }
      charge(t, fa.chargeBefore[i]);
      instruction(t, i);
      canonicalize(t, fa.canonAfter[i]);
    }
  }

  private void instruction(Target t, int i) {
    WasmWriter o = t.out;
    int op = fa.op[i];
    switch (op) {
      case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
        fa.copyInstruction(i, o);
        t.labels.add(i);
      }
      case Opcodes.END -> {
        fa.copyInstruction(i, o);
        t.labels.remove(t.labels.size() - 1);
      }
      case Opcodes.BR -> branch(t, fa.labelOf[i]);
      case Opcodes.RETURN -> branch(t, FunctionAnalysis.FUNCTION_LABEL);
      case Opcodes.BR_IF -> branchIf(t, fa.labelOf[i]);
      case Opcodes.BR_TABLE -> branchTable(t, fa.tableLabels[i]);
      case Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE ->
          o.u8(op).u32(t.local((int) fa.a[i]));
      default -> fa.copyInstruction(i, o);
    }
  }

  /** An unconditional branch to {@code label}, its value (if any) on the stack. */
  private void branch(Target t, int label) {
    int rel = t.relative(label);
    if (rel >= 0) {
      t.out.u8(Opcodes.BR).u32(rel);
      return;
    }
    ValueType carried = labelType(label);
    if (carried != null) {
      t.out.u8(Opcodes.LOCAL_SET).u32(t.local(carryLocal(carried)));
    }
    exitWith(t, label);
  }

  private void exitWith(Target t, int label) {
    int code = t.region.escapes.indexOf(label) + 1;
    if (code <= 0) {
      throw new IllegalStateException("unplanned escape to label " + label);
    }
    t.out.u8(Opcodes.I32_CONST).s64(code);
    t.out.u8(Opcodes.LOCAL_SET).u32(t.exitLocal);
    t.out.u8(Opcodes.BR).u32(t.relative(EXIT));
  }

  private void branchIf(Target t, int label) {
    int rel = t.relative(label);
    if (rel >= 0) {
      t.out.u8(Opcodes.BR_IF).u32(rel);
      return;
    }
    WasmWriter o = t.out;
    ValueType carried = labelType(label);
    if (carried != null) {
      // [v, cond] → keep v for the fall-through, copy it to the carry local
      o.u8(Opcodes.LOCAL_SET).u32(t.condLocal);
      o.u8(Opcodes.LOCAL_TEE).u32(t.local(carryLocal(carried)));
      o.u8(Opcodes.LOCAL_GET).u32(t.condLocal);
    }
    o.u8(Opcodes.IF).u8(0x40);
    t.labels.add(SYNTHETIC);
    exitWith(t, label);
    o.u8(Opcodes.END);
    t.labels.remove(t.labels.size() - 1);
  }

  private void branchTable(Target t, int[] labels) {
    List<Integer> escaping = new ArrayList<>();
    for (int label : labels) {
      if (t.relative(label) < 0 && !escaping.contains(label)) {
        escaping.add(label);
      }
    }
    WasmWriter o = t.out;
    ValueType carried = labelType(labels[labels.length - 1]);
    if (escaping.isEmpty()) {
      o.u8(Opcodes.BR_TABLE).u32(labels.length - 1);
      for (int label : labels) {
        o.u32(t.relative(label));
      }
      return;
    }
    // The landing blocks take no params: park the index (and a carried value) in locals.
    o.u8(Opcodes.LOCAL_SET).u32(t.condLocal);
    if (carried != null) {
      o.u8(Opcodes.LOCAL_SET).u32(t.local(carryLocal(carried)));
    }
    // one landing block per escaping label, innermost first
    for (int k = escaping.size() - 1; k >= 0; k--) {
      o.u8(Opcodes.BLOCK);
      blockType(o, carried);
      t.labels.add(-1000 - k);
    }
    if (carried != null) {
      o.u8(Opcodes.LOCAL_GET).u32(t.local(carryLocal(carried)));
    }
    o.u8(Opcodes.LOCAL_GET).u32(t.condLocal);
    o.u8(Opcodes.BR_TABLE).u32(labels.length - 1);
    for (int label : labels) {
      int rel = t.relative(label);
      if (rel < 0) {
        rel = t.relative(-1000 - escaping.indexOf(label));
      }
      o.u32(rel);
    }
    for (int k = 0; k < escaping.size(); k++) {
      o.u8(Opcodes.END);
      t.labels.remove(t.labels.size() - 1);
      if (carried != null) {
        o.u8(Opcodes.LOCAL_SET).u32(t.local(carryLocal(carried)));
      }
      exitWith(t, escaping.get(k));
    }
  }

  /** Calls the function of region {@code r} and re-issues its escaping branches. */
  private void callRegion(Target t, Region r) {
    WasmWriter o = t.out;
    for (int p : r.params) {
      o.u8(Opcodes.LOCAL_GET).u32(t.local(p));
    }
    o.u8(Opcodes.CALL).u32(r.functionIndex);
    for (int k = r.written.length - 1; k >= 0; k--) {
      o.u8(Opcodes.LOCAL_SET).u32(t.local(r.written[k]));
    }
    o.u8(Opcodes.LOCAL_SET).u32(t.subExitLocal);
    for (int k = 0; k < r.escapes.size(); k++) {
      int label = r.escapes.get(k);
      o.u8(Opcodes.LOCAL_GET).u32(t.subExitLocal);
      o.u8(Opcodes.I32_CONST).s64(k + 1);
      o.u8(0x46); // i32.eq
      o.u8(Opcodes.IF).u8(0x40);
      t.labels.add(SYNTHETIC);
      ValueType carried = labelType(label);
      if (carried != null) {
        o.u8(Opcodes.LOCAL_GET).u32(t.local(carryLocal(carried)));
      }
      branch(t, label);
      o.u8(Opcodes.END);
      t.labels.remove(t.labels.size() - 1);
    }
    if (r.endsUnreachable) {
      o.u8(Opcodes.UNREACHABLE);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void charge(Target t, long cost) {
    if (cost <= 0) {
      return;
    }
    WasmWriter o = t.out;
    if (helperMode) {
      o.u8(Opcodes.I64_CONST).s64(cost);
      o.u8(Opcodes.CALL).u32(layout.chargeFunction);
      return;
    }
    writeInlineCharge(o, layout, cost, -1);
  }

  /**
   * The 12-instruction check of cosmwasm-vm's {@code gas_check_wasm_code} for a constant cost, or
   * (with {@code costLocal >= 0}) for the cost in that local (the charge helper).
   */
  static void writeInlineCharge(WasmWriter o, ModuleLayout layout, long cost, int costLocal) {
    o.u8(Opcodes.GLOBAL_GET).u32(layout.remainingGlobal);
    costOperand(o, cost, costLocal);
    o.u8(0x54); // i64.lt_u
    o.u8(Opcodes.IF).u8(0x40);
    o.u8(Opcodes.I32_CONST).s64(1);
    o.u8(Opcodes.GLOBAL_SET).u32(layout.exhaustedGlobal);
    o.u8(Opcodes.UNREACHABLE);
    o.u8(Opcodes.END);
    o.u8(Opcodes.GLOBAL_GET).u32(layout.remainingGlobal);
    costOperand(o, cost, costLocal);
    o.u8(0x7D); // i64.sub
    o.u8(Opcodes.GLOBAL_SET).u32(layout.remainingGlobal);
  }

  private static void costOperand(WasmWriter o, long cost, int costLocal) {
    if (costLocal >= 0) {
      o.u8(Opcodes.LOCAL_GET).u32(costLocal);
    } else {
      o.u8(Opcodes.I64_CONST).s64(cost);
    }
  }

  private void canonicalize(Target t, byte kind) {
    if (kind == FunctionAnalysis.CANON_NONE) {
      return;
    }
    WasmWriter o = t.out;
    boolean f32 = kind == FunctionAnalysis.CANON_F32;
    if (helperMode) {
      o.u8(Opcodes.CALL).u32(f32 ? layout.canonF32Function : layout.canonF64Function);
      return;
    }
    writeInlineCanon(o, f32, f32 ? t.canonF32 : t.canonF64);
  }

  /** {@code t == t ? t : canonical NaN} with scratch local {@code scratch}. */
  static void writeInlineCanon(WasmWriter o, boolean f32, int scratch) {
    o.u8(Opcodes.LOCAL_TEE).u32(scratch);
    if (f32) {
      o.u8(Opcodes.F32_CONST).f32bits(0x7FC00000);
    } else {
      o.u8(Opcodes.F64_CONST).f64bits(0x7FF8000000000000L);
    }
    o.u8(Opcodes.LOCAL_GET).u32(scratch);
    o.u8(Opcodes.LOCAL_GET).u32(scratch);
    o.u8(f32 ? 0x5B : 0x61); // f32.eq / f64.eq
    o.u8(Opcodes.SELECT);
  }
}
