package io.wasm08.wasm.vm.chicory;

/**
 * The 12-byte descriptor crossing the guest/host boundary (cosmwasm-vm {@code Region}): three
 * little-endian {@code u32}, held here as unsigned values in longs.
 */
record Region(long offset, long capacity, long length) {
  static final int SIZE = 12;
  private static final long U32_MAX = 0xFFFF_FFFFL;

  /** Upstream's {@code validate_region}, in its order. */
  void validate() {
    if (offset == 0) {
      throw VmErrors.invalidRegion("Got a zero Wasm address in the offset");
    }
    if (length > capacity) {
      throw VmErrors.invalidRegion(
          "Region length exceeds capacity. Length " + length + ", capacity " + capacity);
    }
    if (capacity > U32_MAX - offset) {
      throw VmErrors.invalidRegion(
          "Region exceeds address space. Offset " + offset + ", capacity " + capacity);
    }
  }

  /** Rust's {@code Debug} rendering, which appears in region access errors. */
  @Override
  public String toString() {
    return "Region { offset: " + offset + ", capacity: " + capacity + ", length: " + length + " }";
  }
}
