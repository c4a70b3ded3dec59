package io.wasm08.gov.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proposal metadata read as Go's {@code json.Unmarshal(metadata, &govtypes.ProposalMetadata{})}
 * does; expected results follow the encoding/json documentation (case-insensitive keys with Go's
 * folding, null leaves fields unset, type mismatches and trailing data are errors), by hand.
 */
class ProposalMetadataTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "{\"title\":\"t\",\"summary\":\"s\"}", Optional.of(new ProposalMetadata("t", "s"))),
        Arguments.of(
            "{\"Title\":\"t\",\"SUMMARY\":\"s\",\"details\":\"d\"}",
            Optional.of(new ProposalMetadata("t", "s"))),
        // LONG S folds to S in Go, so it matches "summary".
        Arguments.of("{\"\u017Fummary\":\"s\"}", Optional.of(new ProposalMetadata("", "s"))),
        Arguments.of("null", Optional.of(new ProposalMetadata("", ""))),
        Arguments.of(" {} ", Optional.of(new ProposalMetadata("", ""))),
        Arguments.of(
            "{\"title\":null,\"summary\":\"s\"}", Optional.of(new ProposalMetadata("", "s"))),
        Arguments.of(
            "{\"title\":\"a\",\"title\":\"b\"}", Optional.of(new ProposalMetadata("b", ""))),
        Arguments.of(
            "{\"authors\":[\"x\",null],\"other\":{\"deep\":[1,2,{}]}}",
            Optional.of(new ProposalMetadata("", ""))),
        Arguments.of("{\"title\":\"\\ud800\"}", Optional.of(new ProposalMetadata("\uFFFD", ""))),
        Arguments.of("{\"title\":5}", Optional.empty()),
        Arguments.of("{\"authors\":\"x\"}", Optional.empty()),
        Arguments.of("{\"authors\":[1]}", Optional.empty()),
        Arguments.of("{\"details\":true}", Optional.empty()),
        Arguments.of("[1]", Optional.empty()),
        Arguments.of("\"text\"", Optional.empty()),
        Arguments.of("{} {}", Optional.empty()),
        Arguments.of("{\"title\":\"t\"", Optional.empty()),
        Arguments.of("ipfs://Qm...", Optional.empty()),
        Arguments.of("", Optional.empty()),
        Arguments.of("{'title':'t'}", Optional.empty()),
        Arguments.of("{\"title\":\"t\",}", Optional.empty()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void readsMetadataAsGoDoes(String json, Optional<ProposalMetadata> expected) {
    assertThat(ProposalMetadata.parse(json)).isEqualTo(expected);
  }
}
