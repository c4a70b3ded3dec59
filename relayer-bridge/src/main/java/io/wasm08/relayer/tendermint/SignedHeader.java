package io.wasm08.relayer.tendermint;

import java.util.Objects;

/** A header with the commit that signed it (the {@code /commit} RPC answer). */
public record SignedHeader(Header header, Commit commit) {

  public SignedHeader {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(commit, "commit");
    if (header.height() != commit.height()) {
      throw new IllegalArgumentException(
          "header height " + header.height() + " differs from commit height " + commit.height());
    }
  }

  public long height() {
    return header.height();
  }

  public String chainId() {
    return header.chainId();
  }
}
