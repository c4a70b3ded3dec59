package io.wasm08.wasm.solomachine;

import static io.wasm08.core.errors.ClientErrorCode.INVALID_CLIENT;
import static io.wasm08.wasm.solomachine.SoloMachineErrorCode.INVALID_PROOF;
import static io.wasm08.wasm.solomachine.SoloMachineErrorCode.INVALID_SEQUENCE;

import io.wasm08.common.Bytes;
import java.util.Objects;

/**
 * The solo-machine client state the contract keeps: the sequence (its latest height, revision 0),
 * whether it is frozen, and its one consensus state. The {@code after…} methods compute what the
 * contract stores after a successful call, so callers can follow the client without reading it.
 *
 * @param sequence non-zero, unsigned; the client's latest height is {@code 0-sequence}
 * @param isFrozen set by misbehaviour
 * @param consensusState the current key, diversifier and timestamp
 */
public record SoloMachineClientState(
    long sequence, boolean isFrozen, SoloMachineConsensusState consensusState) {
  public SoloMachineClientState {
    Validation.nonZero(sequence, "sequence", INVALID_CLIENT);
    Objects.requireNonNull(consensusState, "consensusState");
  }

  /** A new client at sequence 1, as {@code MsgCreateClient} would carry it. */
  public static SoloMachineClientState initial(
      Bytes publicKey, String diversifier, long timestamp) {
    return new SoloMachineClientState(
        1, false, new SoloMachineConsensusState(publicKey, diversifier, timestamp));
  }

  /** The client's latest height {@code revision_height} (revision number 0). */
  public long latestHeight() {
    return sequence;
  }

  /**
   * The 08-wasm {@code ClientState.data}: {@code
   * {"sequence":N,"is_frozen":false,"consensus_state":{…}}}.
   */
  public Bytes toData() {
    return SoloMachineJson.write(
        json -> {
          json.writeStartObject();
          SoloMachineJson.u64(json, "sequence", sequence);
          json.writeBooleanField("is_frozen", isFrozen);
          json.writeFieldName("consensus_state");
          consensusState.writeJson(json);
          json.writeEndObject();
        });
  }

  /** The state after {@code update_state} with {@code header}: next sequence, the header's key. */
  public SoloMachineClientState afterHeader(SoloMachineHeader header) {
    if (header.sequence() != sequence) {
      throw INVALID_SEQUENCE.wrap(
          "header is for sequence "
              + Long.toUnsignedString(header.sequence())
              + ", the client is at sequence "
              + Long.toUnsignedString(sequence));
    }
    return new SoloMachineClientState(
        nextSequence(),
        false,
        new SoloMachineConsensusState(
            header.newPublicKey(), header.newDiversifier(), header.timestamp()));
  }

  /**
   * The state after a successful {@code verify_membership} / {@code verify_non_membership}: the
   * proof consumed the sequence and its timestamp became the consensus timestamp.
   */
  public SoloMachineClientState afterProof(SoloMachineProof proof) {
    if (Long.compareUnsigned(proof.timestamp(), consensusState.timestamp()) < 0) {
      throw INVALID_PROOF.wrap("proof timestamp is less than the consensus state timestamp");
    }
    return new SoloMachineClientState(
        nextSequence(),
        isFrozen,
        new SoloMachineConsensusState(
            consensusState.publicKey(), consensusState.diversifier(), proof.timestamp()));
  }

  /** The state after {@code update_state_on_misbehaviour}. */
  public SoloMachineClientState frozen() {
    return new SoloMachineClientState(sequence, true, consensusState);
  }

  private long nextSequence() {
    if (sequence == -1L) {
      throw INVALID_SEQUENCE.wrap("sequence overflow");
    }
    return sequence + 1;
  }
}
