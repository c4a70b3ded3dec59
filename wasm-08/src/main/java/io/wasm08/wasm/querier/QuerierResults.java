package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.errors.IbcException;
import io.wasm08.wasm.api.GoJsonWriter;

/**
 * What {@code query_chain} hands back to the contract: the JSON of wasmvm's {@code QuerierResult}
 * ({@code ToQuerierResult} + {@code json.Marshal}) — {@code {"ok":{"ok":"<b64>"}}} on success,
 * {@code {"error":{…}}} for a {@link SystemError}, and {@code {"ok":{"error":"…"}}} for any other
 * error, whose text 08-wasm first redacts to {@code "codespace: X, code: N"} (wasmd #759: error
 * strings are not deterministic across nodes).
 */
public final class QuerierResults {
  private QuerierResults() {}

  /** Success; an empty answer marshals as {@code {"ok":""}} (QueryResult.MarshalJSON). */
  public static Bytes ok(Bytes response) {
    GoJsonWriter w = new GoJsonWriter().beginObject().name("ok").beginObject().name("ok");
    if (response == null || response.isEmpty()) {
      w.string("");
    } else {
      w.bytes(response);
    }
    return w.endObject().endObject().toBytes();
  }

  /** A contract-level error string: {@code {"ok":{"error":"…"}}}. */
  public static Bytes contractError(String error) {
    if (error.isEmpty()) {
      return ok(Bytes.EMPTY);
    }
    return new GoJsonWriter()
        .beginObject()
        .name("ok")
        .beginObject()
        .name("error")
        .string(error)
        .endObject()
        .endObject()
        .toBytes();
  }

  public static Bytes systemError(SystemError error) {
    GoJsonWriter w = new GoJsonWriter().beginObject().name("error");
    error.write(w);
    return w.endObject().toBytes();
  }

  /**
   * The result for a failed plugin call: system errors pass through; everything else is redacted to
   * its ABCI codespace and code ({@code errorsmod.ABCIInfo}: unregistered errors are {@code
   * undefined}/1).
   */
  public static Bytes failure(Wasm08Exception e) {
    if (e instanceof SystemErrorException s) {
      return systemError(s.systemError());
    }
    return contractError(redact(e));
  }

  /** {@code redactError}: {@code "codespace: %s, code: %d"}. */
  public static String redact(Wasm08Exception e) {
    String codespace = e.codespace();
    int code = e.code();
    if (e instanceof IbcException ibc && ibc.isPlain()) {
      codespace = "undefined";
      code = 1;
    }
    return "codespace: " + codespace + ", code: " + code;
  }
}
