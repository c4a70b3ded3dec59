package io.wasm08.relayer.light;

/** How far a stored light block is trusted (tendermint-rs {@code Status}), least first. */
public enum LightBlockStatus {
  FAILED,
  UNVERIFIED,
  VERIFIED,
  TRUSTED;

  public static LightBlockStatus mostTrusted(LightBlockStatus a, LightBlockStatus b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  boolean isTrustedOrVerified() {
    return this == VERIFIED || this == TRUSTED;
  }
}
