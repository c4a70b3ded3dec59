package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.util.Objects;

/**
 * The messages of the contract's {@code sudo} entry point ({@code types.SudoMsg}). Byte fields that
 * Go holds as nil (absent in the protobuf they came from) are {@code null} here and encode as JSON
 * {@code null}.
 */
public sealed interface SudoMsg {
  /** {@code {"update_state":{"client_message":…}}}. */
  record UpdateState(Bytes clientMessage) implements SudoMsg {}

  /** {@code {"update_state_on_misbehaviour":{"client_message":…}}}. */
  record UpdateStateOnMisbehaviour(Bytes clientMessage) implements SudoMsg {}

  /**
   * {@code {"verify_upgrade_and_update_state":{…}}}: the current API sends the {@code data} of the
   * new states; G1 sent the wrapped states.
   */
  record VerifyUpgradeAndUpdateState(
      WasmClientState upgradeClientState,
      WasmConsensusState upgradeConsensusState,
      Bytes proofUpgradeClient,
      Bytes proofUpgradeConsensusState)
      implements SudoMsg {
    public VerifyUpgradeAndUpdateState {
      Objects.requireNonNull(upgradeClientState, "upgradeClientState");
      Objects.requireNonNull(upgradeConsensusState, "upgradeConsensusState");
    }
  }

  /** {@code {"verify_membership":{height, delays, proof, merkle_path, value}}}. */
  record VerifyMembership(
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path,
      Bytes value)
      implements SudoMsg {
    public VerifyMembership {
      Objects.requireNonNull(height, "height");
      Objects.requireNonNull(path, "path");
    }
  }

  /** {@code {"verify_non_membership":{height, delays, proof, merkle_path}}}. */
  record VerifyNonMembership(
      Height height, long delayTimePeriod, long delayBlockPeriod, Bytes proof, MerklePath path)
      implements SudoMsg {
    public VerifyNonMembership {
      Objects.requireNonNull(height, "height");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * {@code {"migrate_client_store":{}}} (G1: {@code check_substitute_and_update_state}), run on the
   * recovery store.
   */
  record MigrateClientStore() implements SudoMsg {}
}
