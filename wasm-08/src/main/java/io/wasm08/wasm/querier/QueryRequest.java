package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.api.GoJsonDecoder;
import io.wasm08.wasm.api.GoJsonDecoder.Field;
import io.wasm08.wasm.api.GoJsonValue;
import java.util.List;

/**
 * A contract's {@code QueryRequest} as wasmvm decodes it ({@code json.Unmarshal} into {@code
 * types.QueryRequest}, so several variants may be set at once and the host picks by priority). Only
 * what 08-wasm routes is kept: {@code stargate}, {@code custom} (the raw JSON value, as {@code
 * json.RawMessage}; a literal {@code null} counts as set) and {@code wasm.smart}; the other
 * variants are only noted as present.
 */
public record QueryRequest(Stargate stargate, Bytes custom, WasmSmart wasmSmart, boolean other) {
  /** {@code StargateQuery{data []byte, path string}}. */
  public record Stargate(String path, Bytes data) {}

  /** {@code WasmQuery.Smart{contract_addr string, msg []byte}}. */
  public record WasmSmart(String contractAddr, Bytes msg) {}

  /**
   * Decodes the request; a malformed one is a {@link SystemError.InvalidRequest} with Go's error
   * text and the raw request (as {@code RustQuery} does).
   */
  public static QueryRequest decode(Bytes request) {
    byte[] source = request.toByteArray();
    try {
      return GoJsonDecoder.unmarshal(source, d -> v -> bind(d, v, source));
    } catch (io.wasm08.wasm.api.GoJsonException e) {
      throw new SystemErrorException(new SystemError.InvalidRequest(e.getMessage(), request));
    }
  }

  private static QueryRequest bind(GoJsonDecoder d, GoJsonValue v, byte[] source) {
    Stargate[] stargate = {null};
    Bytes[] custom = {null};
    WasmSmart[] smart = {null};
    boolean[] other = {false};
    d.struct(
        v,
        "types.QueryRequest",
        List.of(
            new Field("bank", x -> other[0] |= opaque(d, x, "types.BankQuery")),
            new Field("custom", x -> custom[0] = Bytes.of(source, x.start(), x.end() - x.start())),
            new Field("ibc", x -> other[0] |= opaque(d, x, "types.IBCQuery")),
            new Field("staking", x -> other[0] |= opaque(d, x, "types.StakingQuery")),
            new Field("distribution", x -> other[0] |= opaque(d, x, "types.DistributionQuery")),
            new Field("stargate", x -> stargate[0] = stargate(d, x, stargate[0])),
            new Field("grpc", x -> other[0] |= opaque(d, x, "types.GrpcQuery")),
            new Field("wasm", x -> smart[0] = wasm(d, x, smart[0], other))));
    return new QueryRequest(stargate[0], custom[0], smart[0], other[0]);
  }

  private static boolean opaque(GoJsonDecoder d, GoJsonValue v, String goType) {
    return d.struct(v, goType, List.of());
  }

  private static Stargate stargate(GoJsonDecoder d, GoJsonValue v, Stargate current) {
    if (v instanceof GoJsonValue.JNull) {
      return null;
    }
    String[] path = {current == null ? "" : current.path()};
    Bytes[] data = {current == null ? null : current.data()};
    d.struct(
        v,
        "types.StargateQuery",
        List.of(
            new Field("data", x -> data[0] = d.bytes(x, data[0])),
            new Field("path", x -> path[0] = d.string(x, path[0]))));
    return new Stargate(path[0], data[0]);
  }

  private static WasmSmart wasm(
      GoJsonDecoder d, GoJsonValue v, WasmSmart current, boolean[] other) {
    if (v instanceof GoJsonValue.JNull) {
      return null;
    }
    WasmSmart[] smart = {current};
    boolean object =
        d.struct(
            v,
            "types.WasmQuery",
            List.of(
                new Field(
                    "smart",
                    x -> {
                      if (x instanceof GoJsonValue.JNull) {
                        smart[0] = null;
                        return;
                      }
                      String[] addr = {smart[0] == null ? "" : smart[0].contractAddr()};
                      Bytes[] msg = {smart[0] == null ? null : smart[0].msg()};
                      d.struct(
                          x,
                          "types.SmartQuery",
                          List.of(
                              new Field("contract_addr", y -> addr[0] = d.string(y, addr[0])),
                              new Field("msg", y -> msg[0] = d.bytes(y, msg[0]))));
                      smart[0] = new WasmSmart(addr[0], msg[0]);
                    }),
                new Field("raw", x -> other[0] |= opaque(d, x, "types.RawQuery")),
                new Field(
                    "contract_info", x -> other[0] |= opaque(d, x, "types.ContractInfoQuery")),
                new Field("code_info", x -> other[0] |= opaque(d, x, "types.CodeInfoQuery")),
                new Field("raw_range", x -> other[0] |= opaque(d, x, "types.RawRangeQuery"))));
    other[0] |= object && smart[0] == null;
    return smart[0];
  }
}
