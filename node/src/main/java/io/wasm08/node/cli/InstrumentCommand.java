package io.wasm08.node.cli;

import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import io.wasm08.wasm.vm.chicory.StaticChecker;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wasm08 vm instrument FILE -o OUT}: writes the metered module the VM runs, to inspect it
 * (e.g. with wasm2wat) or to run it on another engine.
 */
@Command(
    name = "instrument",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the instrumented module: cosmwasm-vm 3.0.9 gas metering (exported globals",
      "wasmer_metering_remaining_points / wasmer_metering_points_exhausted), NaN",
      "canonicalization and the call-depth limit (wasm08_call_depth[_exceeded])."
    })
public final class InstrumentCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Wasm file (.wasm or gzip)")
  Path file;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "Where to write the instrumented module")
  Path output;

  @Option(
      names = "--no-locals-charge",
      description = "cosmwasm-vm 3.0.0-3.0.8 gas (without the 3.0.9 charge for many locals)")
  boolean noLocalsCharge;

  @Option(
      names = "--max-call-depth",
      paramLabel = "N",
      description =
          "Wasm frames before \"call stack exhausted\"; 0 = no limit (default: ${DEFAULT-VALUE})")
  int maxCallDepth = InstrumentationConfig.DEFAULT_MAX_CALL_DEPTH;

  @Option(names = "--no-nan-canonicalization", description = "Keep NaN bits as the JVM makes them")
  boolean noNanCanonicalization;

  @Option(
      names = "--unchecked",
      description =
          "Skip static validation (as StoreCodeUnchecked); the compile-time checks still run")
  boolean unchecked;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxCallDepth < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-call-depth must not be negative");
    }
    byte[] wasm;
    try {
      wasm = WasmFiles.read(file);
    } catch (WasmFiles.BadFileException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    InstrumentationConfig config =
        new InstrumentationConfig(!noLocalsCharge, maxCallDepth, !noNanCanonicalization);
    byte[] instrumented;
    try {
      if (!unchecked) {
        StaticChecker.checkWasm(
            wasm, Capabilities.BUILT_IN, WasmLimits.DEFAULT.withoutLocalsLimits());
      }
      instrumented = Instrumenter.instrument(wasm, config);
    } catch (VmException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    try {
      Files.write(output, instrumented);
    } catch (IOException e) {
      err.println("cannot write " + output + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    out.printf(
        "%s: %d -> %d bytes (%s, %s)%n",
        output, wasm.length, instrumented.length, Instrumenter.VERSION, config.cacheKey());
    out.flush();
    return 0;
  }
}
