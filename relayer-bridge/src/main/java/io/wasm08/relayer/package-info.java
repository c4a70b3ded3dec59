/**
 * The relayer bridge: follows a CometBFT chain over RPC ({@link io.wasm08.relayer.rpc}), verifies
 * every light block before using it ({@link io.wasm08.relayer.light}), and turns verified blocks
 * and proofs into what an IBC client on our node consumes. Tendermint's own types, hashing and sign
 * bytes live in {@link io.wasm08.relayer.tendermint}.
 */
package io.wasm08.relayer;
