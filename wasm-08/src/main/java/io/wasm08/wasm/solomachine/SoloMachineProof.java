package io.wasm08.wasm.solomachine;

import static io.wasm08.wasm.solomachine.SoloMachineErrorCode.INVALID_PROOF;

import io.wasm08.common.Bytes;

/**
 * A (non-)membership proof: the solo machine's signature over (sequence, timestamp, diversifier,
 * path, value) — see {@link SoloMachineSignBytes#membership}. Single-use: verifying it consumes the
 * sequence.
 *
 * @param timestamp ns, non-zero, unsigned; not before the consensus timestamp
 * @param signature the 64-byte ed25519 signature
 */
public record SoloMachineProof(long timestamp, Bytes signature) {
  public SoloMachineProof {
    Validation.nonZero(timestamp, "timestamp", INVALID_PROOF);
    Validation.length(signature, Validation.SIGNATURE_LENGTH, "signature", INVALID_PROOF);
  }

  /**
   * The {@code proof} bytes of 08-wasm's {@code verify_membership} / {@code verify_non_membership}:
   * {@code {"timestamp":N,"signature":"<base64>"}}.
   */
  public Bytes toProofBytes() {
    return SoloMachineJson.write(
        json -> {
          json.writeStartObject();
          SoloMachineJson.u64(json, "timestamp", timestamp);
          SoloMachineJson.bytes(json, "signature", signature);
          json.writeEndObject();
        });
  }
}
