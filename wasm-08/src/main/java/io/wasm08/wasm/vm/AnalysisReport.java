package io.wasm08.wasm.vm;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * cosmwasm-vm's {@code AnalysisReport} (wasmvm {@code AnalyzeCode}).
 *
 * @param hasIbcEntryPoints all six {@link Entrypoint#REQUIRED_IBC_EXPORTS} are exported
 * @param entrypoints the exported entry points, sorted by export name (upstream's {@code
 *     BTreeSet<Entrypoint>} order)
 * @param requiredCapabilities the {@code requires_*} capabilities, sorted
 * @param contractMigrateVersion the custom section {@code cw_migrate_version}, a u64 (read with
 *     {@link Long#toUnsignedString(long)})
 */
public record AnalysisReport(
    boolean hasIbcEntryPoints,
    List<Entrypoint> entrypoints,
    List<String> requiredCapabilities,
    OptionalLong contractMigrateVersion) {

  public AnalysisReport {
    entrypoints =
        entrypoints.stream().sorted(Comparator.comparing(Entrypoint::exportName)).toList();
    requiredCapabilities = requiredCapabilities.stream().sorted().toList();
  }

  /** The required capabilities joined by commas, as wasmvm's Go report carries them. */
  public String requiredCapabilitiesCsv() {
    return String.join(",", requiredCapabilities);
  }
}
