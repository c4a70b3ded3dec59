package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of cosmwasm-vm limited.rs::works_for_btree_set. */
class LimitedDisplayTest {
  private static final List<String> FRUITS = List.of("apple", "banana", "watermelon");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(List.of(), 100, "{}"),
        Arguments.of(List.of(), 2, "{}"),
        Arguments.of(FRUITS, 100, "{\"apple\", \"banana\", \"watermelon\"}"),
        Arguments.of(FRUITS, 33, "{\"apple\", \"banana\", \"watermelon\"}"),
        Arguments.of(FRUITS, 32, "{\"apple\", \"banana\", ... 1 more}"),
        Arguments.of(FRUITS, 31, "{\"apple\", \"banana\", ... 1 more}"),
        Arguments.of(FRUITS, 30, "{\"apple\", ... 2 more}"),
        Arguments.of(FRUITS, 21, "{\"apple\", ... 2 more}"),
        Arguments.of(FRUITS, 20, "{... 3 elements}"),
        Arguments.of(FRUITS, 16, "{... 3 elements}"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rendersLikeUpstream(List<String> sorted, int max, String expected) {
    assertThat(LimitedDisplay.set(sorted, max)).isEqualTo(expected);
  }
}
