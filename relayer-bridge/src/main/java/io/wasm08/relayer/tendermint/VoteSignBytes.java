package io.wasm08.relayer.tendermint;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.wasm08.common.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import tendermint.types.Canonical.CanonicalBlockID;
import tendermint.types.Canonical.CanonicalPartSetHeader;
import tendermint.types.Canonical.CanonicalVote;
import tendermint.types.Types.SignedMsgType;

/**
 * CometBFT's {@code VoteSignBytes}: the length-delimited proto encoding of a {@code CanonicalVote}
 * (height and round as sfixed64, the block id omitted for a nil vote, the timestamp always present,
 * the chain id last).
 */
public final class VoteSignBytes {
  private VoteSignBytes() {}

  public static Bytes precommit(
      String chainId, long height, int round, BlockId blockId, Instant timestamp) {
    return of(SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT, chainId, height, round, blockId, timestamp);
  }

  public static Bytes of(
      SignedMsgType type,
      String chainId,
      long height,
      int round,
      BlockId blockId,
      Instant timestamp) {
    CanonicalVote.Builder vote =
        CanonicalVote.newBuilder()
            .setType(type)
            .setHeight(height)
            .setRound(round)
            .setTimestamp(Timestamps.toProto(timestamp))
            .setChainId(chainId);
    if (!blockId.isZero()) {
      vote.setBlockId(canonical(blockId));
    }
    return delimited(vote.build().toByteArray());
  }

  static CanonicalBlockID canonical(BlockId blockId) {
    return CanonicalBlockID.newBuilder()
        .setHash(ByteString.copyFrom(blockId.hash().toByteArray()))
        .setPartSetHeader(
            CanonicalPartSetHeader.newBuilder()
                .setTotal((int) blockId.partSetHeader().total())
                .setHash(ByteString.copyFrom(blockId.partSetHeader().hash().toByteArray())))
        .build();
  }

  private static Bytes delimited(byte[] message) {
    byte[] out =
        new byte[CodedOutputStream.computeUInt32SizeNoTag(message.length) + message.length];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      stream.writeUInt32NoTag(message.length);
      stream.writeRawBytes(message);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding into an exactly sized array cannot fail", e);
    }
    return Bytes.wrapOwned(out);
  }
}
