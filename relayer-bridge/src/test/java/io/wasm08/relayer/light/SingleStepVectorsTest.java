package io.wasm08.relayer.light;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.relayer.rpc.JsonField;
import io.wasm08.relayer.rpc.TendermintJson;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.ValidatorSet;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tendermint-rs' TLA+-generated single-step vectors ({@code model_based/single_step}, 41 files),
 * run as its {@code model_based.rs} runs them: the trusted state is the initial signed header with
 * the initial next-validator set as both sets, trust threshold 1/3, clock drift 0, each input
 * verified at its own {@code now}; the input's sets re-sorted without proposer; a success becomes
 * the new trusted state. Every input's verdict must equal the file's.
 */
class SingleStepVectorsTest {
  private static final String DIR = "fixtures/tendermint-light-client/model_based/single_step";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LightVerifier VERIFIER = new LightVerifier();

  static Stream<Path> vectors() throws IOException {
    try (Stream<Path> files = Files.list(SharedFixtures.get().dir(DIR))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void allFortyOneVectorsArePresent() throws IOException {
    assertThat(vectors()).hasSize(41);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyInputGetsTheExpectedVerdict(Path file) {
    JsonField root = read(file);
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

    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (JsonField input : root.get("input").array()) {
      LightBlock raw = TendermintJson.lightBlock(input.get("block"), "primary");
      LightBlock block =
          new LightBlock(
              raw.signedHeader(),
              raw.validators().sortedWithoutProposer(),
              raw.nextValidators().sortedWithoutProposer(),
              raw.provider());
      Instant now = input.get("now").time();
      Verdict verdict =
          VERIFIER.verifyUpdateHeader(
              UntrustedBlockState.of(block), TrustedBlockState.of(trusted), options, now);
      expected.add(input.get("verdict").string());
      actual.add(label(verdict));
      if (verdict.isSuccess()) {
        trusted = block;
      }
    }
    assertThat(actual).as(root.get("description").string()).isEqualTo(expected);
  }

  private static String label(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Success s -> "SUCCESS";
      case Verdict.NotEnoughTrust n -> "NOT_ENOUGH_TRUST";
      case Verdict.Invalid i -> "INVALID";
    };
  }

  static JsonField read(Path file) {
    try {
      return JsonField.root(JSON.readTree(Files.readAllBytes(file)), file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
