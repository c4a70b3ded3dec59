package io.wasm08.spectests.suites;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.node.cli.WasmFiles;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.wasm.types.WasmErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** What the 08-wasm suites share: reading a contract, and "rejected, nothing written" checks. */
final class ContractChecks {
  private ContractChecks() {}

  /** A contract file as given (gzip or raw, as a MsgStoreCode would carry it) and unpacked. */
  record Contract(Bytes asGiven, Bytes wasm) {
    boolean gzipped() {
      return !asGiven.equals(wasm);
    }
  }

  static Contract read(Path file) {
    InputFiles.requireFile(file);
    try {
      return new Contract(
          Bytes.wrapOwned(Files.readAllBytes(file)), Bytes.wrapOwned(WasmFiles.read(file)));
    } catch (IOException | WasmFiles.BadFileException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * {@code call} must fail with an error of this project (a typed error a chain reports, or a
   * tx-aborting panic) and leave both stores exactly as they were; the error, with its code.
   */
  static String rejected(Ics08Host host, String what, Runnable call) {
    Map<String, Bytes> before = host.snapshot();
    try {
      call.run();
    } catch (Wasm08Exception e) {
      require(host.snapshot().equals(before), what + " failed but wrote to the store");
      return "rejected: " + describe(e);
    }
    throw ConformanceErrorCode.MISMATCH.wrap(what + " was accepted");
  }

  /**
   * The error as a chain reports it, plus — for a panic or wrapped error — the 08-wasm error it
   * maps: {@code ErrWasmContractCallFailed} (14) for a contract's error result, {@code ErrVMError}
   * (17) for a trap.
   */
  static String describe(Wasm08Exception e) {
    String text = e.getMessage() + " [" + e.codespace() + "/" + e.code() + "]";
    Wasm08Exception wasm = wasmCause(e);
    if (wasm != null && wasm != e) {
      text += " (from " + wasm.codespace() + "/" + wasm.code() + ")";
    }
    return text;
  }

  /** The first 08-wasm error in the cause chain, or null. */
  static Wasm08Exception wasmCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof Wasm08Exception w && WasmErrorCode.CODESPACE.equals(w.codespace())) {
        return w;
      }
    }
    return null;
  }

  /** The result of an earlier step a case depends on; absent → the case is skipped. */
  static <T> T after(String step, Supplier<T> result) {
    T value = result.get();
    if (value == null) {
      throw ConformanceErrorCode.NOT_APPLICABLE.wrap("not run: " + step + " did not succeed");
    }
    return value;
  }

  static void require(boolean condition, String mismatch) {
    if (!condition) {
      throw ConformanceErrorCode.MISMATCH.wrap(mismatch);
    }
  }
}
