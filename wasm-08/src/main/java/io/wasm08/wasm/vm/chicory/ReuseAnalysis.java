package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.CodeReader;
import io.wasm08.wasm.vm.chicory.binary.ExternKind;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Import;
import io.wasm08.wasm.vm.chicory.binary.Opcodes;
import io.wasm08.wasm.vm.chicory.binary.Opcodes.Proposal;
import io.wasm08.wasm.vm.chicory.binary.WasmFormatException;
import java.util.Set;

/**
 * Decides whether an instance of a module can be returned to its post-instantiation state by
 * restoring linear memory 0 and the module's own globals — the only state {@link InstancePool}
 * resets between calls.
 *
 * <p>That holds when the module imports only functions, defines exactly one memory, has no start
 * function (instantiation runs no code, so a memory snapshot taken after it is the whole story) and
 * none of its instructions can change other instance state: tables ({@code table.set/grow/fill/
 * copy/init}), segments ({@code memory.init}, {@code data.drop}, {@code elem.drop}), shared memory
 * or exception tags. Code that passed {@code check_wasm} always qualifies (cosmwasm-vm's Gatekeeper
 * rejects all of these); anything else — e.g. code stored unchecked — gets a fresh instance per
 * call, as before.
 */
final class ReuseAnalysis {
  private static final Set<Proposal> STATELESS =
      Set.of(Proposal.MVP, Proposal.SIGN_EXTENSION, Proposal.SATURATING_FLOAT_TO_INT);

  /** Reference-types and bulk-memory operators that touch nothing but the stack and memory 0. */
  private static final Set<Integer> ALSO_ALLOWED =
      Set.of(
          0x1C, // select t*
          0x25, // table.get
          0xD0, // ref.null
          0xD1, // ref.is_null
          0xD2, // ref.func
          Opcodes.prefixed(0xFC, 10), // memory.copy
          Opcodes.prefixed(0xFC, 11), // memory.fill
          Opcodes.prefixed(0xFC, 16)); // table.size

  private ReuseAnalysis() {}

  /** True when {@code prepared} (the code as instantiated) qualifies for instance reuse. */
  static boolean resettable(byte[] prepared) {
    BinaryModule module;
    try {
      module = BinaryModule.parse(prepared);
    } catch (WasmFormatException e) {
      return false;
    }
    return resettable(module);
  }

  static boolean resettable(BinaryModule module) {
    for (Import imp : module.imports()) {
      if (imp.kind() != ExternKind.FUNC) {
        return false;
      }
    }
    if (module.memories().size() != 1 || module.memories().get(0).shared()) {
      return false;
    }
    if (module.startFunction() != null) {
      return false;
    }
    try {
      for (FunctionBody body : module.bodies()) {
        CodeReader code = new CodeReader(module.bytes(), body.codeStart(), body.end());
        while (code.hasNext()) {
          code.next();
          if (code.stuck()
              || !(STATELESS.contains(code.info.proposal()) || ALSO_ALLOWED.contains(code.op))) {
            return false;
          }
        }
      }
    } catch (WasmFormatException e) {
      return false;
    }
    return true;
  }
}
