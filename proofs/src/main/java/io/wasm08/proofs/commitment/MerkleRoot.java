package io.wasm08.proofs.commitment;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import java.util.Objects;

/** The root proofs are verified against: for Cosmos SDK chains, a header's app hash. */
public record MerkleRoot(Bytes hash) {
  public MerkleRoot {
    Objects.requireNonNull(hash, "hash");
  }

  /** ibc-go {@code MerkleRoot.Empty}. */
  public boolean isEmpty() {
    return hash.isEmpty();
  }

  public ibc.core.commitment.v1.Commitment.MerkleRoot toProto() {
    return ibc.core.commitment.v1.Commitment.MerkleRoot.newBuilder()
        .setHash(ByteString.copyFrom(hash.asReadOnlyByteBuffer()))
        .build();
  }

  public static MerkleRoot fromProto(ibc.core.commitment.v1.Commitment.MerkleRoot proto) {
    return new MerkleRoot(Bytes.wrapOwned(proto.getHash().toByteArray()));
  }
}
