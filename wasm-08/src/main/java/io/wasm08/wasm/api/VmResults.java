package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.api.GoJsonDecoder.Field;
import java.util.List;

/**
 * What wasmvm's Go side makes of a call's raw result ({@code DeserializeResponse} into {@code
 * types.ContractResult} / {@code types.QueryResult}), with Go's decoding rules and errors. Only the
 * parts 08-wasm reads are kept: the error string, the data, and how many messages, attributes and
 * events came back.
 */
public final class VmResults {
  private VmResults() {}

  /**
   * {@code types.Response}: sub-messages, attributes and events are counted (08-wasm rejects any),
   * {@code data} is kept ({@code null} when nil).
   */
  public record Response(int messages, Bytes data, int attributes, int events) {}

  /**
   * {@code types.ContractResult{ok *Response, error string}}: {@code ok} is {@code null} when
   * absent or null; {@code error} is {@code ""} when absent.
   */
  public record ContractResult(Response ok, String error) {}

  /** {@code types.QueryResult{ok []byte, error string}}. */
  public record QueryResult(Bytes ok, String error) {}

  public static ContractResult contractResult(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              Response[] ok = {null};
              String[] err = {""};
              d.struct(
                  v,
                  "types.ContractResult",
                  List.of(
                      new Field("ok", x -> ok[0] = response(d, x, ok[0])),
                      new Field("error", x -> err[0] = d.string(x, err[0]))));
              return new ContractResult(ok[0], err[0]);
            });
  }

  public static QueryResult queryResult(Bytes json) {
    return GoJsonDecoder.unmarshal(
        json,
        d ->
            v -> {
              Bytes[] ok = {null};
              String[] err = {""};
              d.struct(
                  v,
                  "types.QueryResult",
                  List.of(
                      new Field("ok", x -> ok[0] = d.bytes(x, ok[0])),
                      new Field("error", x -> err[0] = d.string(x, err[0]))));
              return new QueryResult(ok[0], err[0]);
            });
  }

  /** Decodes into a (possibly existing) {@code *Response}; {@code null} sets the pointer nil. */
  private static Response response(GoJsonDecoder d, GoJsonValue v, Response current) {
    if (v instanceof GoJsonValue.JNull) {
      return null;
    }
    Response base = current == null ? new Response(0, null, 0, 0) : current;
    int[] messages = {base.messages()};
    Bytes[] data = {base.data()};
    int[] attributes = {base.attributes()};
    int[] events = {base.events()};
    boolean object =
        d.struct(
            v,
            "types.Response",
            List.of(
                new Field(
                    "messages",
                    x ->
                        messages[0] =
                            count(
                                d.slice(
                                    x, "[]types.SubMsg", null, e -> opaque(d, e, "types.SubMsg")))),
                new Field("data", x -> data[0] = d.bytes(x, data[0])),
                new Field(
                    "attributes",
                    x ->
                        attributes[0] =
                            count(
                                d.slice(x, "[]types.EventAttribute", null, e -> attribute(d, e)))),
                new Field(
                    "events",
                    x -> events[0] = count(d.slice(x, "[]types.Event", null, e -> event(d, e))))));
    if (!object && current == null) {
      // a mismatched value leaves the pointer allocated with a zero Response, as Go does
      return new Response(0, null, 0, 0);
    }
    return new Response(messages[0], data[0], attributes[0], events[0]);
  }

  private static int count(List<?> list) {
    return list == null ? 0 : list.size();
  }

  /** A struct whose fields 08-wasm never reads: only its JSON kind is checked. */
  private static Object opaque(GoJsonDecoder d, GoJsonValue v, String goType) {
    d.struct(v, goType, List.of());
    return v;
  }

  private static Object attribute(GoJsonDecoder d, GoJsonValue v) {
    String[] kv = {"", ""};
    d.struct(
        v,
        "types.EventAttribute",
        List.of(
            new Field("key", x -> kv[0] = d.string(x, kv[0])),
            new Field("value", x -> kv[1] = d.string(x, kv[1]))));
    return v;
  }

  private static Object event(GoJsonDecoder d, GoJsonValue v) {
    String[] type = {""};
    d.struct(
        v,
        "types.Event",
        List.of(
            new Field("type", x -> type[0] = d.string(x, type[0])),
            new Field(
                "attributes",
                x ->
                    d.slice(
                        x,
                        "types.Array[github.com/CosmWasm/wasmvm/v3/types.EventAttribute]",
                        null,
                        e -> attribute(d, e)))));
    return v;
  }
}
