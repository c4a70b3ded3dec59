package io.wasm08.store.rootmulti;

import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;

/**
 * A proven read of one store at one version, as {@code abci_query} with {@code prove=true} answers
 * it: the value ({@code null} when absent) and the {@link MerkleProof} {@code [store proof,
 * multistore proof]} (an IAVL existence or non-existence proof, then the simple-Merkle existence
 * proof of the store's root) that ibc-go verifies against the app hash of {@code version} under the
 * key path {@code [storeName, key]}. The app hash of version H is committed in the header of block
 * H+1, so IBC proof height = {@code version + 1}.
 */
public record ProvenQuery(Bytes value, long version, MerkleProof proof) {}
