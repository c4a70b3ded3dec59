package io.wasm08.relayer.rpc;

import io.wasm08.relayer.tendermint.SignedHeader;

/**
 * {@code /commit}: the signed header; {@code canonical} is false for the latest height, whose
 * commit is the node's own "seen" commit rather than the one recorded in the next block.
 */
public record CommitResponse(SignedHeader signedHeader, boolean canonical) {}
