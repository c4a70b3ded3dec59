package io.wasm08.proofs.commitment;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import java.util.Objects;

/** The store key a counterparty keeps its IBC state under: {@code "ibc"} on SDK chains. */
public record MerklePrefix(Bytes keyPrefix) {
  public MerklePrefix {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  public static MerklePrefix ofUtf8(String prefix) {
    return new MerklePrefix(Bytes.ofUtf8(prefix));
  }

  /** ibc-go {@code MerklePrefix.Empty}. */
  public boolean isEmpty() {
    return keyPrefix.isEmpty();
  }

  public ibc.core.commitment.v1.Commitment.MerklePrefix toProto() {
    return ibc.core.commitment.v1.Commitment.MerklePrefix.newBuilder()
        .setKeyPrefix(ByteString.copyFrom(keyPrefix.asReadOnlyByteBuffer()))
        .build();
  }

  public static MerklePrefix fromProto(ibc.core.commitment.v1.Commitment.MerklePrefix proto) {
    return new MerklePrefix(Bytes.wrapOwned(proto.getKeyPrefix().toByteArray()));
  }
}
