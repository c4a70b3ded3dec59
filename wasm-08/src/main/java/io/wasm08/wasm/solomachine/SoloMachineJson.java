package io.wasm08.wasm.solomachine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wasm08.common.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the client's JSON data exactly as the contract does: fields in declaration order, no
 * whitespace, u64 as unsigned JSON numbers, bytes as padded standard base64.
 */
final class SoloMachineJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** One JSON value written to a generator. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator json) throws IOException;
  }

  private SoloMachineJson() {}

  static Bytes write(Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(json);
    } catch (IOException e) {
      // A ByteArrayOutputStream does not fail; anything here is a bug.
      throw new UncheckedIOException(e);
    }
    return Bytes.wrapOwned(out.toByteArray());
  }

  static void u64(JsonGenerator json, String name, long value) throws IOException {
    json.writeFieldName(name);
    json.writeNumber(Long.toUnsignedString(value));
  }

  static void bytes(JsonGenerator json, String name, Bytes value) throws IOException {
    json.writeStringField(name, value.toBase64());
  }
}
