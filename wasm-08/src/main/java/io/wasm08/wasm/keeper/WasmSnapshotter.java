package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.types.WasmGzip;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.types.WasmValidation;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.VmException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state-sync snapshot extension of 08-wasm ({@code keeper/snapshotter.go}), name {@code
 * "08-wasm"}, format 1: one payload per stored checksum, the gzipped code (no envelope). The
 * allow-list itself travels in the state tree; restoring stores each code unchecked and pins it.
 */
public final class WasmSnapshotter {
  /** {@code SnapshotFormat}. */
  public static final int SNAPSHOT_FORMAT = 1;

  private final WasmKeeper keeper;

  public WasmSnapshotter(WasmKeeper keeper) {
    this.keeper = Objects.requireNonNull(keeper, "keeper");
  }

  public String snapshotName() {
    return WasmTypes.MODULE_NAME;
  }

  public int snapshotFormat() {
    return SNAPSHOT_FORMAT;
  }

  public int[] supportedFormats() {
    return new int[] {SNAPSHOT_FORMAT};
  }

  /** {@code SnapshotExtension}: {@code ctx} reads the state at the snapshot height. */
  public void snapshotExtension(BlockContext ctx, Consumer<Bytes> payloadWriter) {
    for (Bytes checksum : keeper.getAllChecksums(ctx)) {
      payloadWriter.accept(WasmGzip.gzip(keeper.vm().getCode(new Checksum(checksum))));
    }
  }

  /**
   * {@code RestoreExtension}: {@code payloads} yields each payload, then empty. An unknown format
   * is an error ("expected 1, got N: unknown snapshot format" — the SDK's {@code
   * ErrUnknownFormat}).
   */
  public void restoreExtension(int format, Supplier<Optional<Bytes>> payloads) {
    if (format != SNAPSHOT_FORMAT) {
      throw IbcException.plainf(
          "expected %d, got %d: unknown snapshot format", SNAPSHOT_FORMAT, format);
    }
    for (Optional<Bytes> payload = payloads.get(); payload.isPresent(); payload = payloads.get()) {
      try {
        restoreV1(payload.get());
      } catch (IbcException e) {
        throw e.wrap("failure processing snapshot item");
      }
    }
  }

  private void restoreV1(Bytes compressed) {
    if (!WasmGzip.isGzip(compressed)) {
      throw WasmErrorCode.INVALID_DATA.wrap("expected wasm code is not gzip format");
    }
    Bytes code;
    try {
      code = WasmGzip.uncompress(compressed, WasmValidation.MAX_WASM_SIZE);
    } catch (IbcException e) {
      throw e.wrap("failed to uncompress wasm code");
    }
    Checksum checksum;
    try {
      checksum = keeper.vm().storeCodeUnchecked(code.toByteArray());
    } catch (VmException e) {
      throw IbcException.plain(ContractCalls.wasmvmText(e)).wrap("failed to store wasm code");
    }
    try {
      keeper.vm().pin(checksum);
    } catch (VmException e) {
      throw IbcException.plain(ContractCalls.wasmvmText(e))
          .wrapf("failed to pin checksum: %s to in-memory cache", checksum.hex());
    }
  }
}
