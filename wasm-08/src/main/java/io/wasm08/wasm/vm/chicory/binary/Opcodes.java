package io.wasm08.wasm.vm.chicory.binary;

import java.util.HashMap;
import java.util.Map;

/**
 * The instruction set as wasmparser 0.216 (wasmer 5.0.6, cosmwasm-vm 3.0.9) names and groups it.
 * Opcodes are ints: a single byte {@code b} is {@code b}; a prefixed one is {@code prefix << 16 |
 * sub}. Every instruction allowed in CosmWasm code (MVP, sign-extension, saturating conversions)
 * and every reference-types / bulk-memory instruction is fully decodable; instructions of the other
 * proposals are recognised (name, proposal) but not decoded, because validation stops at them.
 */
public final class Opcodes {
  /** Proposal groups, as wasmparser's {@code for_each_operator!} tags them. */
  public enum Proposal {
    MVP("mvp"),
    SIGN_EXTENSION("sign extension operations"),
    SATURATING_FLOAT_TO_INT("saturating float to int conversions"),
    REFERENCE_TYPES("reference types"),
    BULK_MEMORY("bulk memory"),
    SIMD("SIMD"),
    RELAXED_SIMD("relaxed SIMD"),
    THREADS("threads"),
    EXCEPTIONS("exceptions"),
    LEGACY_EXCEPTIONS("legacy exceptions"),
    TAIL_CALL("tail calls"),
    FUNCTION_REFERENCES("function references"),
    GC("gc"),
    MEMORY_CONTROL("memory control"),
    SHARED_EVERYTHING_THREADS("shared-everything-threads");

    private final String description;

    Proposal(String description) {
      this.description = description;
    }

    /** wasmparser's {@code validate_proposal!(desc …)} text. */
    public String description() {
      return description;
    }
  }

  /** Immediate layouts. {@code UNDECODED} instructions end decoding. */
  public enum Imm {
    NONE,
    BLOCK,
    LABEL,
    BR_TABLE,
    FUNC,
    CALL_INDIRECT,
    LOCAL,
    GLOBAL,
    TABLE,
    MEMARG,
    MEMIDX,
    I32,
    I64,
    F32,
    F64,
    HEAPTYPE,
    SELECT_T,
    TYPE,
    DATA_MEM,
    DATA,
    MEM_MEM,
    ELEM_TABLE,
    ELEM,
    TABLE_TABLE,
    UNDECODED
  }

  /**
   * @param code the opcode int
   * @param name wasmparser's {@code Operator} variant name
   * @param proposal the proposal the instruction belongs to
   * @param imm the immediate layout
   * @param sig the fixed stack signature {@code "pops:pushes"} over {@code i l f d} (i32 i64 f32
   *     f64), or null when it depends on context (control, calls, locals, select, …)
   * @param naturalAlignLog2 for memory accesses, log2 of the access size
   */
  public record Info(
      int code, String name, Proposal proposal, Imm imm, String sig, int naturalAlignLog2) {}

  private static final Info[] SINGLE = new Info[256];
  private static final Map<Integer, Info> PREFIXED = new HashMap<>();

  // Control and parametric opcodes used by the rewriters.
  public static final int UNREACHABLE = 0x00;
  public static final int NOP = 0x01;
  public static final int BLOCK = 0x02;
  public static final int LOOP = 0x03;
  public static final int IF = 0x04;
  public static final int ELSE = 0x05;
  public static final int END = 0x0B;
  public static final int BR = 0x0C;
  public static final int BR_IF = 0x0D;
  public static final int BR_TABLE = 0x0E;
  public static final int RETURN = 0x0F;
  public static final int CALL = 0x10;
  public static final int CALL_INDIRECT = 0x11;
  public static final int DROP = 0x1A;
  public static final int SELECT = 0x1B;
  public static final int SELECT_T = 0x1C;
  public static final int LOCAL_GET = 0x20;
  public static final int LOCAL_SET = 0x21;
  public static final int LOCAL_TEE = 0x22;
  public static final int GLOBAL_GET = 0x23;
  public static final int GLOBAL_SET = 0x24;
  public static final int I32_CONST = 0x41;
  public static final int I64_CONST = 0x42;
  public static final int F32_CONST = 0x43;
  public static final int F64_CONST = 0x44;

  static {
    mvp();
    prefixed();
  }

  private Opcodes() {}

  /** The info for an opcode int, or null when unknown. */
  public static Info info(int code) {
    if (code >= 0 && code < 256) {
      return SINGLE[code];
    }
    return PREFIXED.get(code);
  }

  public static int prefixed(int prefix, int sub) {
    return prefix << 16 | sub;
  }

  /**
   * The operators after which cosmwasm-vm's metering injects a gas check ({@code
   * metering.rs::is_accounting}). Only the first ten can occur in validated CosmWasm code.
   */
  public static boolean isAccounting(int code) {
    return switch (code) {
      case LOOP, END, IF, ELSE, BR, BR_TABLE, BR_IF, CALL, CALL_INDIRECT, RETURN -> true;
      // exceptions: throw, throw_ref, rethrow, delegate, catch; tail calls; call_ref;
      // br_on_null / br_on_non_null; gc br_on_cast / br_on_cast_fail
      case 0x08, 0x0A, 0x09, 0x18, 0x07, 0x12, 0x13, 0x14, 0x15, 0xD5, 0xD6 -> true;
      default -> code == prefixed(0xFB, 24) || code == prefixed(0xFB, 25);
    };
  }

  private static void single(int code, String name, Proposal p, Imm imm, String sig) {
    SINGLE[code] = new Info(code, name, p, imm, sig, 0);
  }

  private static void mem(int code, String name, String sig, int alignLog2) {
    SINGLE[code] = new Info(code, name, Proposal.MVP, Imm.MEMARG, sig, alignLog2);
  }

  private static void num(int code, String name, String sig) {
    single(code, name, Proposal.MVP, Imm.NONE, sig);
  }

  private static void mvp() {
    Proposal m = Proposal.MVP;
    single(0x00, "Unreachable", m, Imm.NONE, null);
    single(0x01, "Nop", m, Imm.NONE, ":");
    single(0x02, "Block", m, Imm.BLOCK, null);
    single(0x03, "Loop", m, Imm.BLOCK, null);
    single(0x04, "If", m, Imm.BLOCK, null);
    single(0x05, "Else", m, Imm.NONE, null);
    single(0x06, "Try", Proposal.LEGACY_EXCEPTIONS, Imm.UNDECODED, null);
    single(0x07, "Catch", Proposal.LEGACY_EXCEPTIONS, Imm.UNDECODED, null);
    single(0x08, "Throw", Proposal.EXCEPTIONS, Imm.UNDECODED, null);
    single(0x09, "Rethrow", Proposal.LEGACY_EXCEPTIONS, Imm.UNDECODED, null);
    single(0x0A, "ThrowRef", Proposal.EXCEPTIONS, Imm.UNDECODED, null);
    single(0x0B, "End", m, Imm.NONE, null);
    single(0x0C, "Br", m, Imm.LABEL, null);
    single(0x0D, "BrIf", m, Imm.LABEL, null);
    single(0x0E, "BrTable", m, Imm.BR_TABLE, null);
    single(0x0F, "Return", m, Imm.NONE, null);
    single(0x10, "Call", m, Imm.FUNC, null);
    single(0x11, "CallIndirect", m, Imm.CALL_INDIRECT, null);
    single(0x12, "ReturnCall", Proposal.TAIL_CALL, Imm.FUNC, null);
    single(0x13, "ReturnCallIndirect", Proposal.TAIL_CALL, Imm.CALL_INDIRECT, null);
    single(0x14, "CallRef", Proposal.FUNCTION_REFERENCES, Imm.TYPE, null);
    single(0x15, "ReturnCallRef", Proposal.FUNCTION_REFERENCES, Imm.TYPE, null);
    single(0x18, "Delegate", Proposal.LEGACY_EXCEPTIONS, Imm.UNDECODED, null);
    single(0x19, "CatchAll", Proposal.LEGACY_EXCEPTIONS, Imm.UNDECODED, null);
    single(0x1A, "Drop", m, Imm.NONE, null);
    single(0x1B, "Select", m, Imm.NONE, null);
    single(0x1C, "TypedSelect", Proposal.REFERENCE_TYPES, Imm.SELECT_T, null);
    single(0x1F, "TryTable", Proposal.EXCEPTIONS, Imm.UNDECODED, null);
    single(0x20, "LocalGet", m, Imm.LOCAL, null);
    single(0x21, "LocalSet", m, Imm.LOCAL, null);
    single(0x22, "LocalTee", m, Imm.LOCAL, null);
    single(0x23, "GlobalGet", m, Imm.GLOBAL, null);
    single(0x24, "GlobalSet", m, Imm.GLOBAL, null);
    single(0x25, "TableGet", Proposal.REFERENCE_TYPES, Imm.TABLE, null);
    single(0x26, "TableSet", Proposal.REFERENCE_TYPES, Imm.TABLE, null);
    mem(0x28, "I32Load", "i:i", 2);
    mem(0x29, "I64Load", "i:l", 3);
    mem(0x2A, "F32Load", "i:f", 2);
    mem(0x2B, "F64Load", "i:d", 3);
    mem(0x2C, "I32Load8S", "i:i", 0);
    mem(0x2D, "I32Load8U", "i:i", 0);
    mem(0x2E, "I32Load16S", "i:i", 1);
    mem(0x2F, "I32Load16U", "i:i", 1);
    mem(0x30, "I64Load8S", "i:l", 0);
    mem(0x31, "I64Load8U", "i:l", 0);
    mem(0x32, "I64Load16S", "i:l", 1);
    mem(0x33, "I64Load16U", "i:l", 1);
    mem(0x34, "I64Load32S", "i:l", 2);
    mem(0x35, "I64Load32U", "i:l", 2);
    mem(0x36, "I32Store", "ii:", 2);
    mem(0x37, "I64Store", "il:", 3);
    mem(0x38, "F32Store", "if:", 2);
    mem(0x39, "F64Store", "id:", 3);
    mem(0x3A, "I32Store8", "ii:", 0);
    mem(0x3B, "I32Store16", "ii:", 1);
    mem(0x3C, "I64Store8", "il:", 0);
    mem(0x3D, "I64Store16", "il:", 1);
    mem(0x3E, "I64Store32", "il:", 2);
    single(0x3F, "MemorySize", m, Imm.MEMIDX, ":i");
    single(0x40, "MemoryGrow", m, Imm.MEMIDX, "i:i");
    single(0x41, "I32Const", m, Imm.I32, ":i");
    single(0x42, "I64Const", m, Imm.I64, ":l");
    single(0x43, "F32Const", m, Imm.F32, ":f");
    single(0x44, "F64Const", m, Imm.F64, ":d");
    String[] cmp32 = {"Eq", "Ne", "LtS", "LtU", "GtS", "GtU", "LeS", "LeU", "GeS", "GeU"};
    num(0x45, "I32Eqz", "i:i");
    for (int k = 0; k < cmp32.length; k++) {
      num(0x46 + k, "I32" + cmp32[k], "ii:i");
    }
    num(0x50, "I64Eqz", "l:i");
    for (int k = 0; k < cmp32.length; k++) {
      num(0x51 + k, "I64" + cmp32[k], "ll:i");
    }
    String[] fcmp = {"Eq", "Ne", "Lt", "Gt", "Le", "Ge"};
    for (int k = 0; k < fcmp.length; k++) {
      num(0x5B + k, "F32" + fcmp[k], "ff:i");
      num(0x61 + k, "F64" + fcmp[k], "dd:i");
    }
    String[] iun = {"Clz", "Ctz", "Popcnt"};
    String[] ibin = {
      "Add", "Sub", "Mul", "DivS", "DivU", "RemS", "RemU", "And", "Or", "Xor", "Shl", "ShrS",
      "ShrU", "Rotl", "Rotr"
    };
    for (int k = 0; k < iun.length; k++) {
      num(0x67 + k, "I32" + iun[k], "i:i");
      num(0x79 + k, "I64" + iun[k], "l:l");
    }
    for (int k = 0; k < ibin.length; k++) {
      num(0x6A + k, "I32" + ibin[k], "ii:i");
      num(0x7C + k, "I64" + ibin[k], "ll:l");
    }
    String[] fun = {"Abs", "Neg", "Ceil", "Floor", "Trunc", "Nearest", "Sqrt"};
    String[] fbin = {"Add", "Sub", "Mul", "Div", "Min", "Max", "Copysign"};
    for (int k = 0; k < fun.length; k++) {
      num(0x8B + k, "F32" + fun[k], "f:f");
      num(0x99 + k, "F64" + fun[k], "d:d");
    }
    for (int k = 0; k < fbin.length; k++) {
      num(0x92 + k, "F32" + fbin[k], "ff:f");
      num(0xA0 + k, "F64" + fbin[k], "dd:d");
    }
    num(0xA7, "I32WrapI64", "l:i");
    num(0xA8, "I32TruncF32S", "f:i");
    num(0xA9, "I32TruncF32U", "f:i");
    num(0xAA, "I32TruncF64S", "d:i");
    num(0xAB, "I32TruncF64U", "d:i");
    num(0xAC, "I64ExtendI32S", "i:l");
    num(0xAD, "I64ExtendI32U", "i:l");
    num(0xAE, "I64TruncF32S", "f:l");
    num(0xAF, "I64TruncF32U", "f:l");
    num(0xB0, "I64TruncF64S", "d:l");
    num(0xB1, "I64TruncF64U", "d:l");
    num(0xB2, "F32ConvertI32S", "i:f");
    num(0xB3, "F32ConvertI32U", "i:f");
    num(0xB4, "F32ConvertI64S", "l:f");
    num(0xB5, "F32ConvertI64U", "l:f");
    num(0xB6, "F32DemoteF64", "d:f");
    num(0xB7, "F64ConvertI32S", "i:d");
    num(0xB8, "F64ConvertI32U", "i:d");
    num(0xB9, "F64ConvertI64S", "l:d");
    num(0xBA, "F64ConvertI64U", "l:d");
    num(0xBB, "F64PromoteF32", "f:d");
    num(0xBC, "I32ReinterpretF32", "f:i");
    num(0xBD, "I64ReinterpretF64", "d:l");
    num(0xBE, "F32ReinterpretI32", "i:f");
    num(0xBF, "F64ReinterpretI64", "l:d");
    Proposal se = Proposal.SIGN_EXTENSION;
    single(0xC0, "I32Extend8S", se, Imm.NONE, "i:i");
    single(0xC1, "I32Extend16S", se, Imm.NONE, "i:i");
    single(0xC2, "I64Extend8S", se, Imm.NONE, "l:l");
    single(0xC3, "I64Extend16S", se, Imm.NONE, "l:l");
    single(0xC4, "I64Extend32S", se, Imm.NONE, "l:l");
    Proposal rt = Proposal.REFERENCE_TYPES;
    single(0xD0, "RefNull", rt, Imm.HEAPTYPE, null);
    single(0xD1, "RefIsNull", rt, Imm.NONE, null);
    single(0xD2, "RefFunc", rt, Imm.FUNC, null);
    single(0xD3, "RefEq", Proposal.GC, Imm.UNDECODED, null);
    single(0xD4, "RefAsNonNull", Proposal.FUNCTION_REFERENCES, Imm.NONE, null);
    single(0xD5, "BrOnNull", Proposal.FUNCTION_REFERENCES, Imm.LABEL, null);
    single(0xD6, "BrOnNonNull", Proposal.FUNCTION_REFERENCES, Imm.LABEL, null);
  }

  private static void fc(int sub, String name, Proposal p, Imm imm, String sig) {
    int code = prefixed(0xFC, sub);
    PREFIXED.put(code, new Info(code, name, p, imm, sig, 0));
  }

  private static void prefixed() {
    Proposal sat = Proposal.SATURATING_FLOAT_TO_INT;
    fc(0, "I32TruncSatF32S", sat, Imm.NONE, "f:i");
    fc(1, "I32TruncSatF32U", sat, Imm.NONE, "f:i");
    fc(2, "I32TruncSatF64S", sat, Imm.NONE, "d:i");
    fc(3, "I32TruncSatF64U", sat, Imm.NONE, "d:i");
    fc(4, "I64TruncSatF32S", sat, Imm.NONE, "f:l");
    fc(5, "I64TruncSatF32U", sat, Imm.NONE, "f:l");
    fc(6, "I64TruncSatF64S", sat, Imm.NONE, "d:l");
    fc(7, "I64TruncSatF64U", sat, Imm.NONE, "d:l");
    Proposal bulk = Proposal.BULK_MEMORY;
    fc(8, "MemoryInit", bulk, Imm.DATA_MEM, "iii:");
    fc(9, "DataDrop", bulk, Imm.DATA, ":");
    fc(10, "MemoryCopy", bulk, Imm.MEM_MEM, "iii:");
    fc(11, "MemoryFill", bulk, Imm.MEMIDX, "iii:");
    fc(12, "TableInit", bulk, Imm.ELEM_TABLE, "iii:");
    fc(13, "ElemDrop", bulk, Imm.ELEM, ":");
    fc(14, "TableCopy", bulk, Imm.TABLE_TABLE, "iii:");
    Proposal rt = Proposal.REFERENCE_TYPES;
    fc(15, "TableGrow", rt, Imm.TABLE, null);
    fc(16, "TableSize", rt, Imm.TABLE, ":i");
    fc(17, "TableFill", rt, Imm.TABLE, null);
    fc(18, "MemoryDiscard", Proposal.MEMORY_CONTROL, Imm.UNDECODED, null);
  }

  /**
   * The info for an opcode of a prefix this table does not list individually (SIMD, threads, GC):
   * named after the proposal, never decoded.
   */
  static Info unlistedPrefixed(int prefix, int sub) {
    Proposal p =
        switch (prefix) {
          case 0xFD -> (sub >= 0x100 && sub <= 0x113) ? Proposal.RELAXED_SIMD : Proposal.SIMD;
          case 0xFE -> Proposal.THREADS;
          case 0xFB -> Proposal.GC;
          default -> null;
        };
    if (p == null) {
      return null;
    }
    String name =
        switch (prefix) {
          case 0xFD -> "V128Op0x" + Integer.toHexString(sub);
          case 0xFE -> "AtomicOp0x" + Integer.toHexString(sub);
          default -> "GcOp0x" + Integer.toHexString(sub);
        };
    return new Info(prefixed(prefix, sub), name, p, Imm.UNDECODED, null, 0);
  }
}
