package io.wasm08.relayer.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries of transient failures (transport errors, timeouts, HTTP 5xx/429): up to {@code
 * maxAttempts} attempts in all, waiting {@code initialBackoff × multiplier^(n-1)} (capped at {@code
 * maxBackoff}) before attempt n+1. Answers that are wrong rather than missing are never retried.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || multiplier < 1.0) {
      throw new IllegalArgumentException("backoffs must be non-negative and multiplier ≥ 1");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration backoffAfter(int attempt) {
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
    long capped = (long) Math.min(nanos, (double) maxBackoff.toNanos());
    return Duration.ofNanos(capped);
  }
}
