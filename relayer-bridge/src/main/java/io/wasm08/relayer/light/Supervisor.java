package io.wasm08.relayer.light;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.LightBlock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verification against a primary cross-checked with witnesses (the detector of CometBFT's {@code
 * light/detector.go} and tendermint-rs' supervisor): after the primary's block verifies, each
 * witness is asked for the same height. A matching hash confirms it. A different block is examined
 * by verifying it from the same trusted root through that witness: if it verifies, two valid
 * conflicting blocks exist — a light-client attack (or fork), reported with both blocks; if it does
 * not, the witness is faulty. Without at least one confirming witness nothing is trusted.
 */
public final class Supervisor {
  private final LightClient primary;
  private final List<LightBlockProvider> witnesses;
  private final LightVerifier verifier;
  private final InstantSource clock;

  public Supervisor(
      LightClient primary,
      List<LightBlockProvider> witnesses,
      LightVerifier verifier,
      InstantSource clock) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.witnesses = List.copyOf(witnesses);
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies {@code targetHeight} through the primary, then cross-checks it; on success the block
   * is stored as {@link LightBlockStatus#TRUSTED}.
   *
   * @throws LightClientException with {@link LightClientError.LightClientAttack} or {@link
   *     LightClientError.NoWitnessAgreed} when the cross-check fails (the primary's unconfirmed
   *     blocks are then dropped from the store), or any error of the primary's verification
   */
  public LightBlock verifyToTarget(long targetHeight, LightStore store) {
    LightBlock root =
        store
            .highestTrustedOrVerifiedBefore(targetHeight)
            .or(store::lowestTrustedOrVerified)
            .orElseThrow(
                () -> new LightClientException(new LightClientError.NoInitialTrustedState()));
    LightBlock verified = primary.verifyToTarget(targetHeight, store);
    if (verified.height() == root.height()) {
      return verified; // already trusted or verified before: nothing new to cross-check
    }
    LightClientError divergence = crossCheck(verified, root);
    if (divergence != null) {
      store.forgetUntrustedAbove(root.height());
      throw new LightClientException(divergence);
    }
    store.put(verified, LightBlockStatus.TRUSTED);
    return verified;
  }

  /** Null when a witness confirmed {@code verified}, otherwise why trusting it is unsafe. */
  private LightClientError crossCheck(LightBlock verified, LightBlock root) {
    List<String> faulty = new ArrayList<>();
    List<String> unresponsive = new ArrayList<>();
    boolean confirmed = false;
    for (LightBlockProvider witness : witnesses) {
      LightBlock theirs;
      try {
        theirs = witness.lightBlock(verified.height());
      } catch (Wasm08Exception e) {
        if (isTransient(e)) {
          unresponsive.add(witness.id());
        } else {
          faulty.add(witness.id());
        }
        continue;
      }
      if (verifier
          .encoding()
          .headerHash(theirs.header())
          .equals(verifier.encoding().headerHash(verified.header()))) {
        confirmed = true;
        continue;
      }
      // A conflicting block: does it verify from our trusted root through this witness?
      LightClient examiner = new LightClient(primary.options(), verifier, witness, clock);
      try {
        LightBlock witnessVerified =
            examiner.verifyToTarget(verified.height(), LightStore.trusting(root));
        return new LightClientError.LightClientAttack(
            verified, witnessVerified, witness.id(), root.height());
      } catch (Wasm08Exception e) {
        faulty.add(witness.id());
      }
    }
    return confirmed
        ? null
        : new LightClientError.NoWitnessAgreed(verified.height(), faulty, unresponsive);
  }

  private static boolean isTransient(Wasm08Exception e) {
    return e.is(RelayerErrorCode.RPC_TRANSPORT)
        || e.is(RelayerErrorCode.RPC_TIMEOUT)
        || e.is(RelayerErrorCode.RPC_HTTP_STATUS);
  }
}
