package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.api.GoJsonWriter;

/**
 * wasmvm's {@code types.SystemError} variants: query failures that are handed to the contract as
 * they are (not redacted), serialised as {@code {"error":{"<variant>":{…}}}} in the querier result.
 */
public sealed interface SystemError {
  /** Go's {@code Error()} text (logs only). */
  String message();

  /** The variant as wasmvm marshals it inside {@code "error"}. */
  void write(GoJsonWriter w);

  record InvalidRequest(String error, Bytes request) implements SystemError {
    @Override
    public String message() {
      return "invalid request: " + error + " - original request: " + text(request);
    }

    @Override
    public void write(GoJsonWriter w) {
      w.beginObject().name("invalid_request").beginObject();
      w.name("error").string(error).name("request").bytes(request);
      w.endObject().endObject();
    }
  }

  record InvalidResponse(String error, Bytes response) implements SystemError {
    @Override
    public String message() {
      return "invalid response: " + error + " - original response: " + text(response);
    }

    @Override
    public void write(GoJsonWriter w) {
      w.beginObject().name("invalid_response").beginObject();
      w.name("error").string(error).name("response").bytes(response);
      w.endObject().endObject();
    }
  }

  /** {@code NoSuchContract{addr omitempty}}. */
  record NoSuchContract(String addr) implements SystemError {
    @Override
    public String message() {
      return "no such contract: " + addr;
    }

    @Override
    public void write(GoJsonWriter w) {
      w.beginObject().name("no_such_contract").beginObject();
      if (!addr.isEmpty()) {
        w.name("addr").string(addr);
      }
      w.endObject().endObject();
    }
  }

  /** {@code NoSuchCode{code_id omitempty}}. */
  record NoSuchCode(long codeId) implements SystemError {
    @Override
    public String message() {
      return "no such code: " + Long.toUnsignedString(codeId);
    }

    @Override
    public void write(GoJsonWriter w) {
      w.beginObject().name("no_such_code").beginObject();
      if (codeId != 0) {
        w.name("code_id").uint64(codeId);
      }
      w.endObject().endObject();
    }
  }

  record Unknown() implements SystemError {
    @Override
    public String message() {
      return "unknown system error";
    }

    @Override
    public void write(GoJsonWriter w) {
      w.beginObject().name("unknown").beginObject().endObject().endObject();
    }
  }

  /** {@code UnsupportedRequest{kind omitempty}}. */
  record UnsupportedRequest(String kind) implements SystemError {
    @Override
    public String message() {
      return "unsupported request: " + kind;
    }

    @Override
    public void write(GoJsonWriter w) {
      w.beginObject().name("unsupported_request").beginObject();
      if (!kind.isEmpty()) {
        w.name("kind").string(kind);
      }
      w.endObject().endObject();
    }
  }

  private static String text(Bytes b) {
    return b == null ? "" : b.toUtf8();
  }
}
