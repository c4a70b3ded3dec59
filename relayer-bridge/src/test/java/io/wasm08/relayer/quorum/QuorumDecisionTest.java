package io.wasm08.relayer.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quorum rule, table-driven: an outcome is agreed when the executors that produced it are at
 * least the threshold of all executors (failures count against), and no other outcome reaches it
 * too. Votes are written as letters (same letter = same outcome) and {@code -} (no result).
 * Expected values are derived by hand from the rule: e.g. 2 of 3 at 2/3 is 2·3 ≥ 3·2, agreed.
 */
class QuorumDecisionTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("2/3", "AAA", true, 3),
        Arguments.of("2/3", "AAB", true, 2),
        Arguments.of("2/3", "AA-", true, 2),
        Arguments.of("2/3", "ABC", false, 1),
        Arguments.of("2/3", "AB", false, 1),
        Arguments.of("2/3", "A-", false, 1),
        Arguments.of("2/3", "A--", false, 1),
        Arguments.of("2/3", "AAAABB", true, 4),
        Arguments.of("2/3", "AAABBB", false, 3),
        Arguments.of("2/3", "AAAB--", false, 3),
        Arguments.of("2/3", "A", true, 1),
        Arguments.of("2/3", "-", false, 0),
        Arguments.of("2/3", "---", false, 0),
        Arguments.of("1/2", "AB", false, 1), // both reach 1/2: ambiguous, not agreed
        Arguments.of("1/2", "AAB-", true, 2),
        Arguments.of("3/4", "AAAB", true, 3),
        Arguments.of("3/4", "AAB-", false, 2),
        Arguments.of("1/1", "AAAA", true, 4),
        Arguments.of("1/1", "AAA-", false, 3),
        Arguments.of("1/3", "ABC", false, 1)); // three outcomes each reach 1/3
  }

  @ParameterizedTest(name = "{0} of [{1}] → agreed={2}")
  @MethodSource("cases")
  void decide(String threshold, String votes, boolean agreed, int agreeing) {
    String[] nd = threshold.split("/");
    QuorumThreshold t = new QuorumThreshold(Long.parseLong(nd[0]), Long.parseLong(nd[1]));
    List<Quorum.Vote> vs = new ArrayList<>();
    for (int i = 0; i < votes.length(); i++) {
      char c = votes.charAt(i);
      vs.add(
          c == '-'
              ? new Quorum.Vote("e" + i, Optional.empty(), "unreachable")
              : new Quorum.Vote("e" + i, Optional.of(result(c)), ""));
    }
    Quorum.Verdict v = Quorum.decide(vs, t);
    assertThat(v.agreed()).isEqualTo(agreed);
    assertThat(v.agreeing()).isEqualTo(agreeing);
    assertThat(v.total()).isEqualTo(votes.length());
    if (agreed) {
      assertThat(v.result()).isPresent();
      assertThat(v.dissent()).hasSize(votes.length() - agreeing);
    } else {
      assertThat(v.result()).isEmpty();
      assertThat(v.dissent()).hasSize(votes.length());
    }
  }

  static Stream<Arguments> required() {
    // ceil(n × num / den), by hand
    return Stream.of(
        Arguments.of(2, 3, 1, 1),
        Arguments.of(2, 3, 2, 2),
        Arguments.of(2, 3, 3, 2),
        Arguments.of(2, 3, 4, 3),
        Arguments.of(2, 3, 6, 4),
        Arguments.of(2, 3, 7, 5),
        Arguments.of(1, 2, 4, 2),
        Arguments.of(1, 1, 5, 5),
        Arguments.of(3, 4, 5, 4));
  }

  @ParameterizedTest(name = "{0}/{1} of {2} needs {3}")
  @MethodSource("required")
  void requiredVotes(long num, long den, int total, int expected) {
    assertThat(new QuorumThreshold(num, den).required(total)).isEqualTo(expected);
  }

  static Stream<Arguments> invalidThresholds() {
    return Stream.of(
        Arguments.of(0, 3), Arguments.of(4, 3), Arguments.of(-1, 2), Arguments.of(1, 0));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("invalidThresholds")
  void invalidThresholdsAreConfigErrors(long num, long den) {
    assertThatThrownBy(() -> new QuorumThreshold(num, den))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(RelayerErrorCode.INVALID_CONFIG)).isTrue());
  }

  @Test
  void digestCoversResultGasAndEveryWriteInOrder() {
    ExecutionResult base =
        new ExecutionResult(
            true,
            Bytes.ofUtf8("update_client"),
            100,
            List.of(
                StoreWrite.set(Bytes.ofUtf8("a"), Bytes.ofUtf8("1")),
                StoreWrite.delete(Bytes.ofUtf8("b"))));
    List<ExecutionResult> variants =
        List.of(
            new ExecutionResult(false, base.result(), 100, base.writes()),
            new ExecutionResult(true, Bytes.ofUtf8("update_clienT"), 100, base.writes()),
            new ExecutionResult(true, base.result(), 101, base.writes()),
            new ExecutionResult(
                true, base.result(), 100, List.of(base.writes().get(1), base.writes().get(0))),
            new ExecutionResult(true, base.result(), 100, base.writes().subList(0, 1)),
            new ExecutionResult(
                true,
                base.result(),
                100,
                List.of(
                    StoreWrite.set(Bytes.ofUtf8("a"), Bytes.ofUtf8("2")),
                    StoreWrite.delete(Bytes.ofUtf8("b")))),
            // shifting a byte between key and value must not collide (length-prefixed fields)
            new ExecutionResult(
                true,
                base.result(),
                100,
                List.of(
                    StoreWrite.set(Bytes.ofUtf8("a1"), Bytes.EMPTY),
                    StoreWrite.delete(Bytes.ofUtf8("b")))));
    assertThat(base.digest())
        .isEqualTo(new ExecutionResult(true, base.result(), 100, base.writes()).digest());
    assertThat(variants).allSatisfy(v -> assertThat(v.digest()).isNotEqualTo(base.digest()));
  }

  static ExecutionResult result(char c) {
    return new ExecutionResult(true, Bytes.ofUtf8("outcome " + c), 1000 + c, List.of());
  }
}
