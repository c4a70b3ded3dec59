package io.wasm08.client;

import cosmos.upgrade.v1beta1.Upgrade.Plan;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import java.util.Optional;

/**
 * The x/upgrade functions 02-client uses ({@code types.UpgradeKeeper}): the scheduled plan and the
 * upgraded client/consensus states committed for the next chain version. A chain without x/upgrade
 * uses {@link #NONE}.
 */
public interface UpgradeKeeper {
  Optional<Plan> getUpgradePlan(BlockContext ctx);

  Optional<Bytes> getUpgradedClient(BlockContext ctx, long planHeight);

  Optional<Bytes> getUpgradedConsensusState(BlockContext ctx, long planHeight);

  void setUpgradedClient(BlockContext ctx, long planHeight, Bytes clientState);

  void setUpgradedConsensusState(BlockContext ctx, long planHeight, Bytes consensusState);

  void scheduleUpgrade(BlockContext ctx, Plan plan);

  /** No x/upgrade: nothing is scheduled, and scheduling is not supported. */
  UpgradeKeeper NONE =
      new UpgradeKeeper() {
        @Override
        public Optional<Plan> getUpgradePlan(BlockContext ctx) {
          return Optional.empty();
        }

        @Override
        public Optional<Bytes> getUpgradedClient(BlockContext ctx, long planHeight) {
          return Optional.empty();
        }

        @Override
        public Optional<Bytes> getUpgradedConsensusState(BlockContext ctx, long planHeight) {
          return Optional.empty();
        }

        @Override
        public void setUpgradedClient(BlockContext ctx, long planHeight, Bytes clientState) {
          throw unsupported();
        }

        @Override
        public void setUpgradedConsensusState(
            BlockContext ctx, long planHeight, Bytes consensusState) {
          throw unsupported();
        }

        @Override
        public void scheduleUpgrade(BlockContext ctx, Plan plan) {
          throw unsupported();
        }

        private IbcException unsupported() {
          return SdkErrorCode.NOT_SUPPORTED.wrap("this chain has no x/upgrade module");
        }
      };
}
