package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.wasm.api.GoJsonDecoder.Field;
import java.util.List;

/**
 * The results the host reads from a contract ({@code types/contract_api.go}), decoded with Go's
 * {@code json.Unmarshal} semantics and texts. Each method throws {@link GoJsonException} on
 * malformed input; the caller maps it to the registered error ibc-go uses there.
 */
public final class ContractResults {
  private ContractResults() {}

  /** {@code StatusResult{status string}}: the status text, verbatim (empty when absent). */
  public static String status(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              String[] status = {""};
              d.struct(
                  v,
                  "types.StatusResult",
                  List.of(new Field("status", x -> status[0] = d.string(x, status[0]))));
              return status[0];
            });
  }

  /** {@code TimestampAtHeightResult{timestamp uint64}} (nanoseconds; 0 when absent). */
  public static long timestampAtHeight(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              long[] ts = {0};
              d.struct(
                  v,
                  "types.TimestampAtHeightResult",
                  List.of(new Field("timestamp", x -> ts[0] = d.uint64(x, ts[0]))));
              return ts[0];
            });
  }

  /** {@code CheckForMisbehaviourResult{found_misbehaviour bool}}. */
  public static boolean checkForMisbehaviour(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              boolean[] found = {false};
              d.struct(
                  v,
                  "types.CheckForMisbehaviourResult",
                  List.of(new Field("found_misbehaviour", x -> found[0] = d.bool(x, found[0]))));
              return found[0];
            });
  }

  /** {@code UpdateStateResult{heights []Height}}; nil heights decode as an empty list. */
  public static List<Height> updateState(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              @SuppressWarnings("unchecked")
              List<Height>[] heights = new List[] {null};
              d.struct(
                  v,
                  "types.UpdateStateResult",
                  List.of(
                      new Field(
                          "heights",
                          x ->
                              heights[0] =
                                  d.slice(x, "[]types.Height", heights[0], e -> height(d, e)))));
              return heights[0] == null ? List.of() : List.copyOf(heights[0]);
            });
  }

  /** A {@code clienttypes.Height} (fields decoded independently; null → zero height). */
  static Height height(GoJsonDecoder d, GoJsonValue v) {
    long[] h = {0, 0};
    d.struct(
        v,
        "types.Height",
        List.of(
            new Field("revision_number", x -> h[0] = d.uint64(x, h[0])),
            new Field("revision_height", x -> h[1] = d.uint64(x, h[1]))));
    return new Height(h[0], h[1]);
  }

  /** One {@code clienttypes.GenesisMetadata} entry of a legacy {@code export_metadata} answer. */
  public record GenesisMetadata(Bytes key, Bytes value) {}

  /** {@code ExportMetadataResult{genesis_metadata []GenesisMetadata}} (G1–G3 contracts). */
  public static List<GenesisMetadata> exportMetadata(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              @SuppressWarnings("unchecked")
              List<GenesisMetadata>[] out = new List[] {null};
              d.struct(
                  v,
                  "types.ExportMetadataResult",
                  List.of(
                      new Field(
                          "genesis_metadata",
                          x ->
                              out[0] =
                                  d.slice(
                                      x,
                                      "[]types.GenesisMetadata",
                                      out[0],
                                      e -> {
                                        Bytes[] kv = {null, null};
                                        d.struct(
                                            e,
                                            "types.GenesisMetadata",
                                            List.of(
                                                new Field("key", k -> kv[0] = d.bytes(k, kv[0])),
                                                new Field(
                                                    "value", k -> kv[1] = d.bytes(k, kv[1]))));
                                        return new GenesisMetadata(kv[0], kv[1]);
                                      }))));
              return out[0] == null ? List.of() : List.copyOf(out[0]);
            });
  }
}
