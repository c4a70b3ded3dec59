/**
 * Tendermint/CometBFT data types as records (header, commit, validator set, light block), their
 * protobuf conversions ({@code tendermint.*} protos of this module), and the consensus encodings:
 * header hash, validator-set hash, vote sign bytes, simple Merkle trees; signature checks.
 */
package io.wasm08.relayer.tendermint;
