package io.wasm08.archfixtures.chicory;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Deliberately wrong: Chicory used outside io.wasm08.wasm.vm.chicory. */
public final class ImportsChicoryOutsideTheEngine {
  private ImportsChicoryOutsideTheEngine() {}

  public static WasmModule parse(byte[] wasm) {
    return Parser.parse(wasm);
  }
}
