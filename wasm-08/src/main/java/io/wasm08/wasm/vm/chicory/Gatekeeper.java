package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.CodeReader;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.Opcodes;
import io.wasm08.wasm.vm.chicory.binary.Opcodes.Proposal;
import io.wasm08.wasm.vm.chicory.binary.ValueType;
import io.wasm08.wasm.vm.chicory.binary.WasmFormatException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The instruction-level feature rules of cosmwasm-vm 3.0.9, in the three places they apply:
 *
 * <ol>
 *   <li>static validation: wasmparser with {@code MUTABLE_GLOBAL | SATURATING_FLOAT_TO_INT |
 *       SIGN_EXTENSION | MULTI_VALUE | FLOATS | REFERENCE_TYPES} rejects every other proposal's
 *       instruction with "{desc} support is not enabled";
 *   <li>compilation, validation by wasmer 5.0.6 with Singlepass's features (wasmer's defaults minus
 *       multi-value): multi-value block types and the proposals wasmer does not enable fail with
 *       "Validation error: …";
 *   <li>compilation, the {@code Gatekeeper} middleware ({@code wasm_backend/gatekeeper.rs}): floats
 *       are allowed; reference-types, tail-call, function-references, bulk-memory, SIMD, threads,
 *       exceptions, GC and memory-control operators are rejected.
 * </ol>
 *
 * Operator texts follow wasmparser's {@code Debug} for the proposals a stored contract can reach
 * the Gatekeeper with (reference types, bulk memory); SIMD/threads/GC operators are named
 * approximately.
 */
public final class Gatekeeper {
  /** What cosmwasm-vm's {@code ParsedWasm} validator enables. */
  private static final Set<Proposal> STATIC_VALIDATION_ENABLED =
      EnumSet.of(
          Proposal.MVP,
          Proposal.SIGN_EXTENSION,
          Proposal.SATURATING_FLOAT_TO_INT,
          Proposal.REFERENCE_TYPES);

  /** What wasmer 5.0.6's default {@code Features} enable (its compile-time validation). */
  private static final Set<Proposal> WASMER_VALIDATION_ENABLED =
      EnumSet.of(
          Proposal.MVP,
          Proposal.SIGN_EXTENSION,
          Proposal.SATURATING_FLOAT_TO_INT,
          Proposal.REFERENCE_TYPES,
          Proposal.BULK_MEMORY,
          Proposal.SIMD,
          Proposal.THREADS);

  private Gatekeeper() {}

  /** A rule violation at a byte offset. */
  record Violation(String message, int offset) {}

  /** The first violation of each stage, in module order. */
  record Scan(Violation staticValidation, Violation compileValidation, String gatekeeper) {}

  /** Scans every function body once. Malformed code throws {@link WasmFormatException}. */
  static Scan scan(BinaryModule module) {
    Violation staticValidation = null;
    Violation compileValidation = null;
    String gatekeeper = null;
    for (int k = 0; k < module.types().size(); k++) {
      if (module.types().get(k).results().size() > 1) {
        compileValidation =
            new Violation(
                "func type returns multiple values but the multi-value feature is not enabled",
                module.typeOffset(k));
        break;
      }
    }
    for (FunctionBody body : module.bodies()) {
      CodeReader code = new CodeReader(module.bytes(), body.codeStart(), body.end());
      while (code.hasNext()) {
        code.next();
        Proposal p = code.info.proposal();
        if (!STATIC_VALIDATION_ENABLED.contains(p) && staticValidation == null) {
          staticValidation =
              new Violation(p.description() + " support is not enabled", code.offset);
        }
        if (compileValidation == null) {
          if (!WASMER_VALIDATION_ENABLED.contains(p)) {
            compileValidation =
                new Violation(p.description() + " support is not enabled", code.offset);
          } else if (isBlock(code.op) && code.a >= 0) {
            compileValidation =
                new Violation(
                    "blocks, loops, and ifs may only produce a resulttype when multi-value is not"
                        + " enabled",
                    code.offset);
          }
        }
        if (gatekeeper == null
            && p != Proposal.MVP
            && p != Proposal.SIGN_EXTENSION
            && p != Proposal.SATURATING_FLOAT_TO_INT) {
          gatekeeper = message(p, debug(code));
        }
        if (code.stuck()) {
          // Later instructions cannot be decoded; every stage has its first violation already.
          return new Scan(staticValidation, compileValidation, gatekeeper);
        }
      }
    }
    return new Scan(staticValidation, compileValidation, gatekeeper);
  }

  /**
   * The compile-time checks (wasmer's validation and the Gatekeeper) for a module that passed or
   * skipped static validation; throws {@code VmException(COMPILE_ERR)} with upstream's text.
   */
  public static void checkCompilable(BinaryModule module) {
    throwCompileErrors(scan(module));
  }

  static void throwCompileErrors(Scan scan) {
    if (scan.compileValidation() != null) {
      Violation v = scan.compileValidation();
      throw VmException.compile(
          "Could not compile: Validation error: "
              + new WasmFormatException(v.message(), v.offset()).getMessage());
    }
    if (scan.gatekeeper() != null) {
      throw VmException.compile(
          "Could not compile: WebAssembly translation error: Error in middleware Gatekeeper: "
              + scan.gatekeeper());
    }
  }

  private static boolean isBlock(int op) {
    return op == Opcodes.BLOCK || op == Opcodes.LOOP || op == Opcodes.IF;
  }

  private static String message(Proposal p, String op) {
    return switch (p) {
      case REFERENCE_TYPES, TAIL_CALL, FUNCTION_REFERENCES ->
          "Reference type operation detected: " + op + ". Reference types are not supported.";
      case BULK_MEMORY ->
          "Bulk memory operation detected: " + op + ". Bulk memory operations are not supported.";
      case SIMD -> "SIMD operator detected: " + op + ". The Wasm SIMD extension is not supported.";
      case RELAXED_SIMD ->
          "Relaxed SIMD operator detected: "
              + op
              + ". The Wasm Relaxed SIMD extension is not supported.";
      case THREADS ->
          "Threads operator detected: " + op + ". The Wasm Threads extension is not supported.";
      case SHARED_EVERYTHING_THREADS ->
          "Shared-Everything threads operator detected: "
              + op
              + ". The Wasm Shared-Everything Threads extension is not supported.";
      case EXCEPTIONS, LEGACY_EXCEPTIONS ->
          "Exception handling operation detected: " + op + ". Exception handling is not supported.";
      case GC -> "GC operation detected: " + op + ". GC Proposal is not supported.";
      case MEMORY_CONTROL ->
          "Memory control operation detected: " + op + ". Memory control is not supported.";
      case MVP, SIGN_EXTENSION, SATURATING_FLOAT_TO_INT ->
          throw new IllegalArgumentException("allowed proposal " + p);
    };
  }

  /** wasmparser's {@code Debug} of the operator just decoded. */
  static String debug(CodeReader c) {
    String name = c.info.name();
    return switch (c.info.imm()) {
      case NONE, UNDECODED -> name;
      case TABLE -> name + " { table: " + c.a + " }";
      case FUNC -> name + " { function_index: " + c.a + " }";
      case TYPE -> name + " { type_index: " + c.a + " }";
      case LABEL -> name + " { relative_depth: " + c.a + " }";
      case CALL_INDIRECT -> name + " { type_index: " + c.a + ", table_index: " + c.b + " }";
      case SELECT_T -> name + " { ty: " + ValueType.fromCode((int) c.a).debugName() + " }";
      case HEAPTYPE -> name + " { hty: " + heapType(c.a) + " }";
      case DATA_MEM -> name + " { data_index: " + c.a + ", mem: " + c.b + " }";
      case DATA -> name + " { data_index: " + c.a + " }";
      case MEM_MEM -> name + " { dst_mem: " + c.a + ", src_mem: " + c.b + " }";
      case MEMIDX -> name + " { mem: " + c.a + " }";
      case ELEM_TABLE -> name + " { elem_index: " + c.a + ", table: " + c.b + " }";
      case ELEM -> name + " { elem_index: " + c.a + " }";
      case TABLE_TABLE -> name + " { dst_table: " + c.a + ", src_table: " + c.b + " }";
      default -> name + " { .. }";
    };
  }

  private static String heapType(long s33) {
    if (s33 >= 0) {
      return "Concrete(Module(" + s33 + "))";
    }
    String ty =
        switch ((int) (s33 & 0x7F)) {
          case 0x70 -> "Func";
          case 0x6F -> "Extern";
          case 0x6E -> "Any";
          case 0x71 -> "None";
          case 0x72 -> "NoExtern";
          case 0x73 -> "NoFunc";
          case 0x6D -> "Eq";
          case 0x6B -> "Struct";
          case 0x6A -> "Array";
          case 0x6C -> "I31";
          case 0x69 -> "Exn";
          case 0x74 -> "NoExn";
          default -> "Unknown";
        };
    return "Abstract { shared: false, ty: " + ty + " }";
  }
}
