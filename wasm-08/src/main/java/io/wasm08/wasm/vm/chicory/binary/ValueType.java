package io.wasm08.wasm.vm.chicory.binary;

/** The value types a CosmWasm module can use (MVP numbers and the reference-types refs). */
public enum ValueType {
  I32(0x7F, "I32"),
  I64(0x7E, "I64"),
  F32(0x7D, "F32"),
  F64(0x7C, "F64"),
  V128(0x7B, "V128"),
  FUNCREF(0x70, "Ref(funcref)"),
  EXTERNREF(0x6F, "Ref(externref)");

  private final int code;
  private final String debugName;

  ValueType(int code, String debugName) {
    this.code = code;
    this.debugName = debugName;
  }

  /** The binary encoding byte. */
  public int code() {
    return code;
  }

  /** How wasmparser's {@code ValType} Debug prints it. */
  public String debugName() {
    return debugName;
  }

  public boolean isFloat() {
    return this == F32 || this == F64;
  }

  public boolean isRef() {
    return this == FUNCREF || this == EXTERNREF;
  }

  /** The type for an encoding byte, or null for anything else (GC refs, garbage). */
  public static ValueType fromCode(int code) {
    return switch (code) {
      case 0x7F -> I32;
      case 0x7E -> I64;
      case 0x7D -> F32;
      case 0x7C -> F64;
      case 0x7B -> V128;
      case 0x70 -> FUNCREF;
      case 0x6F -> EXTERNREF;
      default -> null;
    };
  }
}
