package io.wasm08.wasm.vm;

import io.wasm08.common.Wasm08Exception;

/**
 * A VM fault (trap, out of gas, validation/compile/link failure, backend failure): an exception,
 * unlike contract errors, which are values. The message is cosmwasm-vm's {@code VmError} Display
 * text, e.g. {@code "Ran out of gas during contract execution"} or {@code "Error executing Wasm:
 * Wasmer runtime error: RuntimeError: unreachable"}.
 */
public class VmException extends Wasm08Exception {
  private final VmErrorKind kind;

  public VmException(VmErrorKind kind, String detail, Throwable cause) {
    super(kind, detail, kind.display(detail), cause);
    this.kind = kind;
  }

  public VmException(VmErrorKind kind, String detail) {
    this(kind, detail, null);
  }

  public VmErrorKind kind() {
    return kind;
  }

  public static VmException gasDepletion() {
    return new VmException(VmErrorKind.GAS_DEPLETION, null);
  }

  public static VmException staticValidation(String msg) {
    return new VmException(VmErrorKind.STATIC_VALIDATION_ERR, msg);
  }

  public static VmException compile(String msg) {
    return new VmException(VmErrorKind.COMPILE_ERR, msg);
  }

  /** A Wasm trap or an import failure as wasmer reports it. */
  public static VmException runtime(String trapMessage) {
    return new VmException(
        VmErrorKind.RUNTIME_ERR, "Wasmer runtime error: RuntimeError: " + trapMessage);
  }
}
