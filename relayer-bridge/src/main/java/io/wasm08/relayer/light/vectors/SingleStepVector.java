package io.wasm08.relayer.light.vectors;

import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightVerifier;
import io.wasm08.relayer.light.TrustThreshold;
import io.wasm08.relayer.light.TrustedBlockState;
import io.wasm08.relayer.light.UntrustedBlockState;
import io.wasm08.relayer.light.Verdict;
import io.wasm08.relayer.light.VerifierOptions;
import io.wasm08.relayer.rpc.JsonField;
import io.wasm08.relayer.rpc.TendermintJson;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tendermint-rs TLA+-generated single-step vector ({@code model_based/single_step/*.json},
 * reference light-clients-and-rpc.md §3.1), run as tendermint-rs' {@code model_based.rs} runs it:
 * the trusted state is the initial signed header with the initial next-validator set as both sets,
 * trust threshold 1/3, clock drift 0, each input verified at its own {@code now}, a success
 * becoming the new trusted state.
 */
public record SingleStepVector(
    String name,
    String description,
    LightBlock initial,
    VerifierOptions options,
    List<Step> steps) {

  /** The verdict labels of the vector files. */
  public static final Set<String> VERDICTS = Set.of("SUCCESS", "NOT_ENOUGH_TRUST", "INVALID");

  /** One input block, the time it is verified at and the verdict the file expects. */
  public record Step(LightBlock block, Instant now, String expected) {}

  /** What verifying one step gave, next to what the file expects. */
  public record StepOutcome(String expected, Verdict verdict) {
    public String actual() {
      return label(verdict);
    }

    public boolean matches() {
      return expected.equals(actual());
    }
  }

  public SingleStepVector {
    steps = List.copyOf(steps);
  }

  /** Reads a single-step vector file. */
  public static SingleStepVector read(Path file) {
    JsonField root = VectorFiles.read(file);
    JsonField initial = root.get("initial");
    ValidatorSet initialNext = TendermintJson.validatorSet(initial.get("next_validator_set"));
    LightBlock trusted =
        new LightBlock(
            TendermintJson.signedHeader(initial.get("signed_header")),
            initialNext,
            initialNext,
            "initial");
    VerifierOptions options =
        new VerifierOptions(
            TrustThreshold.ONE_THIRD,
            Duration.ofNanos(initial.get("trusting_period").int64()),
            Duration.ZERO);
    List<Step> steps = new ArrayList<>();
    for (JsonField input : root.get("input").array()) {
      String verdict = input.get("verdict").string();
      if (!VERDICTS.contains(verdict)) {
        throw RelayerErrorCode.INVALID_VECTOR_FILE.wrap(
            input.path() + ".verdict: unknown verdict \"" + verdict + "\"");
      }
      steps.add(
          new Step(
              VectorFiles.lightBlock(input.get("block"), "primary"),
              input.get("now").time(),
              verdict));
    }
    if (steps.isEmpty()) {
      throw RelayerErrorCode.INVALID_VECTOR_FILE.wrap(file + ": no input steps");
    }
    String description = root.opt("description").map(JsonField::string).orElse("");
    return new SingleStepVector(
        file.getFileName().toString(), description, trusted, options, steps);
  }

  /** Verifies every step in order with {@code verifier}; one outcome per step. */
  public List<StepOutcome> run(LightVerifier verifier) {
    LightBlock trusted = initial;
    List<StepOutcome> outcomes = new ArrayList<>();
    for (Step step : steps) {
      Verdict verdict =
          verifier.verifyUpdateHeader(
              UntrustedBlockState.of(step.block()),
              TrustedBlockState.of(trusted),
              options,
              step.now());
      outcomes.add(new StepOutcome(step.expected(), verdict));
      if (verdict.isSuccess()) {
        trusted = step.block();
      }
    }
    return outcomes;
  }

  /** The file's label of a verdict. */
  public static String label(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Success s -> "SUCCESS";
      case Verdict.NotEnoughTrust n -> "NOT_ENOUGH_TRUST";
      case Verdict.Invalid i -> "INVALID";
    };
  }
}
