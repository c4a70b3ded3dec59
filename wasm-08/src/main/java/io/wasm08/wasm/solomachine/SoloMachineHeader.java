package io.wasm08.wasm.solomachine;

import static io.wasm08.wasm.solomachine.SoloMachineErrorCode.INVALID_HEADER;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wasm08.common.Bytes;
import java.io.IOException;

/**
 * A header: the solo machine's signature, for {@code sequence}, over its next key and diversifier
 * (see {@link SoloMachineSignBytes#header}). Applied, it moves the client to {@code sequence + 1}.
 *
 * @param sequence the client's sequence the header is for (non-zero, unsigned)
 * @param timestamp ns, non-zero, unsigned; not before the consensus timestamp
 * @param newPublicKey the 32-byte ed25519 key that signs from then on
 * @param newDiversifier the diversifier from then on
 * @param signature the 64-byte ed25519 signature by the current key
 */
public record SoloMachineHeader(
    long sequence, long timestamp, Bytes newPublicKey, String newDiversifier, Bytes signature) {
  public SoloMachineHeader {
    Validation.nonZero(sequence, "sequence", INVALID_HEADER);
    Validation.nonZero(timestamp, "timestamp", INVALID_HEADER);
    Validation.length(newPublicKey, Validation.PUBLIC_KEY_LENGTH, "new_public_key", INVALID_HEADER);
    Validation.diversifier(newDiversifier, "new_diversifier", INVALID_HEADER);
    Validation.length(signature, Validation.SIGNATURE_LENGTH, "signature", INVALID_HEADER);
  }

  /** The 08-wasm {@code ClientMessage.data}: {@code {"header":{…}}}. */
  public Bytes toClientMessageData() {
    return SoloMachineJson.write(
        json -> {
          json.writeStartObject();
          json.writeFieldName("header");
          writeJson(json);
          json.writeEndObject();
        });
  }

  /** Whether both headers sign the same data (timestamp, new key, new diversifier). */
  boolean signsSameDataAs(SoloMachineHeader other) {
    return timestamp == other.timestamp
        && newPublicKey.equals(other.newPublicKey)
        && newDiversifier.equals(other.newDiversifier);
  }

  void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    SoloMachineJson.u64(json, "sequence", sequence);
    SoloMachineJson.u64(json, "timestamp", timestamp);
    SoloMachineJson.bytes(json, "new_public_key", newPublicKey);
    json.writeStringField("new_diversifier", newDiversifier);
    SoloMachineJson.bytes(json, "signature", signature);
    json.writeEndObject();
  }
}
