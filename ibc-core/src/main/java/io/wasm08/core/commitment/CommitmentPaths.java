package io.wasm08.core.commitment;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerklePrefix;
import io.wasm08.proofs.commitment.MerkleProofs;

/**
 * ICS-24 paths as commitment paths: an ICS-24 key under a counterparty's commitment prefix, as
 * ibc-go builds them with {@code ApplyPrefix(prefix, NewMerklePath(key))} before asking a client to
 * verify (non-)membership. The types are the {@code proofs} module's 23-commitment records.
 */
public final class CommitmentPaths {
  private CommitmentPaths() {}

  /** The prefix Cosmos SDK chains keep their IBC state under: the {@code "ibc"} store key. */
  public static final MerklePrefix SDK_PREFIX = MerklePrefix.ofUtf8("ibc");

  /** {@code ApplyPrefix(prefix, NewMerklePath(key))}: {@code [prefix, key]}. */
  public static MerklePath of(MerklePrefix prefix, Bytes ics24Key) {
    return MerkleProofs.applyPrefix(prefix, MerklePath.of(ics24Key));
  }

  /** The path of {@code clients/{clientId}/clientState} under {@code prefix}. */
  public static MerklePath clientState(MerklePrefix prefix, String clientId) {
    return of(prefix, ClientKeys.fullClientStateKey(clientId));
  }

  /** The path of {@code clients/{clientId}/consensusStates/{height}} under {@code prefix}. */
  public static MerklePath consensusState(MerklePrefix prefix, String clientId, Height height) {
    return of(prefix, ClientKeys.fullConsensusStateKey(clientId, height));
  }
}
