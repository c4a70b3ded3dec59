package io.wasm08.node.modules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.auth.AuthModule;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.tx.FeeHandler;
import java.time.Duration;
import java.util.List;

/**
 * The modules of the {@code wasm08} node, besides auth: ICS-02 with the gov module account as the
 * authority of its gated Msgs, and governance (x/gov v1, its bank and electorate).
 */
public final class Wasm08Modules implements NodeFactory.Modules {
  /** The gov module account, {@code sha256("gov")[:20]}: the authority of gated Msgs. */
  public static String govAuthority(AddressCodec codec) {
    return AccAddress.module("gov").toBech32(codec.bech32Prefix());
  }

  private final String denom;

  public Wasm08Modules() {
    this("stake");
  }

  public Wasm08Modules(String denom) {
    this.denom = denom;
  }

  @Override
  public List<NodeModule> create(NodeFactory.Setup setup) {
    String authority = govAuthority(setup.codec());
    IbcClientModule ibc = new IbcClientModule(authority);
    return List.of(
        ibc,
        new GovernanceModule(denom),
        new WasmNodeModule(ibc, authority, setup.dataDir(), setup.metrics()));
  }

  @Override
  public FeeHandler fees(List<NodeModule> modules) {
    return modules.stream()
        .filter(m -> m instanceof GovernanceModule)
        .map(m -> ((GovernanceModule) m).fees())
        .findFirst()
        .orElse(FeeHandler.ZERO_ONLY);
  }

  @Override
  public List<AuthModule.ModuleAccountSpec> moduleAccounts() {
    return List.of(new AuthModule.ModuleAccountSpec("gov", List.of("burner")));
  }

  /**
   * Applies {@code wasm08 init}'s options to the default sections: balances (bank), voters
   * (electorate), gov periods and min deposit.
   */
  public static void customizeGenesis(ObjectNode appState, GenesisOptions options, String prefix) {
    if (appState.get("bank") instanceof ObjectNode bank) {
      ArrayNode balances = bank.putArray("balances");
      options
          .balances()
          .forEach(
              (address, coins) -> {
                ObjectNode b = balances.addObject();
                b.put("address", address);
                coinsJson(b.putArray("coins"), coins);
              });
    }
    if (appState.get("electorate") instanceof ObjectNode electorate) {
      ArrayNode voters = electorate.putArray("voters");
      options
          .voters()
          .forEach(
              (address, power) -> voters.addObject().put("address", address).put("power", power));
    }
    if (appState.get("gov") instanceof ObjectNode gov
        && gov.get("params") instanceof ObjectNode p) {
      if (options.votingPeriod() != null) {
        p.put("voting_period", protoDuration(options.votingPeriod()));
      }
      if (options.expeditedVotingPeriod() != null) {
        p.put("expedited_voting_period", protoDuration(options.expeditedVotingPeriod()));
      } else if (options.votingPeriod() != null) {
        // It must stay strictly shorter than the regular one: half, as upstream's defaults
        // (24h/48h).
        p.put(
            "expedited_voting_period",
            protoDuration(Duration.parse(options.votingPeriod()).dividedBy(2).toString()));
      }
      if (options.maxDepositPeriod() != null) {
        p.put("max_deposit_period", protoDuration(options.maxDepositPeriod()));
      }
      if (options.minDeposit() != null) {
        coinsJson(p.putArray("min_deposit"), options.minDeposit());
        // The expedited min deposit must stay above the regular one: 5 × as upstream's default.
        ArrayNode expedited = p.putArray("expedited_min_deposit");
        for (var c : CoinText.parse(options.minDeposit()).toProto()) {
          expedited
              .addObject()
              .put("denom", c.getDenom())
              .put(
                  "amount",
                  new java.math.BigInteger(c.getAmount())
                      .multiply(java.math.BigInteger.valueOf(5))
                      .toString());
        }
      }
    }
  }

  private static void coinsJson(ArrayNode arr, String coins) {
    for (var c : CoinText.parse(coins).toProto()) {
      arr.addObject().put("denom", c.getDenom()).put("amount", c.getAmount());
    }
  }

  /** protobuf JSON of a Duration: {@code "30s"}, {@code "0.500000000s"}. */
  static String protoDuration(String iso) {
    Duration d = Duration.parse(iso);
    return d.getNano() == 0
        ? d.getSeconds() + "s"
        : String.format("%d.%09ds", d.getSeconds(), d.getNano());
  }
}
