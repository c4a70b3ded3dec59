package io.wasm08.relayer.ibc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import ibc.core.commitment.v1.Commitment;
import ibc.lightclients.tendermint.v1.Tendermint;
import io.wasm08.common.Bytes;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * An 07-tendermint consensus state: the block time, the app hash as commitment root, and the next
 * validators' hash — what a client stores per height, and what the relayer reads back to pick a
 * trusted height for the next update.
 */
public record TendermintConsensusState(Instant timestamp, Bytes root, Bytes nextValidatorsHash) {
  public static final String TYPE_URL = "/ibc.lightclients.tendermint.v1.ConsensusState";

  public TendermintConsensusState {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(nextValidatorsHash, "nextValidatorsHash");
  }

  /** ibc-go {@code Header.ConsensusState()}: the state a verified block establishes. */
  public static TendermintConsensusState of(LightBlock block) {
    return new TendermintConsensusState(
        block.time(), block.header().appHash(), block.header().nextValidatorsHash());
  }

  public Tendermint.ConsensusState toProto() {
    return Tendermint.ConsensusState.newBuilder()
        .setTimestamp(Timestamps.toProto(timestamp))
        .setRoot(
            Commitment.MerkleRoot.newBuilder()
                .setHash(com.google.protobuf.ByteString.copyFrom(root.asReadOnlyByteBuffer())))
        .setNextValidatorsHash(
            com.google.protobuf.ByteString.copyFrom(nextValidatorsHash.asReadOnlyByteBuffer()))
        .build();
  }

  public Any toAny() {
    return Any.newBuilder().setTypeUrl(TYPE_URL).setValue(toProto().toByteString()).build();
  }

  public static TendermintConsensusState fromProto(Tendermint.ConsensusState proto) {
    return new TendermintConsensusState(
        Timestamps.fromProto(proto.getTimestamp()),
        Bytes.wrapOwned(proto.getRoot().getHash().toByteArray()),
        Bytes.wrapOwned(proto.getNextValidatorsHash().toByteArray()));
  }

  public static TendermintConsensusState fromBytes(Bytes bytes) {
    try {
      return fromProto(Tendermint.ConsensusState.parseFrom(bytes.asReadOnlyByteBuffer()));
    } catch (InvalidProtocolBufferException e) {
      throw RelayerErrorCode.INVALID_HEADER_INPUT.wrap("not an 07-tendermint consensus state", e);
    }
  }
}
