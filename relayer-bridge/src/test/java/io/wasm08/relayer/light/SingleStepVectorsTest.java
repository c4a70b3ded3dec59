package io.wasm08.relayer.light;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.relayer.light.vectors.SingleStepVector;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tendermint-rs' TLA+-generated single-step vectors ({@code model_based/single_step}, 41 files),
 * run as its {@code model_based.rs} runs them ({@link SingleStepVector#run}): every input's verdict
 * must equal the file's.
 */
class SingleStepVectorsTest {
  private static final String DIR = "fixtures/tendermint-light-client/model_based/single_step";
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
    SingleStepVector vector = SingleStepVector.read(file);
    var outcomes = vector.run(VERIFIER);
    assertThat(outcomes.stream().map(SingleStepVector.StepOutcome::actual))
        .as(vector.description())
        .containsExactlyElementsOf(vector.steps().stream().map(s -> s.expected()).toList());
  }
}
