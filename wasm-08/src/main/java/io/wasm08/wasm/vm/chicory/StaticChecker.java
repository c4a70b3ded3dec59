package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.Entrypoint;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import io.wasm08.wasm.vm.chicory.RustText.RustError;
import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.ExternKind;
import io.wasm08.wasm.vm.chicory.binary.FuncType;
import io.wasm08.wasm.vm.chicory.binary.Limits;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.CustomSection;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Export;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Import;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.TableType;
import io.wasm08.wasm.vm.chicory.binary.WasmFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * cosmwasm-vm 3.0.9's {@code check_wasm} ({@code compatibility.rs}) followed by the compile-time
 * {@link Gatekeeper}, i.e. everything {@code Cache::store_code(checked = true)} rejects, with
 * upstream's messages; and the static analysis behind {@code analyze}.
 *
 * <p>Order as upstream: parse (section level) → tables → memories → interface version → exports →
 * imports → capabilities → function limits → function-body validation → compilation (wasmer
 * validation, Gatekeeper). Parse and validation failures read "Wasm bytecode could not be
 * deserialized. Deserialization error: \"…\"" with wasmparser's text for the common cases (header,
 * section layout, limits, disabled proposals) and Chicory's validator text for the rest.
 */
public final class StaticChecker {
  /** {@code SUPPORTED_IMPORTS} with the {@code iterator} feature, in upstream's order. */
  static final List<String> SUPPORTED_IMPORTS =
      List.of(
          "env.abort",
          "env.db_read",
          "env.db_write",
          "env.db_remove",
          "env.addr_validate",
          "env.addr_canonicalize",
          "env.addr_humanize",
          "env.bls12_381_aggregate_g1",
          "env.bls12_381_aggregate_g2",
          "env.bls12_381_pairing_equality",
          "env.bls12_381_hash_to_g1",
          "env.bls12_381_hash_to_g2",
          "env.secp256k1_verify",
          "env.secp256k1_recover_pubkey",
          "env.secp256r1_verify",
          "env.secp256r1_recover_pubkey",
          "env.ed25519_verify",
          "env.ed25519_batch_verify",
          "env.debug",
          "env.query_chain",
          "env.db_scan",
          "env.db_next",
          "env.db_next_key",
          "env.db_next_value");

  private static final List<String> REQUIRED_EXPORTS = List.of("allocate", "deallocate");
  private static final String INTERFACE_VERSION_PREFIX = "interface_version_";
  private static final Set<String> SUPPORTED_INTERFACE_VERSIONS = Set.of("interface_version_8");
  private static final String REQUIRES_PREFIX = "requires_";
  private static final String MIGRATE_VERSION_SECTION = "cw_migrate_version";

  private StaticChecker() {}

  /**
   * Full static validation of a contract as {@code store_code} does it: {@code check_wasm} with the
   * given capabilities and limits, then the compile-time checks.
   *
   * @return the analysis of the (valid) contract
   * @throws VmException {@code STATIC_VALIDATION_ERR} or {@code COMPILE_ERR} with upstream's text
   */
  public static AnalysisReport checkWasm(
      byte[] wasm, Set<String> availableCapabilities, WasmLimits limits) {
    BinaryModule module = parse(wasm);
    OptionalLong migrateVersion = migrateVersion(module);
    checkTables(module, limits);
    checkMemories(module, limits);
    checkInterfaceVersion(module);
    checkExports(module);
    checkImports(module, limits);
    checkCapabilities(module, availableCapabilities);
    checkFunctions(module, limits);
    Gatekeeper.Scan scan = validateFunctions(module);
    Gatekeeper.throwCompileErrors(scan);
    return report(module, migrateVersion);
  }

  /**
   * The analysis without any check beyond parsing the module structure (upstream {@code
   * Cache::analyze}, which parses with {@code ParsedWasm::parse}).
   *
   * @throws VmException {@code STATIC_VALIDATION_ERR} when the module cannot be parsed
   */
  public static AnalysisReport analyze(byte[] wasm) {
    BinaryModule module = parse(wasm);
    return report(module, migrateVersion(module));
  }

  // ---------------------------------------------------------------------------------------------

  static BinaryModule parse(byte[] wasm) {
    try {
      return BinaryModule.parse(wasm);
    } catch (WasmFormatException e) {
      throw deserializationError(e.getMessage());
    }
  }

  static VmException deserializationError(String message) {
    return VmException.staticValidation(
        "Wasm bytecode could not be deserialized. Deserialization error: \"" + message + "\"");
  }

  static OptionalLong migrateVersion(BinaryModule module) {
    OptionalLong version = OptionalLong.empty();
    for (CustomSection cs : module.customSections()) {
      if (!cs.name().equals(MIGRATE_VERSION_SECTION)) {
        continue;
      }
      String utf8Error = RustText.utf8Error(module.bytes(), cs.dataStart(), cs.dataEnd());
      if (utf8Error != null) {
        throw VmException.staticValidation(utf8Error);
      }
      String text =
          new String(
              module.bytes(),
              cs.dataStart(),
              cs.dataEnd() - cs.dataStart(),
              StandardCharsets.UTF_8);
      try {
        // Upstream overwrites on every such section: the last one wins.
        version = RustText.parseU64(text);
      } catch (RustError e) {
        throw VmException.staticValidation(e.getMessage());
      }
    }
    return version;
  }

  private static void checkTables(BinaryModule module, WasmLimits limits) {
    List<TableType> tables = module.tables();
    if (tables.isEmpty()) {
      return;
    }
    if (tables.size() > 1) {
      throw VmException.staticValidation("Wasm contract must not have more than 1 table section");
    }
    Long max = tables.get(0).limits().max();
    if (max == null) {
      throw VmException.staticValidation("Wasm contract must not have unbound table section");
    }
    if (max > limits.tableSizeLimitElements()) {
      throw VmException.staticValidation(
          "Wasm contract's first table section has a too large max limit");
    }
  }

  private static void checkMemories(BinaryModule module, WasmLimits limits) {
    if (module.memories().size() != 1) {
      throw VmException.staticValidation("Wasm contract must contain exactly one memory");
    }
    Limits memory = module.memories().get(0);
    if (memory.min() > limits.initialMemoryLimitPages()) {
      throw VmException.staticValidation(
          "Wasm contract memory's minimum must not exceed "
              + limits.initialMemoryLimitPages()
              + " pages.");
    }
    if (memory.max() != null) {
      throw VmException.staticValidation(
          "Wasm contract memory's maximum must be unset. The host will set it for you.");
    }
  }

  static List<String> exportedFunctionNames(BinaryModule module, String prefix) {
    List<String> out = new ArrayList<>();
    for (Export e : module.exports()) {
      if (e.kind() == ExternKind.FUNC && (prefix == null || e.name().startsWith(prefix))) {
        out.add(e.name());
      }
    }
    return out;
  }

  private static void checkInterfaceVersion(BinaryModule module) {
    List<String> markers = exportedFunctionNames(module, INTERFACE_VERSION_PREFIX);
    if (markers.isEmpty()) {
      throw VmException.staticValidation(
          "Wasm contract missing a required marker export: interface_version_*");
    }
    if (markers.size() > 1) {
      throw VmException.staticValidation(
          "Wasm contract contains more than one marker export: interface_version_*");
    }
    if (!SUPPORTED_INTERFACE_VERSIONS.contains(markers.get(0))) {
      throw VmException.staticValidation(
          "Wasm contract has unknown interface_version_* marker export (see"
              + " https://github.com/CosmWasm/cosmwasm/blob/main/packages/vm/README.md)");
    }
  }

  private static void checkExports(BinaryModule module) {
    List<String> exports = exportedFunctionNames(module, null);
    for (String required : REQUIRED_EXPORTS) {
      if (!exports.contains(required)) {
        throw VmException.staticValidation(
            "Wasm contract doesn't have required export: \""
                + required
                + "\". Exports required by VM: [\"allocate\", \"deallocate\"].");
      }
    }
  }

  private static void checkImports(BinaryModule module, WasmLimits limits) {
    List<Import> imports = module.imports();
    if (imports.size() > limits.maxImports()) {
      throw VmException.staticValidation(
          "Import count exceeds limit. Imports: "
              + imports.size()
              + ". Limit: "
              + limits.maxImports()
              + ".");
    }
    for (Import imp : imports) {
      String fullName = imp.fullName();
      if (!SUPPORTED_IMPORTS.contains(fullName)) {
        TreeSet<String> required = new TreeSet<>();
        imports.forEach(i -> required.add(i.fullName()));
        throw VmException.staticValidation(
            "Wasm contract requires unsupported import: \""
                + fullName
                + "\". Required imports: "
                + LimitedDisplay.set(required, 200)
                + ". Available imports: "
                + debugList(SUPPORTED_IMPORTS)
                + ".");
      }
      if (imp.kind() != ExternKind.FUNC) {
        throw VmException.staticValidation(
            "Wasm contract requires non-function import: \""
                + fullName
                + "\". Right now, all supported imports are functions.");
      }
    }
  }

  /** Rust's {@code {:?}} of a string slice list. */
  private static String debugList(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < items.size(); k++) {
      if (k > 0) {
        sb.append(", ");
      }
      sb.append('"').append(items.get(k)).append('"');
    }
    return sb.append(']').toString();
  }

  static TreeSet<String> requiredCapabilities(BinaryModule module) {
    TreeSet<String> out = new TreeSet<>();
    for (String name : exportedFunctionNames(module, REQUIRES_PREFIX)) {
      // Rust compares byte lengths; the prefix is ASCII so char and byte offsets agree.
      if (name.length() > REQUIRES_PREFIX.length()) {
        out.add(name.substring(REQUIRES_PREFIX.length()));
      }
    }
    return out;
  }

  private static void checkCapabilities(BinaryModule module, Set<String> available) {
    TreeSet<String> unavailable = requiredCapabilities(module);
    unavailable.removeAll(available);
    if (!unavailable.isEmpty()) {
      throw VmException.staticValidation(
          "Wasm contract requires unavailable capabilities: "
              + LimitedDisplay.set(unavailable, 200));
    }
  }

  private static void checkFunctions(BinaryModule module, WasmLimits limits) {
    int functionCount = module.bodies().size();
    int maxParams = 0;
    int maxResults = 0;
    for (FuncType t : module.types()) {
      maxParams = Math.max(maxParams, t.params().size());
      maxResults = Math.max(maxResults, t.results().size());
    }
    long totalParams = 0;
    for (int k = 0; k < module.definedFunctionCount(); k++) {
      totalParams += module.types().get(module.functionTypeIndex(k)).params().size();
    }
    long maxLocals = 0;
    long totalLocals = 0;
    for (FunctionBody body : module.bodies()) {
      maxLocals = Math.max(maxLocals, body.localCount());
      totalLocals += body.localCount();
    }
    if (functionCount > limits.maxFunctions()) {
      throw VmException.staticValidation(
          "Wasm contract contains more than " + limits.maxFunctions() + " functions");
    }
    if (maxParams > limits.maxFunctionParams()) {
      throw VmException.staticValidation(
          "Wasm contract contains function with more than "
              + limits.maxFunctionParams()
              + " parameters");
    }
    if (maxResults > limits.maxFunctionResults()) {
      throw VmException.staticValidation(
          "Wasm contract contains function with more than "
              + limits.maxFunctionResults()
              + " results");
    }
    if (totalParams > limits.maxTotalFunctionParams()) {
      throw VmException.staticValidation(
          "Wasm contract contains more than "
              + limits.maxTotalFunctionParams()
              + " function parameters in total");
    }
    if (maxLocals > limits.maxFunctionLocals()) {
      throw VmException.staticValidation(
          "Wasm contract contains function with more than "
              + limits.maxFunctionLocals()
              + " locals: "
              + maxLocals);
    }
    if (totalLocals > limits.maxTotalFunctionLocals()) {
      throw VmException.staticValidation(
          "Wasm contract contains more than "
              + limits.maxTotalFunctionLocals()
              + " function locals in total: "
              + totalLocals);
    }
  }

  /** {@code ParsedWasm::parse} followed by {@code validate_funcs} (upstream tests call them). */
  static void parseAndValidateFunctionsForTest(byte[] wasm) {
    validateFunctions(parse(wasm));
  }

  /** The imports check alone (upstream tests call it directly). */
  static void checkImportsForTest(BinaryModule module, WasmLimits limits) {
    checkImports(module, limits);
  }

  /**
   * {@code validate_funcs}: the proposal gate of cosmwasm-vm's validator, then full validation by
   * Chicory's validator.
   */
  private static Gatekeeper.Scan validateFunctions(BinaryModule module) {
    Gatekeeper.Scan scan;
    try {
      scan = Gatekeeper.scan(module);
    } catch (WasmFormatException e) {
      throw deserializationError(e.getMessage());
    }
    if (scan.staticValidation() != null) {
      Gatekeeper.Violation v = scan.staticValidation();
      throw deserializationError(new WasmFormatException(v.message(), v.offset()).getMessage());
    }
    chicoryValidate(module.bytes());
    return scan;
  }

  /** Chicory's parser with validation: every module-level and function-body rule of the spec. */
  static void chicoryValidate(byte[] wasm) {
    try {
      Parser.parse(wasm);
    } catch (ChicoryException e) {
      throw deserializationError(e.getMessage());
    } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
      // A malformed module that slipped past the structural pass must still be a clean error.
      throw deserializationError(e.toString());
    }
  }

  private static AnalysisReport report(BinaryModule module, OptionalLong migrateVersion) {
    List<String> exports = exportedFunctionNames(module, null);
    List<Entrypoint> entrypoints = new ArrayList<>();
    for (String name : exports) {
      Entrypoint.fromExportName(name).ifPresent(entrypoints::add);
    }
    boolean ibc =
        Entrypoint.REQUIRED_IBC_EXPORTS.stream().allMatch(e -> exports.contains(e.exportName()));
    return new AnalysisReport(
        ibc, entrypoints, List.copyOf(requiredCapabilities(module)), migrateVersion);
  }
}
