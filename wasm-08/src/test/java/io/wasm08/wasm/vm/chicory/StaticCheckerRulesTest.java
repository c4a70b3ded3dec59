package io.wasm08.wasm.vm.chicory;

import static io.wasm08.wasm.vm.chicory.TestModules.bytes;
import static io.wasm08.wasm.vm.chicory.TestModules.concat;
import static io.wasm08.wasm.vm.chicory.WatModules.wasm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule of {@code check_wasm} and the compile-time Gatekeeper (reference cosmwasm-vm.md
 * §1.2, §3, §3.1), with upstream's exact texts. Offsets inside wasmparser-style messages ("(at
 * offset 0x…)") are located in the module bytes by the instruction's encoding.
 */
class StaticCheckerRulesTest {
  private static final String STATIC = "Error during static Wasm validation: ";
  private static final String DESER =
      STATIC + "Wasm bytecode could not be deserialized. Deserialization error: ";
  private static final String GATEKEEPER =
      "Error compiling Wasm: Could not compile: WebAssembly translation error: Error in middleware"
          + " Gatekeeper: ";

  private static final String AVAILABLE_IMPORTS =
      "[\"env.abort\", \"env.db_read\", \"env.db_write\", \"env.db_remove\","
          + " \"env.addr_validate\", \"env.addr_canonicalize\", \"env.addr_humanize\","
          + " \"env.bls12_381_aggregate_g1\", \"env.bls12_381_aggregate_g2\","
          + " \"env.bls12_381_pairing_equality\", \"env.bls12_381_hash_to_g1\","
          + " \"env.bls12_381_hash_to_g2\", \"env.secp256k1_verify\","
          + " \"env.secp256k1_recover_pubkey\", \"env.secp256r1_verify\","
          + " \"env.secp256r1_recover_pubkey\", \"env.ed25519_verify\","
          + " \"env.ed25519_batch_verify\", \"env.debug\", \"env.query_chain\", \"env.db_scan\","
          + " \"env.db_next\", \"env.db_next_key\", \"env.db_next_value\"]";

  private static Arguments ok(String name) {
    return Arguments.of(name, (Supplier<byte[]>) () -> wasm(name), null, null);
  }

  private static Arguments fails(String name, VmErrorKind kind, String message) {
    return Arguments.of(name, (Supplier<byte[]>) () -> wasm(name), kind, message);
  }

  /** The message names the offset of {@code pattern}'s first byte in the code section. */
  private static Arguments failsWithOffset(
      String name, VmErrorKind kind, String format, int... pattern) {
    return failsWithOffsetIn(name, 10, kind, format, pattern);
  }

  private static Arguments failsWithOffsetIn(
      String name, int sectionId, VmErrorKind kind, String format, int... pattern) {
    byte[] bytes = wasm(name);
    return Arguments.of(
        name,
        (Supplier<byte[]>) () -> bytes,
        kind,
        String.format(format, WatModules.offsetIn(bytes, sectionId, pattern)));
  }

  private static Arguments built(String label, byte[] module, VmErrorKind kind, String message) {
    return Arguments.of(label, (Supplier<byte[]>) () -> module, kind, message);
  }

  static Stream<Arguments> rules() {
    VmErrorKind s = VmErrorKind.STATIC_VALIDATION_ERR;
    VmErrorKind c = VmErrorKind.COMPILE_ERR;
    return Stream.of(
        ok("valid_minimal"),
        // tables
        fails("table_two", s, STATIC + "Wasm contract must not have more than 1 table section"),
        fails("table_unbound", s, STATIC + "Wasm contract must not have unbound table section"),
        fails(
            "table_max_too_large",
            s,
            STATIC + "Wasm contract's first table section has a too large max limit"),
        ok("table_max_at_limit"),
        // memories
        fails("memory_none", s, STATIC + "Wasm contract must contain exactly one memory"),
        fails(
            "memory_513", s, STATIC + "Wasm contract memory's minimum must not exceed 512 pages."),
        ok("memory_512"),
        fails(
            "memory_with_max",
            s,
            STATIC + "Wasm contract memory's maximum must be unset. The host will set it for you."),
        // two memories: wasmparser's check_max with max 1, at the memory section's contents
        // (wasmparser's check_max at the memory section's contents: its count byte 0x02)
        failsWithOffsetIn(
            "memory_two", 5, s, DESER + "\"multiple memories (at offset 0x%x)\"", 0x02),
        // interface version marker
        fails(
            "marker_missing",
            s,
            STATIC + "Wasm contract missing a required marker export: interface_version_*"),
        fails(
            "marker_two",
            s,
            STATIC + "Wasm contract contains more than one marker export: interface_version_*"),
        fails(
            "marker_v7",
            s,
            STATIC
                + "Wasm contract has unknown interface_version_* marker export (see"
                + " https://github.com/CosmWasm/cosmwasm/blob/main/packages/vm/README.md)"),
        fails(
            "marker_broken",
            s,
            STATIC
                + "Wasm contract has unknown interface_version_* marker export (see"
                + " https://github.com/CosmWasm/cosmwasm/blob/main/packages/vm/README.md)"),
        // required exports
        fails(
            "export_no_allocate",
            s,
            STATIC
                + "Wasm contract doesn't have required export: \"allocate\". Exports required by"
                + " VM: [\"allocate\", \"deallocate\"]."),
        fails(
            "export_no_deallocate",
            s,
            STATIC
                + "Wasm contract doesn't have required export: \"deallocate\". Exports required"
                + " by VM: [\"allocate\", \"deallocate\"]."),
        // imports
        fails(
            "import_count_101",
            s,
            STATIC + "Import count exceeds limit. Imports: 101. Limit: 100."),
        fails(
            "import_unsupported",
            s,
            STATIC
                + "Wasm contract requires unsupported import: \"env.foo\". Required imports:"
                + " {\"env.bar\", \"env.foo\", \"env.spammyspam01\", \"env.spammyspam02\","
                + " \"env.spammyspam03\", \"env.spammyspam04\", \"env.spammyspam05\","
                + " \"env.spammyspam06\", \"env.spammyspam07\", \"env.spammyspam08\", ... 2"
                + " more}. Available imports: "
                + AVAILABLE_IMPORTS
                + "."),
        fails(
            "import_non_function",
            s,
            STATIC
                + "Wasm contract requires non-function import: \"env.db_read\". Right now, all"
                + " supported imports are functions."),
        ok("import_supported"),
        // function limits
        fails(
            "func_params_101",
            s,
            STATIC + "Wasm contract contains function with more than 100 parameters"),
        fails(
            "func_results_2",
            s,
            STATIC + "Wasm contract contains function with more than 1 results"),
        fails(
            "func_locals_101",
            s,
            STATIC + "Wasm contract contains function with more than 100 locals: 101"),
        ok("func_locals_100"),
        built(
            "20001 functions",
            TestModules.contract(19_998, 0, 0),
            s,
            STATIC + "Wasm contract contains more than 20000 functions"),
        // 101 functions × 100 params + allocate's and deallocate's 1 each = 10 102
        built(
            "10 102 parameters",
            TestModules.contract(101, 100, 0),
            s,
            STATIC + "Wasm contract contains more than 10000 function parameters in total"),
        // 101 functions × 100 locals
        built(
            "10 100 locals",
            TestModules.contract(101, 0, 100),
            s,
            STATIC + "Wasm contract contains more than 10000 function locals in total: 10100"),
        // proposals disabled in cosmwasm-vm's validator: wasmparser's message at the instruction
        failsWithOffset(
            "gate_memory_copy",
            s,
            DESER + "\"bulk memory support is not enabled (at offset 0x%x)\"",
            0xFC,
            0x0A),
        failsWithOffset(
            "gate_memory_fill",
            s,
            DESER + "\"bulk memory support is not enabled (at offset 0x%x)\"",
            0xFC,
            0x0B),
        failsWithOffset(
            "gate_simd", s, DESER + "\"SIMD support is not enabled (at offset 0x%x)\"", 0xFD, 0x0C),
        failsWithOffset(
            "gate_threads",
            s,
            DESER + "\"threads support is not enabled (at offset 0x%x)\"",
            0xFE,
            0x10),
        failsWithOffset(
            "gate_tail_call",
            s,
            DESER + "\"tail calls support is not enabled (at offset 0x%x)\"",
            0x12,
            0x01),
        // a declarative element segment needs bulk memory (at the segment)
        failsWithOffsetIn(
            "elem_declared",
            9,
            s,
            DESER + "\"bulk memory must be enabled (at offset 0x%x)\"",
            0x03,
            0x00),
        // reference-types instructions pass validation and fail in the Gatekeeper
        fails(
            "gate_table_grow",
            c,
            GATEKEEPER
                + "Reference type operation detected: TableGrow { table: 0 }. Reference types are"
                + " not supported."),
        fails(
            "gate_table_fill",
            c,
            GATEKEEPER
                + "Reference type operation detected: TableFill { table: 0 }. Reference types are"
                + " not supported."),
        fails(
            "gate_table_size",
            c,
            GATEKEEPER
                + "Reference type operation detected: TableSize { table: 0 }. Reference types are"
                + " not supported."),
        fails(
            "gate_table_get",
            c,
            GATEKEEPER
                + "Reference type operation detected: TableGet { table: 0 }. Reference types are"
                + " not supported."),
        fails(
            "gate_table_set",
            c,
            GATEKEEPER
                + "Reference type operation detected: TableSet { table: 0 }. Reference types are"
                + " not supported."),
        fails(
            "gate_ref_null",
            c,
            GATEKEEPER
                + "Reference type operation detected: RefNull { hty: Abstract { shared: false, ty:"
                + " Extern } }. Reference types are not supported."),
        fails(
            "gate_ref_is_null",
            c,
            GATEKEEPER
                + "Reference type operation detected: RefIsNull. Reference types are not"
                + " supported."),
        fails(
            "gate_ref_func",
            c,
            GATEKEEPER
                + "Reference type operation detected: RefFunc { function_index: 0 }. Reference"
                + " types are not supported."),
        fails(
            "gate_typed_select",
            c,
            GATEKEEPER
                + "Reference type operation detected: TypedSelect { ty: I32 }. Reference types are"
                + " not supported."),
        // multi-value blocks validate, but Singlepass compiles without multi-value
        failsWithOffset(
            "gate_multivalue_block",
            c,
            "Error compiling Wasm: Could not compile: Validation error: blocks, loops, and ifs may"
                + " only produce a resulttype when multi-value is not enabled (at offset 0x%x)",
            0x02,
            0x02,
            0x1A),
        // allowed: floats (incl. saturating conversions) and sign extension
        ok("gate_floats_ok"),
        ok("gate_sign_ext_ok"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule(String label, Supplier<byte[]> module, VmErrorKind kind, String message) {
    byte[] wasm = module.get();
    if (message == null) {
      assertThatCode(() -> StaticChecker.checkWasm(wasm, Set.of(), WasmLimits.DEFAULT))
          .doesNotThrowAnyException();
      return;
    }
    assertThatThrownBy(() -> StaticChecker.checkWasm(wasm, Set.of(), WasmLimits.DEFAULT))
        .isInstanceOfSatisfying(VmException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void multiValueFunctionsPassValidationButNotSinglepass() {
    // With max_function_results raised, check_wasm's validator (MULTI_VALUE on) accepts a
    // function type with two results; Singlepass's wasmer validation (multi-value off) rejects it
    // at the type entry.
    byte[] w = wasm("func_results_2");
    WasmLimits limits = new WasmLimits(512, 2500, 100, 20_000, 100, 10_000, 2, 100, 10_000);
    assertThatThrownBy(() -> StaticChecker.checkWasm(w, Set.of(), limits))
        .isInstanceOfSatisfying(
            VmException.class, e -> assertThat(e.kind()).isEqualTo(VmErrorKind.COMPILE_ERR))
        .hasMessage(
            String.format(
                "Error compiling Wasm: Could not compile: Validation error: func type returns"
                    + " multiple values but the multi-value feature is not enabled (at offset"
                    + " 0x%x)",
                WatModules.offsetIn(w, 1, 0x60, 0x00, 0x02, 0x7F, 0x7F)));
  }

  static Stream<Arguments> capabilitySets() {
    // compatibility.rs::check_wasm_capabilities_fails_for_missing (capabilities are
    // case-sensitive; "requires_" alone and "require_milk"/"REQUIRES_air" require nothing).
    return Stream.of(
        Arguments.of(Set.of("water", "nutrients", "sun", "freedom"), null),
        Arguments.of(Set.of("water", "nutrients", "freedom"), "{\"sun\"}"),
        Arguments.of(Set.of("nutrients", "freedom", "Water"), "{\"sun\", \"water\"}"),
        Arguments.of(Set.of("freedom"), "{\"nutrients\", \"sun\", \"water\"}"),
        Arguments.of(Set.of(), "{\"nutrients\", \"sun\", \"water\"}"));
  }

  @ParameterizedTest
  @MethodSource("capabilitySets")
  void capabilities(Set<String> available, String missing) {
    byte[] w = wasm("capabilities");
    if (missing == null) {
      assertThat(StaticChecker.checkWasm(w, available, WasmLimits.DEFAULT).requiredCapabilities())
          .containsExactly("nutrients", "sun", "water");
    } else {
      assertThatThrownBy(() -> StaticChecker.checkWasm(w, available, WasmLimits.DEFAULT))
          .hasMessage(STATIC + "Wasm contract requires unavailable capabilities: " + missing);
    }
  }

  static Stream<Arguments> migrateVersions() {
    // parsed_wasm.rs: the custom section must be a UTF-8 decimal u64; errors are the Display of
    // Rust's Utf8Error / ParseIntError.
    return Stream.of(
        Arguments.of(ascii("42"), 42L, null),
        Arguments.of(ascii("+7"), 7L, null),
        Arguments.of(ascii("18446744073709551615"), -1L, null),
        Arguments.of(ascii("18446744073709551616"), 0L, "number too large to fit in target type"),
        Arguments.of(ascii("not a number"), 0L, "invalid digit found in string"),
        Arguments.of(ascii("-1"), 0L, "invalid digit found in string"),
        Arguments.of(ascii(""), 0L, "cannot parse integer from empty string"),
        Arguments.of(bytes('4', 0xFF), 0L, "invalid utf-8 sequence of 1 bytes from index 1"),
        Arguments.of(bytes('4', 0xE2, 0x82), 0L, "incomplete utf-8 byte sequence from index 1"));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @MethodSource("migrateVersions")
  void migrateVersion(byte[] payload, long expected, String error) {
    byte[] module =
        TestModules.contract(0, 0, 0, TestModules.custom("cw_migrate_version", payload));
    if (error == null) {
      assertThat(StaticChecker.analyze(module).contractMigrateVersion())
          .isEqualTo(OptionalLong.of(expected));
      assertThat(
              StaticChecker.checkWasm(module, Capabilities.BUILT_IN, WasmLimits.DEFAULT)
                  .contractMigrateVersion())
          .isEqualTo(OptionalLong.of(expected));
    } else {
      assertThatThrownBy(() -> StaticChecker.analyze(module)).hasMessage(STATIC + error);
    }
  }

  static Stream<Arguments> badInput() {
    byte[] hackatomLike = TestModules.contract(2, 1, 1);
    return Stream.of(
        Arguments.of("empty", new byte[0], "unexpected end-of-file (at offset 0x0)"),
        Arguments.of(
            "foobar",
            "foobar".getBytes(StandardCharsets.US_ASCII),
            "magic header not detected: bad magic number - expected=[\n    0x0,\n    0x61,\n"
                + "    0x73,\n    0x6d,\n] actual=[\n    0x66,\n    0x6f,\n    0x6f,\n    0x62,\n]"
                + " (at offset 0x0)"),
        Arguments.of(
            "version 2",
            bytes(0, 'a', 's', 'm', 2, 0, 0, 0),
            "unknown binary version: 0x2 (at" + " offset 0x0)"),
        Arguments.of(
            "truncated section",
            java.util.Arrays.copyOf(hackatomLike, hackatomLike.length - 3),
            "section too large (at offset 0x"
                + Integer.toHexString(lastSectionSizeAt(hackatomLike))
                + ")"),
        // memory of 65 537 pages: over wasm32's 4 GiB (upstream-style hand-made bytes); wasmparser
        // reports it at the memory entry: 8 header bytes, section id, size, count → 0xb
        Arguments.of(
            "huge memory",
            concat(TestModules.HEADER, TestModules.section(5, bytes(1, 0x00, 0x81, 0x80, 0x04))),
            "memory size must be at most 65536 pages (4GiB) (at offset 0xb)"));
  }

  /** The offset of the size field of the module's last section. */
  private static int lastSectionSizeAt(byte[] module) {
    int pos = 8;
    int last = -1;
    while (pos < module.length) {
      last = pos + 1;
      int p = pos + 1;
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = module[p++] & 0xFF;
        size |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      pos = p + (int) size;
    }
    return last;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsAClearDeserializationError(String label, byte[] module, String wasmparserText) {
    assertThatThrownBy(() -> StaticChecker.checkWasm(module, Set.of(), WasmLimits.DEFAULT))
        .isInstanceOf(VmException.class)
        .hasMessage(DESER + "\"" + wasmparserText + "\"");
    assertThatThrownBy(() -> StaticChecker.analyze(module))
        .hasMessage(DESER + "\"" + wasmparserText + "\"");
  }
}
