package io.wasm08.wasm.vm.chicory;

/** Test modules of this package for tests of sub-packages. */
public final class TestModulesAccess {
  private TestModulesAccess() {}

  public static byte[] wat(String name) {
    return WatModules.wasm(name);
  }

  /** The minimal contract with one more function exported as {@code name}. */
  public static byte[] contractExporting(String name) {
    byte[] base = WatModules.wasm("valid_minimal");
    // valid_minimal + an export named `name` of function 0, appended to its export section
    io.wasm08.wasm.vm.chicory.binary.BinaryModule m =
        io.wasm08.wasm.vm.chicory.binary.BinaryModule.parse(base);
    var s = m.section(io.wasm08.wasm.vm.chicory.binary.BinaryModule.SECTION_EXPORT);
    var entries = new java.io.ByteArrayOutputStream();
    int count = m.exports().size() + 1;
    entries.writeBytes(TestModules.u32(count));
    // skip the old count byte (fewer than 128 exports)
    entries.write(base, s.contentStart() + 1, s.end() - s.contentStart() - 1);
    entries.writeBytes(TestModules.name(name));
    entries.write(0);
    entries.write(0);
    byte[] section = TestModules.section(7, entries.toByteArray());
    return TestModules.concat(
        java.util.Arrays.copyOf(base, s.start()),
        section,
        java.util.Arrays.copyOfRange(base, s.end(), base.length));
  }
}
