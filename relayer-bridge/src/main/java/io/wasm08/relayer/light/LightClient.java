package io.wasm08.relayer.light;

import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.LightBlock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Forward verification with bisection against one provider (tendermint-rs {@code LightClient} with
 * the basic bisecting schedule): from the highest trusted block, try to skip straight to the
 * target; when the trusted validators do not hold enough of the target's signatures, try the
 * midpoint, and so on, until a chain of verified blocks reaches the target. Every block on the way
 * is fully verified; an invalid one aborts. Time comes from the injected clock, read once per step.
 */
public final class LightClient {
  private final VerifierOptions options;
  private final LightVerifier verifier;
  private final LightBlockProvider provider;
  private final InstantSource clock;

  public LightClient(
      VerifierOptions options,
      LightVerifier verifier,
      LightBlockProvider provider,
      InstantSource clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public LightBlockProvider provider() {
    return provider;
  }

  public VerifierOptions options() {
    return options;
  }

  /** Verifies the provider's latest block. */
  public LightBlock verifyToHighest(LightStore store) {
    return verifyToTarget(provider.latestLightBlock().height(), store);
  }

  /**
   * Returns a verified block at {@code targetHeight}, fetching and verifying what is needed;
   * verified blocks are kept in {@code store} (status {@link LightBlockStatus#VERIFIED}).
   *
   * @throws LightClientException when the target cannot be trusted
   */
  public LightBlock verifyToTarget(long targetHeight, LightStore store) {
    Optional<LightBlock> known = store.getTrustedOrVerified(targetHeight);
    if (known.isPresent()) {
      return known.get();
    }
    LightBlock highest =
        store
            .highestTrustedOrVerifiedBefore(targetHeight)
            .or(store::lowestTrustedOrVerified)
            .orElseThrow(() -> fail(new LightClientError.NoInitialTrustedState()));
    if (targetHeight < highest.height()) {
      throw fail(new LightClientError.TargetLowerThanTrustedState(targetHeight, highest.height()));
    }
    return verifyForward(targetHeight, store);
  }

  private LightBlock verifyForward(long target, LightStore store) {
    long current = target;
    while (true) {
      Instant now = clock.instant();
      LightBlock trusted =
          store
              .highestTrustedOrVerifiedBefore(target)
              .orElseThrow(() -> fail(new LightClientError.NoInitialTrustedState()));
      if (!isWithinTrustPeriod(trusted, now)) {
        throw fail(
            new LightClientError.TrustedStateOutsideTrustingPeriod(
                trusted.height(), trusted.time(), options.trustingPeriod(), now));
      }
      if (target == trusted.height()) {
        return trusted;
      }
      LightStore.Entry entry = getOrFetch(current, store);
      LightBlock block = entry.block();
      Verdict verdict =
          verifier.verifyUpdateHeader(
              UntrustedBlockState.of(block), TrustedBlockState.of(trusted), options, now);
      switch (verdict) {
        case Verdict.Success s ->
            store.put(
                block, LightBlockStatus.mostTrusted(LightBlockStatus.VERIFIED, entry.status()));
        case Verdict.Invalid invalid -> {
          store.put(block, LightBlockStatus.FAILED);
          throw fail(
              new LightClientError.InvalidLightBlock(
                  block.height(), block.provider(), invalid.error()));
        }
        case Verdict.NotEnoughTrust n -> store.put(block, LightBlockStatus.UNVERIFIED);
      }
      current = schedule(store, current, target);
    }
  }

  /** tendermint-rs {@code is_within_trust_period}: header time after {@code now - period}. */
  private boolean isWithinTrustPeriod(LightBlock block, Instant now) {
    try {
      return block.time().isAfter(now.minus(options.trustingPeriod()));
    } catch (DateTimeException | ArithmeticException e) {
      return false;
    }
  }

  private LightStore.Entry getOrFetch(long height, LightStore store) {
    Optional<LightStore.Entry> stored = store.getNonFailed(height);
    if (stored.isPresent()) {
      return stored.get();
    }
    LightBlock fetched = provider.lightBlock(height);
    if (fetched.height() != height) {
      throw RelayerErrorCode.RPC_INCONSISTENT_RESPONSE.wrap(
          provider.id() + " answered height " + fetched.height() + " for height " + height);
    }
    store.put(fetched, LightBlockStatus.UNVERIFIED);
    return new LightStore.Entry(fetched, LightBlockStatus.UNVERIFIED);
  }

  /** tendermint-rs' basic bisecting schedule. */
  static long schedule(LightStore store, long current, long target) {
    long trustedHeight =
        store.highestTrustedOrVerifiedBefore(target).map(LightBlock::height).orElseThrow();
    return trustedHeight == current ? target : midpoint(trustedHeight, current);
  }

  static long midpoint(long low, long high) {
    return low + (high + 1 - low) / 2;
  }

  private static LightClientException fail(LightClientError error) {
    return new LightClientException(error);
  }
}
