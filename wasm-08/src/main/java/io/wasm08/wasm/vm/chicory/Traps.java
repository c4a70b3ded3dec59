package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.ChicoryException;

/**
 * Chicory's trap texts mapped to wasmer's {@code TrapCode} Display texts, which cosmwasm-vm puts
 * into {@code "Wasmer runtime error: RuntimeError: <trap>"} and which thereby become consensus data
 * (chicory.md §3.6, cosmwasm-vm.md §10).
 */
final class Traps {
  private Traps() {}

  static String wasmerMessage(ChicoryException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof TrapException && message.startsWith("Trapped on unreachable")) {
      return "unreachable";
    }
    if (message.startsWith("out of bounds memory access")) {
      return "out of bounds memory access";
    }
    if (message.startsWith("undefined element") || message.equals("out of bounds table access")) {
      return "undefined element: out of bounds table access";
    }
    if (message.startsWith("uninitialized element")) {
      return "uninitialized element";
    }
    // "integer divide by zero", "integer overflow", "invalid conversion to integer" and
    // "indirect call type mismatch" are worded as in wasmer already.
    return message;
  }

  /** A JVM stack overflow: non-deterministic, so never a contract result (chicory.md §6.2). */
  static boolean isJvmStackOverflow(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }
}
