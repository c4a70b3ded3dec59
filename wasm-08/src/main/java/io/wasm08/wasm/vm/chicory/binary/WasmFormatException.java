package io.wasm08.wasm.vm.chicory.binary;

/**
 * A malformed or invalid module, reported like wasmparser's {@code BinaryReaderError}: {@code
 * "<reason> (at offset 0x<hex>)"} (cosmwasm-vm puts that text into "Wasm bytecode could not be
 * deserialized. Deserialization error: \"…\"").
 */
public final class WasmFormatException extends RuntimeException {
  private final String reason;
  private final int offset;

  public WasmFormatException(String reason, int offset) {
    super(reason + " (at offset 0x" + Integer.toHexString(offset) + ")");
    this.reason = reason;
    this.offset = offset;
  }

  public String reason() {
    return reason;
  }

  public int offset() {
    return offset;
  }
}
