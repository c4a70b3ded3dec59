package io.wasm08.wasm.vm;

import io.wasm08.common.ErrorCode;

/**
 * The variants of cosmwasm-vm's {@code VmError} ({@code packages/vm/src/errors/vm_error.rs}) with
 * their Display prefixes. The codes are ours (codespace {@code cosmwasm-vm}); the texts are
 * upstream's, because ibc-go wraps them into tx errors that become consensus data.
 */
public enum VmErrorKind implements ErrorCode {
  ABORTED(1, "Aborted: "),
  BACKEND_ERR(2, "Error calling into the VM's backend: "),
  CACHE_ERR(3, "Cache error: "),
  COMMUNICATION_ERR(4, "Error in guest/host communication: "),
  COMPILE_ERR(5, "Error compiling Wasm: "),
  CRYPTO_ERR(6, "Crypto error: "),
  GAS_DEPLETION(7, "Ran out of gas during contract execution"),
  GENERIC_ERR(8, "Generic error: "),
  INSTANTIATION_ERR(9, "Error instantiating a Wasm module: "),
  INTEGRITY_ERR(10, "Hash doesn't match stored data"),
  /** Display "Error parsing into type {t}: {msg}"; the detail carries "{t}: {msg}". */
  PARSE_ERR(11, "Error parsing into type "),
  /** Display "Data too long for deserialization. Got: {n} bytes; limit: {m} bytes". */
  DESERIALIZATION_LIMIT_EXCEEDED(12, "Data too long for deserialization. "),
  RESOLVE_ERR(13, "Error resolving Wasm function: "),
  RUNTIME_ERR(14, "Error executing Wasm: "),
  STATIC_VALIDATION_ERR(15, "Error during static Wasm validation: "),
  UNINITIALIZED_CONTEXT_DATA(16, "Uninitialized Context Data: "),
  WRITE_ACCESS_DENIED(17, "Must not call a writing storage function in this context."),
  MAX_CALL_DEPTH_EXCEEDED(18, "Maximum call depth exceeded."),
  FUNCTION_ARITY_MISMATCH(
      19, "The called function args arity does not match. The contract's method arity: "),
  RESULT_MISMATCH(20, "Unexpected number of result values when calling "),
  /** Display "Couldn't convert from {from} to {to}. Input: {input}". */
  CONVERSION_ERR(21, "Couldn't convert from ");

  private final int code;
  private final String prefix;

  VmErrorKind(int code, String prefix) {
    this.code = code;
    this.prefix = prefix;
  }

  @Override
  public String codespace() {
    return "cosmwasm-vm";
  }

  @Override
  public int code() {
    return code;
  }

  /** The Display text without detail (the prefix, or the whole text for fixed messages). */
  @Override
  public String message() {
    return prefix.endsWith(": ") ? prefix.substring(0, prefix.length() - 2) : prefix.strip();
  }

  /** Upstream's Display text for this variant with {@code detail} (ignored by fixed texts). */
  public String display(String detail) {
    boolean takesDetail = prefix.endsWith(" ");
    return takesDetail && detail != null ? prefix + detail : prefix;
  }
}
