package io.wasm08.relayer.tendermint;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.wasm08.common.Bytes;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A CometBFT block header ({@code tendermint.types.Header}). */
public record Header(
    ConsensusVersion version,
    String chainId,
    long height,
    Instant time,
    BlockId lastBlockId,
    Bytes lastCommitHash,
    Bytes dataHash,
    Bytes validatorsHash,
    Bytes nextValidatorsHash,
    Bytes consensusHash,
    Bytes appHash,
    Bytes lastResultsHash,
    Bytes evidenceHash,
    Bytes proposerAddress) {

  public Header {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(lastBlockId, "lastBlockId");
    Objects.requireNonNull(lastCommitHash, "lastCommitHash");
    Objects.requireNonNull(dataHash, "dataHash");
    Objects.requireNonNull(validatorsHash, "validatorsHash");
    Objects.requireNonNull(nextValidatorsHash, "nextValidatorsHash");
    Objects.requireNonNull(consensusHash, "consensusHash");
    Objects.requireNonNull(appHash, "appHash");
    Objects.requireNonNull(lastResultsHash, "lastResultsHash");
    Objects.requireNonNull(evidenceHash, "evidenceHash");
    Objects.requireNonNull(proposerAddress, "proposerAddress");
    if (height <= 0) {
      throw new IllegalArgumentException("header height must be positive, got " + height);
    }
  }

  /**
   * CometBFT's {@code Header.Hash()}: the simple Merkle root of the 14 fields in order, each
   * proto-encoded — the version, time and last block id as their messages, scalars in the
   * well-known wrappers ({@code StringValue}, {@code Int64Value}, {@code BytesValue}; empty values
   * encode to nothing).
   */
  public Bytes hash() {
    return SimpleMerkle.hashFromByteSlices(
        List.of(
            wrap(TendermintProtos.toProto(version).toByteArray()),
            wrap(StringValue.of(chainId).toByteArray()),
            wrap(Int64Value.of(height).toByteArray()),
            wrap(Timestamps.toProto(time).toByteArray()),
            wrap(TendermintProtos.toProto(lastBlockId).toByteArray()),
            bytesValue(lastCommitHash),
            bytesValue(dataHash),
            bytesValue(validatorsHash),
            bytesValue(nextValidatorsHash),
            bytesValue(consensusHash),
            bytesValue(appHash),
            bytesValue(lastResultsHash),
            bytesValue(evidenceHash),
            bytesValue(proposerAddress)));
  }

  private static Bytes bytesValue(Bytes value) {
    return wrap(BytesValue.of(ByteString.copyFrom(value.toByteArray())).toByteArray());
  }

  private static Bytes wrap(byte[] encoded) {
    return Bytes.wrapOwned(encoded);
  }
}
