package io.wasm08.wasm.vm.chicory.binary;

import java.util.List;

/** A function type of the type section. */
public record FuncType(List<ValueType> params, List<ValueType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  public static FuncType of(List<ValueType> params, List<ValueType> results) {
    return new FuncType(params, results);
  }
}
