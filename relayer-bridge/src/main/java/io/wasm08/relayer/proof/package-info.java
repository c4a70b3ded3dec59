/**
 * Store proofs for IBC: {@code abci_query … prove=true} answers converted to ICS-23 {@code
 * MerkleProof}s ({@link io.wasm08.relayer.proof.ProofOpsConverter}) and checked against the app
 * hash of a verified header before use ({@link io.wasm08.relayer.proof.ProvenQuery}).
 */
package io.wasm08.relayer.proof;
