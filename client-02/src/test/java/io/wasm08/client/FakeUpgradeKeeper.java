package io.wasm08.client;

import cosmos.upgrade.v1beta1.Upgrade.Plan;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory x/upgrade for the upgrade queries and IBCSoftwareUpgrade. */
public final class FakeUpgradeKeeper implements UpgradeKeeper {
  public Plan plan;
  public final Map<Long, Bytes> upgradedClients = new HashMap<>();
  public final Map<Long, Bytes> upgradedConsensusStates = new HashMap<>();

  @Override
  public Optional<Plan> getUpgradePlan(BlockContext ctx) {
    return Optional.ofNullable(plan);
  }

  @Override
  public Optional<Bytes> getUpgradedClient(BlockContext ctx, long planHeight) {
    return Optional.ofNullable(upgradedClients.get(planHeight));
  }

  @Override
  public Optional<Bytes> getUpgradedConsensusState(BlockContext ctx, long planHeight) {
    return Optional.ofNullable(upgradedConsensusStates.get(planHeight));
  }

  @Override
  public void setUpgradedClient(BlockContext ctx, long planHeight, Bytes clientState) {
    upgradedClients.put(planHeight, clientState);
  }

  @Override
  public void setUpgradedConsensusState(BlockContext ctx, long planHeight, Bytes consensusState) {
    upgradedConsensusStates.put(planHeight, consensusState);
  }

  @Override
  public void scheduleUpgrade(BlockContext ctx, Plan newPlan) {
    plan = newPlan;
  }
}
