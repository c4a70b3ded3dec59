package io.wasm08.wasm.solomachine;

import static io.wasm08.core.errors.ClientErrorCode.INVALID_MISBEHAVIOUR;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * Misbehaviour: two headers for the same sequence signed over different data. Different signatures
 * alone are not enough (an ed25519 signature's encoding can vary), so the signed data must differ.
 */
public record SoloMachineMisbehaviour(SoloMachineHeader header1, SoloMachineHeader header2) {
  public SoloMachineMisbehaviour {
    Objects.requireNonNull(header1, "header1");
    Objects.requireNonNull(header2, "header2");
    if (header1.sequence() != header2.sequence()) {
      throw INVALID_MISBEHAVIOUR.wrap(
          "misbehaviour headers must have the same sequence, got "
              + Long.toUnsignedString(header1.sequence())
              + " and "
              + Long.toUnsignedString(header2.sequence()));
    }
    if (header1.signsSameDataAs(header2)) {
      throw INVALID_MISBEHAVIOUR.wrap("misbehaviour headers must sign different data");
    }
  }

  /**
   * The 08-wasm {@code ClientMessage.data}: {@code
   * {"misbehaviour":{"header_1":{…},"header_2":{…}}}}.
   */
  public Bytes toClientMessageData() {
    return SoloMachineJson.write(
        json -> {
          json.writeStartObject();
          json.writeFieldName("misbehaviour");
          json.writeStartObject();
          json.writeFieldName("header_1");
          header1.writeJson(json);
          json.writeFieldName("header_2");
          header2.writeJson(json);
          json.writeEndObject();
          json.writeEndObject();
        });
  }
}
