package io.wasm08.node.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathTemplateTest {
  static Stream<Arguments> cases() {
    String cs =
        "/ibc/core/client/v1/consensus_states/{client_id}/revision/{revision_number}/height/{revision_height}";
    return Stream.of(
        Arguments.of(
            "/ibc/lightclients/wasm/v1/checksums",
            "/ibc/lightclients/wasm/v1/checksums",
            Optional.of(Map.of())),
        Arguments.of(
            "/ibc/lightclients/wasm/v1/checksums/{checksum}/code",
            "/ibc/lightclients/wasm/v1/checksums/abcd/code",
            Optional.of(Map.of("checksum", "abcd"))),
        Arguments.of(
            cs,
            "/ibc/core/client/v1/consensus_states/08-wasm-0/revision/1/height/7",
            Optional.of(
                Map.of("client_id", "08-wasm-0", "revision_number", "1", "revision_height", "7"))),
        Arguments.of(
            cs,
            "/ibc/core/client/v1/consensus_states/08-wasm-0/revision/1/height",
            Optional.empty()),
        Arguments.of(
            "/cosmos/auth/v1beta1/accounts/{address}",
            "/cosmos/auth/v1beta1/accounts/",
            Optional.empty()),
        Arguments.of("/a/{name=**}", "/a/b/c", Optional.of(Map.of("name", "b/c"))),
        Arguments.of(
            "/cosmos/tx/v1beta1/txs/{hash}",
            "/cosmos/tx/v1beta1/txs/AB%20CD",
            Optional.of(Map.of("hash", "AB CD"))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matches(String template, String path, Optional<Map<String, String>> expected) {
    assertThat(PathTemplate.parse(template).match(path)).isEqualTo(expected);
  }
}
