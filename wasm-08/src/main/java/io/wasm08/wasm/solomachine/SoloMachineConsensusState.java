package io.wasm08.wasm.solomachine;

import static io.wasm08.core.errors.ClientErrorCode.INVALID_CONSENSUS;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wasm08.common.Bytes;
import java.io.IOException;

/**
 * The solo machine's consensus state: its ed25519 public key, its diversifier and the timestamp
 * (ns, an unsigned 64-bit value) of the last statement it signed.
 *
 * @param publicKey 32-byte ed25519 public key
 * @param diversifier printable ASCII, at most 128 bytes, not only spaces
 * @param timestamp non-zero, unsigned
 */
public record SoloMachineConsensusState(Bytes publicKey, String diversifier, long timestamp) {
  public SoloMachineConsensusState {
    Validation.length(publicKey, Validation.PUBLIC_KEY_LENGTH, "public_key", INVALID_CONSENSUS);
    Validation.diversifier(diversifier, "diversifier", INVALID_CONSENSUS);
    Validation.nonZero(timestamp, "timestamp", INVALID_CONSENSUS);
  }

  /**
   * The 08-wasm {@code ConsensusState.data}: {@code
   * {"public_key":"<base64>","diversifier":"…","timestamp":N}}.
   */
  public Bytes toData() {
    return SoloMachineJson.write(this::writeJson);
  }

  void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    SoloMachineJson.bytes(json, "public_key", publicKey);
    json.writeStringField("diversifier", diversifier);
    SoloMachineJson.u64(json, "timestamp", timestamp);
    json.writeEndObject();
  }
}
