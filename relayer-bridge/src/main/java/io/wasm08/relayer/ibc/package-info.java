/**
 * 07-tendermint types for IBC clients of a CometBFT chain — client state, consensus state, header
 * and misbehaviour ({@code ibc.lightclients.tendermint.v1} protos of this module) — and {@link
 * io.wasm08.relayer.ibc.TendermintHeaderBuilder}, which turns verified light blocks into update
 * headers (for an 08-wasm client: the {@code data} of a {@code ClientMessage}, as {@code
 * Any(Header)}).
 */
package io.wasm08.relayer.ibc;
