package io.wasm08.wasm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** capabilities.rs::capabilities_from_csv tests, and the built-in set of CAPABILITIES-BUILT-IN. */
class CapabilitiesTest {
  static Stream<Arguments> csv() {
    return Stream.of(
        Arguments.of("foo, bar,baz ", Set.of("foo", "bar", "baz")),
        Arguments.of("", Set.of()),
        Arguments.of("a,,b", Set.of("a", "b")),
        Arguments.of("a,b,", Set.of("a", "b")),
        Arguments.of(" iterator ", Set.of("iterator")));
  }

  @ParameterizedTest
  @MethodSource("csv")
  void fromCsv(String csv, Set<String> expected) {
    assertThat(Capabilities.fromCsv(csv)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void builtInAndWasm08Sets() {
    assertThat(Capabilities.BUILT_IN)
        .containsExactly(
            "cosmwasm_1_1",
            "cosmwasm_1_2",
            "cosmwasm_1_3",
            "cosmwasm_1_4",
            "cosmwasm_2_0",
            "cosmwasm_2_1",
            "cosmwasm_2_2",
            "cosmwasm_3_0",
            "ibc2",
            "iterator",
            "staking",
            "stargate");
    assertThat(Capabilities.WASM_08).containsExactly("iterator");
  }
}
