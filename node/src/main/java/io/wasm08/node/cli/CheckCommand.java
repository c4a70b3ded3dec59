package io.wasm08.node.cli;

import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Entrypoint;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import io.wasm08.wasm.vm.chicory.CompileReport;
import io.wasm08.wasm.vm.chicory.ModuleCompiler;
import io.wasm08.wasm.vm.chicory.StaticChecker;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wasm08 check FILE...}: cosmwasm-check for this VM — the static validation a chain runs on
 * MsgStoreCode, with cosmwasm-vm 3.0.9's exact messages.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks CosmWasm contracts (raw or gzipped Wasm) as cosmwasm-vm 3.0.9 does on store:",
      "memory, tables, exports, imports, capabilities, limits, instruction set.",
      "Prints each file's checksum (sha256 of the uncompressed code), entry points and required",
      "capabilities, then OK or the validation error. Exit status 1 if any file fails."
    })
public final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Wasm files (.wasm or gzip)")
  List<Path> files;

  @Option(
      names = "--capabilities",
      paramLabel = "CSV",
      description =
          "Capabilities the target chain offers, comma-separated (default: every built-in"
              + " capability; ibc-go 08-wasm offers only 'iterator')")
  String capabilities;

  @Option(
      names = "--without-locals-limits",
      description = "Use cosmwasm-vm 3.0.0-3.0.8 limits (no max_function_locals 100 / total 10000)")
  boolean withoutLocalsLimits;

  @Option(
      names = "--compile",
      description =
          "Also instrument and compile each passing contract on Chicory and report functions"
              + " left to the interpreter")
  boolean compile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Set<String> available =
        capabilities == null ? Capabilities.BUILT_IN : Capabilities.fromCsv(capabilities);
    WasmLimits limits =
        withoutLocalsLimits ? WasmLimits.DEFAULT.withoutLocalsLimits() : WasmLimits.DEFAULT;
    out.println("Available capabilities: " + String.join(", ", available));
    out.println();
    int passes = 0;
    int failures = 0;
    for (Path file : files) {
      if (checkOne(out, file, available, limits)) {
        passes++;
      } else {
        failures++;
      }
      out.println();
    }
    if (failures == 0) {
      out.println("All contracts (" + passes + ") passed checks!");
    } else {
      out.println("Passes: " + passes + ", failures: " + failures);
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private boolean checkOne(PrintWriter out, Path file, Set<String> available, WasmLimits limits) {
    out.println(file);
    byte[] wasm;
    try {
      wasm = WasmFiles.read(file);
    } catch (WasmFiles.BadFileException e) {
      out.println("  failure: " + e.getMessage());
      return false;
    }
    out.println("  checksum: " + sha256Hex(wasm));
    try {
      AnalysisReport analysis = StaticChecker.analyze(wasm);
      out.println("  entry points: " + joinOrNone(analysis.entrypoints()));
      out.println("  required capabilities: " + joinOrNone(analysis.requiredCapabilities()));
      analysis
          .contractMigrateVersion()
          .ifPresent(v -> out.println("  migrate version: " + Long.toUnsignedString(v)));
    } catch (VmException e) {
      // not even parseable: the full check below reports the same error
    }
    try {
      StaticChecker.checkWasm(wasm, available, limits);
    } catch (VmException e) {
      out.println("  " + e.getMessage());
      return false;
    }
    out.println("  OK");
    if (compile) {
      reportCompilation(out, spec.commandLine().getErr(), wasm);
    }
    return true;
  }

  private static void reportCompilation(PrintWriter out, PrintWriter err, byte[] wasm) {
    long start = System.nanoTime();
    byte[] instrumented = Instrumenter.instrument(wasm, InstrumentationConfig.DEFAULT);
    long instrumentedAt = System.nanoTime();
    CompileReport report =
        Progress.during(err, "  compiling", () -> ModuleCompiler.compile(instrumented).report());
    long compiledAt = System.nanoTime();
    out.printf(
        "  instrumented: %d bytes in %d ms; compiled: %d functions in %d ms; in interpreter: %s%n",
        instrumented.length,
        (instrumentedAt - start) / 1_000_000,
        report.functionCount(),
        (compiledAt - instrumentedAt) / 1_000_000,
        report.fullyCompiled() ? "none" : report.interpretedFunctions());
  }

  private static String joinOrNone(List<?> items) {
    if (items.isEmpty()) {
      return "none";
    }
    return items.stream()
        .map(i -> i instanceof Entrypoint e ? e.exportName() : i.toString())
        .collect(Collectors.joining(", "));
  }

  static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
