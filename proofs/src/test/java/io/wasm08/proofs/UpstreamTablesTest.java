package io.wasm08.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.vectors.Ics23VectorFile;
import io.wasm08.proofs.vectors.UnitTable;
import io.wasm08.proofs.vectors.VectorCase;
import io.wasm08.proofs.vectors.VectorErrorCode;
import io.wasm08.testing.SharedFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seven upstream unit tables of cosmos/ics23 {@code testdata/}, run through {@link UnitTable}
 * with the semantics of the Go tests that read them ({@code go/ops_test.go}, {@code
 * go/proof_test.go}).
 */
class UpstreamTablesTest {
  private static final String DIR = "fixtures/ics23/";

  static UnitTable table(UnitTable.Kind kind) {
    return (UnitTable) Ics23VectorFile.read(SharedFixtures.get().file(DIR + kind.fileName()), null);
  }

  static Stream<Arguments> cases() {
    return Arrays.stream(UnitTable.Kind.values())
        .flatMap(k -> table(k).cases().stream())
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyTableCaseHolds(String name, VectorCase c) {
    assertThat(c.failure()).isNull();
  }

  /**
   * The case counts of the fixture files at the pinned upstream commit, so a shrunken table fails.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void tableSizes(UnitTable.Kind kind, int expected) {
    assertThat(table(kind).entries()).hasSize(expected);
  }

  static Stream<Arguments> tableSizes() {
    return Stream.of(
        Arguments.of(UnitTable.Kind.DO_HASH, 7),
        Arguments.of(UnitTable.Kind.LEAF_OP, 11),
        Arguments.of(UnitTable.Kind.INNER_OP, 4),
        Arguments.of(UnitTable.Kind.EXISTENCE_PROOF, 6),
        Arguments.of(UnitTable.Kind.CHECK_LEAF, 10),
        Arguments.of(UnitTable.Kind.CHECK_AGAINST_SPEC, 11),
        Arguments.of(UnitTable.Kind.EMPTY_BRANCH, 8));
  }

  /** Each table's first row with its expectation inverted or altered must fail the check. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void anAlteredExpectationFails(UnitTable.Kind kind) {
    UnitTable.Entry first = table(kind).entries().getFirst();
    ObjectNode altered = first.json().deepCopy();
    switch (kind) {
      case DO_HASH -> altered.put("ExpectedHash", "00" + altered.get("ExpectedHash").asText());
      case LEAF_OP, INNER_OP, EXISTENCE_PROOF, CHECK_LEAF ->
          altered.put("IsErr", !altered.path("IsErr").asBoolean());
      case CHECK_AGAINST_SPEC -> altered.put("Err", "some other error");
      case EMPTY_BRANCH -> altered.put("IsLeft", !altered.path("IsLeft").asBoolean());
    }
    VectorCase c =
        new UnitTable(kind.fileName(), kind, List.of(new UnitTable.Entry("altered", altered)))
            .cases()
            .getFirst();
    assertThatThrownBy(() -> c.check().run())
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> assertThat(e.is(VectorErrorCode.VECTOR_MISMATCH)).as(e.getMessage()).isTrue());
  }

  static Stream<UnitTable.Kind> kinds() {
    return Arrays.stream(UnitTable.Kind.values());
  }
}
