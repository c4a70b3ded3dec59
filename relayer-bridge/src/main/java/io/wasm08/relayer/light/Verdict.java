package io.wasm08.relayer.light;

/**
 * The outcome of verifying one light block (tendermint-rs {@code Verdict}): valid and trusted;
 * valid but signed by too little of the trusted validators' power to skip to it (bisection may
 * still reach it); or invalid.
 */
public sealed interface Verdict {
  Success SUCCESS = new Success();

  record Success() implements Verdict {}

  record NotEnoughTrust(VotingPowerTally tally) implements Verdict {}

  record Invalid(VerificationError error) implements Verdict {}

  default boolean isSuccess() {
    return this instanceof Success;
  }

  /** A readable description for logs and error details. */
  default String describe() {
    return switch (this) {
      case Success s -> "success";
      case NotEnoughTrust n ->
          "not enough trust because insufficient validators overlap: " + n.tally();
      case Invalid i -> i.error().message();
    };
  }
}
