package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;

/** cosmwasm-vm's {@code CommunicationError} and friends with their Display texts. */
final class VmErrors {
  private VmErrors() {}

  static VmException communication(String detail) {
    return new VmException(VmErrorKind.COMMUNICATION_ERR, detail);
  }

  static VmException invalidRegion(String detail) {
    return communication("Got an invalid region: " + detail);
  }

  static VmException derefRegion(long ptr) {
    return communication(
        "The Wasm memory address "
            + ptr
            + " provided by the contract could not be dereferenced: Could not dereference this"
            + " pointer to a Region");
  }

  static VmException regionTooSmall(long capacity, long required) {
    return communication("Region too small. Got " + capacity + ", required " + required);
  }

  static VmException regionAccess(Region region, long memorySize) {
    return communication(
        "Tried to access memory of region "
            + region
            + " in Wasm memory of size "
            + memorySize
            + " bytes. This typically happens when the given Region pointer does not point to a"
            + " proper Region struct.");
  }

  static VmException zeroAddress() {
    return communication("Got a zero Wasm address");
  }

  static VmException invalidOrder(int value) {
    return communication("Got an invalid value for iteration order: " + value);
  }

  static VmException invalidSection(String msg) {
    return communication("Got an invalid section: " + msg);
  }

  static VmException missingExport(String name) {
    return new VmException(VmErrorKind.RESOLVE_ERR, "Could not get export: Missing export " + name);
  }

  static VmException incompatibleExport() {
    return new VmException(
        VmErrorKind.RESOLVE_ERR, "Could not get export: Incompatible Export Type");
  }

  static VmException instantiation(String msg) {
    return new VmException(VmErrorKind.INSTANTIATION_ERR, msg);
  }

  /** {@code RegionLengthTooBig}, typed so db_write can restate it as a "too big" error. */
  static final class RegionLengthTooBig extends VmException {
    private final long length;
    private final long maxLength;

    RegionLengthTooBig(long length, long maxLength) {
      super(
          VmErrorKind.COMMUNICATION_ERR,
          "Region length too big. Got " + length + ", limit " + maxLength);
      this.length = length;
      this.maxLength = maxLength;
    }

    long length() {
      return length;
    }

    long maxLength() {
      return maxLength;
    }
  }
}
