package io.wasm08.client;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.context.BlockContext;
import io.wasm08.proofs.commitment.MerklePath;
import java.util.List;

/**
 * ibc-go's {@code exported.LightClientModule}: what core IBC asks of a light-client implementation
 * (08-wasm, or a test double). Each client keeps its state in its own prefix store, {@code
 * clients/{clientId}/}, obtained from the {@link ClientStoreProvider}. Failures are thrown as
 * {@link io.wasm08.core.errors.IbcException}s; the keeper discards every write of a failed call.
 */
public interface LightClientModule {

  /**
   * Validates the initial client and consensus states (the {@code Any} values, not the Anys) and
   * writes the client state, the initial consensus state and any metadata.
   */
  void initialize(BlockContext ctx, String clientId, Bytes clientState, Bytes consensusState);

  /** Verifies a header, batch or misbehaviour; later calls trust what passed here. */
  void verifyClientMessage(BlockContext ctx, String clientId, ClientMessage clientMessage);

  /** True when the (verified) message proves misbehaviour. */
  boolean checkForMisbehaviour(BlockContext ctx, String clientId, ClientMessage clientMessage);

  /** Freezes (or otherwise updates) the client after misbehaviour. */
  void updateStateOnMisbehaviour(BlockContext ctx, String clientId, ClientMessage clientMessage);

  /** Stores the new client and consensus states; returns the consensus heights written. */
  List<Height> updateState(BlockContext ctx, String clientId, ClientMessage clientMessage);

  /**
   * Verifies that {@code value} is stored at {@code path} on the counterparty at {@code height}.
   */
  void verifyMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path,
      Bytes value);

  /** Verifies that nothing is stored at {@code path} on the counterparty at {@code height}. */
  void verifyNonMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path);

  Status status(BlockContext ctx, String clientId);

  /** The latest height; the zero height when the client does not exist. */
  Height latestHeight(BlockContext ctx, String clientId);

  /** The timestamp (ns since epoch) of the consensus state at {@code height}. */
  long timestampAtHeight(BlockContext ctx, String clientId, Height height);

  /** Replaces the subject client's state with the substitute's, as the client type allows. */
  void recoverClient(BlockContext ctx, String clientId, String substituteClientId);

  /**
   * Verifies that the counterparty committed to the upgraded client and consensus states (the
   * {@code Any} values) and stores them.
   */
  void verifyUpgradeAndUpdateState(
      BlockContext ctx,
      String clientId,
      Bytes newClient,
      Bytes newConsensusState,
      Bytes upgradeClientProof,
      Bytes upgradeConsensusStateProof);
}
