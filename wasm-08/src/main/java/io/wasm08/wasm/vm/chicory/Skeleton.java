package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Section;
import io.wasm08.wasm.vm.chicory.binary.WasmWriter;
import java.util.Set;

/**
 * The skeleton of a compiled module (see {@link CompiledArtifact}): the same module with every
 * compiled function's body replaced by {@code unreachable} and custom sections dropped.
 *
 * <p>Chicory's {@code Instance} needs a {@code WasmModule} for types, imports, exports, globals,
 * tables, elements and data; the generated classes never read function bodies, except those of
 * functions left to the interpreter, which keep theirs. Parsing a skeleton takes milliseconds where
 * the full instrumented module takes hundreds (ics07: ~2 MB of code), and the parsed form holds a
 * fraction of the heap. Should anything ever run a stubbed body it traps instead of misbehaving.
 */
final class Skeleton {
  /** Body of a stubbed function: no locals, {@code unreachable}, {@code end}. */
  private static final byte[] STUB = {3, 0, 0x00, 0x0B};

  private Skeleton() {}

  /**
   * @param prepared the module as compiled (instrumented)
   * @param interpretedFunctions functions (function index space) whose code is kept
   */
  static byte[] of(byte[] prepared, Set<Integer> interpretedFunctions) {
    BinaryModule module = BinaryModule.parse(prepared);
    int imported = module.importedFunctionCount();
    WasmWriter out = new WasmWriter(prepared.length / 4);
    out.bytes(prepared, 0, 8);
    for (Section section : module.sections()) {
      if (section.id() == BinaryModule.SECTION_CUSTOM) {
        continue;
      }
      if (section.id() != BinaryModule.SECTION_CODE) {
        out.bytes(prepared, section.start(), section.end());
        continue;
      }
      WasmWriter code = new WasmWriter();
      code.u32(module.bodies().size());
      for (FunctionBody body : module.bodies()) {
        if (interpretedFunctions.contains(imported + body.definedIndex())) {
          code.bytes(prepared, body.sizeStart(), body.end());
        } else {
          code.bytes(STUB);
        }
      }
      out.section(BinaryModule.SECTION_CODE, code);
    }
    return out.toByteArray();
  }
}
