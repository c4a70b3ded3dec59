package io.wasm08.relayer.light;

/** Voting power counted against a threshold (tendermint-rs {@code VotingPowerTally}). */
public record VotingPowerTally(long total, long tallied, TrustThreshold trustThreshold) {

  public boolean isEnough() {
    return trustThreshold.isEnoughPower(tallied, total);
  }

  VotingPowerTally plus(long power) {
    return new VotingPowerTally(total, tallied + power, trustThreshold);
  }

  @Override
  public String toString() {
    return "VotingPower(total="
        + total
        + " tallied="
        + tallied
        + " trust_threshold="
        + trustThreshold
        + ")";
  }
}
