package io.wasm08.spectests.suites;

import io.wasm08.node.cli.WasmFiles;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.spectests.Suite;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.Entrypoint;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import io.wasm08.wasm.vm.chicory.StaticChecker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code check --dir D}: cosmwasm-vm 3.0.9's static validation ({@code check_wasm}, what a chain
 * runs on MsgStoreCode) of every contract under D, compared with the expected verdicts.
 */
public final class CheckSuite implements Suite {
  private final Path dir;
  private final Set<String> capabilities;
  private final CheckExpectations expectations;
  private final String expectationsName;

  /**
   * @param capabilities the chain's capabilities; null for the expectations' or, failing those,
   *     every built-in capability (as {@code wasm08 check})
   * @param expectationsName where the expectations come from, for the report
   */
  public CheckSuite(
      Path dir, Set<String> capabilities, CheckExpectations expectations, String expectationsName) {
    this.dir = dir;
    this.expectations = expectations;
    this.expectationsName = expectationsName;
    this.capabilities =
        capabilities != null
            ? capabilities
            : expectations.capabilities() != null
                ? expectations.capabilities()
                : Capabilities.BUILT_IN;
  }

  /** With {@code D/expected.json} when present, else no expectations (every contract passes). */
  public static CheckSuite of(Path dir, Set<String> capabilities) {
    Path file = dir.resolve("expected.json");
    if (java.nio.file.Files.isRegularFile(file)) {
      return new CheckSuite(dir, capabilities, CheckExpectations.read(file), file.toString());
    }
    return new CheckSuite(dir, capabilities, CheckExpectations.NONE, null);
  }

  static boolean isContract(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".wasm") || name.endsWith(".wasm.gz");
  }

  @Override
  public String name() {
    return "check";
  }

  @Override
  public String subject() {
    return dir.toString();
  }

  @Override
  public List<String> checks() {
    List<String> checks = new ArrayList<>();
    checks.add(
        "check_wasm of cosmwasm-vm 3.0.9 (limits incl. 100 locals per function) on every .wasm /"
            + " .wasm.gz, capabilities "
            + String.join(",", capabilities)
            + ": accepted or rejected with the exact error text");
    checks.add(
        expectationsName == null
            ? "no expected.json: every contract must be accepted"
            : "expected verdicts, errors, checksums, entry points, required capabilities and"
                + " migrate versions from "
                + expectationsName
                + (expectations.source().isEmpty() ? "" : " (" + expectations.source() + ")"));
    return checks;
  }

  @Override
  public List<ConformanceCase> cases() {
    List<ConformanceCase> cases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path file : InputFiles.under(dir, CheckSuite::isContract)) {
      String rel = InputFiles.relative(dir, file);
      seen.add(rel);
      CheckExpectations.Expected expected = expectations.contracts().getOrDefault(rel, PASS);
      cases.add(new ConformanceCase(rel, () -> check(file, expected)));
    }
    for (String listed : expectations.contracts().keySet()) {
      if (!seen.contains(listed)) {
        cases.add(
            new ConformanceCase(
                listed,
                () -> {
                  throw ConformanceErrorCode.MISMATCH.wrap(
                      "listed in the expectations, but there is no such contract in " + dir);
                }));
      }
    }
    return cases;
  }

  private static final CheckExpectations.Expected PASS =
      new CheckExpectations.Expected(true, null, null, null, null, null, null);

  private String check(Path file, CheckExpectations.Expected expected) {
    byte[] wasm;
    String error = null;
    AnalysisReport analysis = null;
    Checksum checksum = null;
    try {
      wasm = WasmFiles.read(file);
      checksum = Checksum.of(wasm);
      try {
        analysis = StaticChecker.analyze(wasm);
      } catch (VmException e) {
        // not parseable: check_wasm below reports it
      }
      StaticChecker.checkWasm(wasm, capabilities, WasmLimits.DEFAULT);
    } catch (WasmFiles.BadFileException | VmException e) {
      error = e.getMessage();
    }
    List<String> mismatches = new ArrayList<>();
    if (expected.pass() && error != null) {
      mismatches.add("rejected: " + error);
    } else if (!expected.pass() && error == null) {
      mismatches.add("accepted, the expectations say it must be rejected");
    } else if (error != null) {
      if (expected.error() != null && !error.equals(expected.error())) {
        mismatches.add("error \"" + error + "\", expected exactly \"" + expected.error() + "\"");
      }
      if (expected.errorContains() != null && !error.contains(expected.errorContains())) {
        mismatches.add(
            "error \"" + error + "\" does not contain \"" + expected.errorContains() + "\"");
      }
    }
    if (expected.checksum() != null
        && (checksum == null || !checksum.hex().equals(expected.checksum()))) {
      mismatches.add(
          "checksum "
              + (checksum == null ? "none" : checksum.hex())
              + ", expected "
              + expected.checksum());
    }
    if (expected.entryPoints() != null
        || expected.requiredCapabilities() != null
        || expected.migrateVersion() != null) {
      if (analysis == null) {
        mismatches.add("not analysable, so entry points/capabilities cannot be compared");
      } else {
        Set<String> entryPoints = entryPoints(analysis);
        if (expected.entryPoints() != null && !entryPoints.equals(expected.entryPoints())) {
          mismatches.add("entry points " + entryPoints + ", expected " + expected.entryPoints());
        }
        Set<String> required = new TreeSet<>(analysis.requiredCapabilities());
        if (expected.requiredCapabilities() != null
            && !required.equals(expected.requiredCapabilities())) {
          mismatches.add(
              "required capabilities "
                  + required
                  + ", expected "
                  + expected.requiredCapabilities());
        }
        OptionalLong migrate = analysis.contractMigrateVersion();
        if (expected.migrateVersion() != null && !migrate.equals(expected.migrateVersion())) {
          mismatches.add("migrate version " + migrate + ", expected " + expected.migrateVersion());
        }
      }
    }
    if (!mismatches.isEmpty()) {
      throw ConformanceErrorCode.MISMATCH.wrap(String.join("; ", mismatches));
    }
    if (error != null) {
      return "rejected as expected: " + error;
    }
    return "accepted; checksum "
        + checksum.hex()
        + "; entry points "
        + (analysis == null ? "?" : joinOrNone(entryPoints(analysis)))
        + "; requires "
        + (analysis == null ? "?" : joinOrNone(new TreeSet<>(analysis.requiredCapabilities())));
  }

  private static Set<String> entryPoints(AnalysisReport analysis) {
    return analysis.entrypoints().stream()
        .map(Entrypoint::exportName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String joinOrNone(Set<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }
}
