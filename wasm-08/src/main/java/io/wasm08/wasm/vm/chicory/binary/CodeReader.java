package io.wasm08.wasm.vm.chicory.binary;

import io.wasm08.wasm.vm.chicory.binary.Opcodes.Imm;
import io.wasm08.wasm.vm.chicory.binary.Opcodes.Info;

/**
 * Decodes the instructions of a function body (or a constant expression) one at a time, keeping
 * their absolute offsets. After {@link #next()} the fields describe the instruction just read.
 * Instructions of proposals this decoder does not decode ({@link Imm#UNDECODED}) are returned with
 * their info, after which {@link #stuck()} is true and decoding cannot continue.
 */
public final class CodeReader {
  /** Block type: empty ({@code 0x40}). */
  public static final long BLOCK_EMPTY = -64;

  private final ByteReader in;
  private boolean stuck;

  /** Offset of the instruction's first byte. */
  public int offset;

  /** Offset one past the instruction's last byte. */
  public int end;

  /** The opcode int (see {@link Opcodes}). */
  public int op;

  /** The opcode's info. */
  public Info info;

  /**
   * First immediate: label depth, function/type/local/global/table/data/elem index, memarg
   * alignment flags, constant value (f32/f64 as raw bits), block type (s33, see {@link
   * #BLOCK_EMPTY}; value types are their negative s7 codes), heap type byte.
   */
  public long a;

  /** Second immediate: table index of call_indirect, memarg offset, second index. */
  public long b;

  /** br_table targets, the default last. */
  public int[] targets;

  public CodeReader(byte[] bytes, int start, int end) {
    this.in = new ByteReader(bytes, start, end);
  }

  public boolean hasNext() {
    return !stuck && !in.eof();
  }

  public boolean stuck() {
    return stuck;
  }

  public int pos() {
    return in.pos();
  }

  public void next() {
    offset = in.pos();
    a = 0;
    b = 0;
    targets = null;
    int first = in.u8();
    if (first >= 0xFB && first <= 0xFE) {
      long sub = in.varU32();
      op = Opcodes.prefixed(first, (int) Math.min(sub, 0xFFFF));
      info = Opcodes.info(op);
      if (info == null && first != 0xFC && sub <= 0xFFFF) {
        info = Opcodes.unlistedPrefixed(first, (int) sub);
      }
      if (info == null) {
        throw new WasmFormatException(
            String.format("unknown 0x%x subopcode: 0x%x", first, sub), offset);
      }
    } else {
      op = first;
      info = Opcodes.info(op);
      if (info == null) {
        throw new WasmFormatException(String.format("illegal opcode: 0x%x", first), offset);
      }
    }
    immediates(info.imm());
    end = in.pos();
  }

  private void immediates(Imm imm) {
    switch (imm) {
      case NONE -> {}
      case BLOCK -> a = in.varS33();
      case LABEL, FUNC, LOCAL, GLOBAL, TABLE, TYPE, DATA, ELEM, MEMIDX -> a = in.varU32();
      case BR_TABLE -> {
        int at = in.pos();
        long count = in.varU32();
        if (count > 128 * 1024) {
          throw new WasmFormatException("br_table size is out of bounds", at);
        }
        if (count > in.remaining()) {
          throw new WasmFormatException("unexpected end-of-file", in.end());
        }
        int n = (int) count;
        targets = new int[n + 1];
        for (int k = 0; k <= n; k++) {
          targets[k] = in.varU32AsInt("label index");
        }
      }
      case CALL_INDIRECT -> {
        a = in.varU32();
        b = in.varU32();
      }
      case MEMARG -> {
        int at = in.pos();
        long flags = in.varU32();
        long memory = 0;
        if ((flags & 0x40) != 0) {
          flags ^= 0x40;
          memory = in.varU32();
        }
        if (flags >= 64) {
          throw new WasmFormatException("malformed memop alignment: alignment too large", at);
        }
        if (memory != 0) {
          throw new WasmFormatException("multi-memory support is not enabled", offset);
        }
        a = flags;
        b = in.varU32();
      }
      case I32 -> a = in.varS32();
      case I64 -> a = in.varS64();
      case F32 -> a = in.f32bits() & 0xFFFFFFFFL;
      case F64 -> a = in.f64bits();
      case HEAPTYPE -> a = in.varS33();
      case SELECT_T -> {
        int at = in.pos();
        long count = in.varU32();
        if (count != 1) {
          throw new WasmFormatException("invalid result arity", at);
        }
        int code = in.u8();
        if (ValueType.fromCode(code) == null) {
          throw new WasmFormatException("invalid value type", at + 1);
        }
        a = code;
      }
      case DATA_MEM, ELEM_TABLE, MEM_MEM, TABLE_TABLE -> {
        a = in.varU32();
        b = in.varU32();
      }
      case UNDECODED -> stuck = true;
    }
  }

  /** The block type's value type code if it is a single value type, else null. */
  public static ValueType blockValueType(long blockType) {
    if (blockType >= 0 || blockType == BLOCK_EMPTY) {
      return null;
    }
    return ValueType.fromCode((int) (blockType & 0x7F));
  }
}
