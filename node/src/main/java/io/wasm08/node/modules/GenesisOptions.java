package io.wasm08.node.modules;

import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code wasm08 init} asks of the module genesis sections: balances, voters, gov periods. */
public record GenesisOptions(
    String denom,
    String votingPeriod,
    String expeditedVotingPeriod,
    String maxDepositPeriod,
    String minDeposit,
    Map<String, String> balances,
    Map<String, String> voters) {
  public GenesisOptions(
      String denom,
      String votingPeriod,
      String expeditedVotingPeriod,
      String maxDepositPeriod,
      String minDeposit) {
    this(
        denom,
        votingPeriod,
        expeditedVotingPeriod,
        maxDepositPeriod,
        minDeposit,
        new LinkedHashMap<>(),
        new LinkedHashMap<>());
  }
}
