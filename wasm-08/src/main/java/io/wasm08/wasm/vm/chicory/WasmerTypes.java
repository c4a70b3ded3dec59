package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chicory's value and function types as wasmer's {@code Debug} prints them ({@code Type}: {@code
 * I32 … FuncRef, ExternRef}), for error texts that must match cosmwasm-vm's. wasmparser's spelling,
 * used by the static checker, is {@link io.wasm08.wasm.vm.chicory.binary.ValueType#debugName}.
 */
final class WasmerTypes {
  private WasmerTypes() {}

  /** {@code [I32, I64]}. */
  static String debug(List<ValType> types) {
    return types.stream().map(WasmerTypes::debug).collect(Collectors.joining(", ", "[", "]"));
  }

  /** {@code Function(FunctionType { params: [I32], results: [] })}, wasmer's {@code ExternType}. */
  static String debug(FunctionType type) {
    return "Function(FunctionType { params: "
        + debug(type.params())
        + ", results: "
        + debug(type.returns())
        + " })";
  }

  static String debug(ValType t) {
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
}
