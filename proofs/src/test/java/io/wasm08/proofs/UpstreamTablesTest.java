package io.wasm08.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five (plus TestDoHash) upstream unit tables of cosmos/ics23 {@code testdata/}, run with the
 * semantics of the Go tests that read them ({@code go/ops_test.go}, {@code go/proof_test.go}).
 */
class UpstreamTablesTest {
  private static final String DIR = "fixtures/ics23/";

  /** name → case object, for the tables stored as JSON maps. */
  static Stream<Arguments> table(String file) {
    JsonNode root = GoJson.read(SharedFixtures.get().file(DIR + file));
    List<Arguments> cases = new ArrayList<>();
    if (root.isArray()) {
      int i = 0;
      for (JsonNode c : root) {
        cases.add(Arguments.of(file + "[" + i++ + "]", c));
      }
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        cases.add(Arguments.of(e.getKey(), e.getValue()));
      }
    }
    assertThat(cases).as(file).isNotEmpty();
    return cases.stream();
  }

  static Stream<Arguments> doHash() {
    return table("TestDoHashData.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void doHash(String name, JsonNode c) {
    int op = GoJson.field(c, "HashOp").asInt();
    // Go decodes "Preimage" and "PreImage" alike (case-insensitive keys); the text is UTF-8.
    Bytes preimage = Bytes.ofUtf8(GoJson.field(c, "Preimage").asText());
    assertThat(Ics23.doHash(op, preimage).toHex())
        .isEqualTo(GoJson.field(c, "ExpectedHash").asText());
  }

  static Stream<Arguments> leafOp() {
    return table("TestLeafOpData.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void leafOp(String name, JsonNode c) {
    LeafOp op = GoJson.message(GoJson.field(c, "Op"), LeafOp.getDefaultInstance());
    Bytes key = Bytes.wrapOwned(GoJson.bytes(c, "Key").toByteArray());
    Bytes value = Bytes.wrapOwned(GoJson.bytes(c, "Value").toByteArray());
    if (GoJson.field(c, "IsErr").asBoolean()) {
      assertThatThrownBy(() -> Ics23.applyLeaf(op, key, value)).isInstanceOf(ProofException.class);
    } else {
      assertThat(Ics23.applyLeaf(op, key, value).toByteArray())
          .isEqualTo(GoJson.bytes(c, "Expected").toByteArray());
    }
  }

  static Stream<Arguments> innerOp() {
    return table("TestInnerOpData.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void innerOp(String name, JsonNode c) {
    InnerOp op = GoJson.message(GoJson.field(c, "Op"), InnerOp.getDefaultInstance());
    Bytes child = Bytes.wrapOwned(GoJson.bytes(c, "Child").toByteArray());
    if (GoJson.field(c, "IsErr").asBoolean()) {
      assertThatThrownBy(() -> Ics23.applyInner(op, child)).isInstanceOf(ProofException.class);
    } else {
      assertThat(Ics23.applyInner(op, child).toByteArray())
          .isEqualTo(GoJson.bytes(c, "Expected").toByteArray());
    }
  }

  static Stream<Arguments> existenceProof() {
    return table("TestExistenceProofData.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void existenceProof(String name, JsonNode c) {
    ExistenceProof proof =
        GoJson.message(GoJson.field(c, "Proof"), ExistenceProof.getDefaultInstance());
    if (GoJson.field(c, "IsErr").asBoolean()) {
      assertThatThrownBy(() -> Ics23.calculateRoot(proof)).isInstanceOf(ProofException.class);
    } else {
      assertThat(Ics23.calculateRoot(proof).toByteArray())
          .isEqualTo(GoJson.bytes(c, "Expected").toByteArray());
    }
  }

  static Stream<Arguments> checkLeaf() {
    return table("TestCheckLeafData.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void checkLeaf(String name, JsonNode c) {
    LeafOp leaf = GoJson.message(GoJson.field(c, "Leaf"), LeafOp.getDefaultInstance());
    LeafOp specLeaf = GoJson.message(GoJson.field(c, "Spec"), LeafOp.getDefaultInstance());
    ProofSpec.Builder spec = ProofSpec.newBuilder();
    if (specLeaf != null) {
      spec.setLeafSpec(specLeaf);
    }
    Throwable thrown = catchThrowable(() -> Ics23.checkAgainstSpec(leaf, spec.build()));
    if (GoJson.field(c, "IsErr").asBoolean()) {
      assertThat(thrown).isInstanceOf(ProofException.class);
    } else {
      assertThat(thrown).isNull();
    }
  }

  static Stream<Arguments> checkAgainstSpec() {
    return table("TestCheckAgainstSpecData.json");
  }

  /** The one table whose Go test compares error texts: they must be equal. */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void checkAgainstSpec(String name, JsonNode c) {
    ExistenceProof proof =
        GoJson.message(GoJson.field(c, "Proof"), ExistenceProof.getDefaultInstance());
    ProofSpec spec = GoJson.message(GoJson.field(c, "Spec"), ProofSpec.getDefaultInstance());
    JsonNode err = GoJson.field(c, "Err");
    String expected = err == null ? "" : err.asText();
    Throwable thrown =
        catchThrowable(
            () ->
                Ics23.checkAgainstSpec(
                    proof == null ? ExistenceProof.getDefaultInstance() : proof, spec));
    if (expected.isEmpty()) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(ProofException.class).hasMessage(expected);
    }
  }

  static Stream<Arguments> emptyBranch() {
    return table("TestEmptyBranchData.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void emptyBranch(String name, JsonNode c) {
    InnerOp op = GoJson.message(GoJson.field(c, "Op"), InnerOp.getDefaultInstance());
    ProofSpec spec = GoJson.message(GoJson.field(c, "Spec"), ProofSpec.getDefaultInstance());
    Ics23.checkAgainstSpec(op, spec, 1);
    assertThat(Ics23.leftBranchesAreEmpty(spec.getInnerSpec(), op))
        .isEqualTo(GoJson.field(c, "IsLeft").asBoolean());
    assertThat(Ics23.rightBranchesAreEmpty(spec.getInnerSpec(), op))
        .isEqualTo(GoJson.field(c, "IsRight").asBoolean());
  }

  /**
   * The case counts of the fixture files at the pinned upstream commit, so a shrunken table fails.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void tableSizes(String file, int expected) {
    assertThat(table(file)).hasSize(expected);
  }

  static Stream<Arguments> tableSizes() {
    return Stream.of(
        Arguments.of("TestDoHashData.json", 7),
        Arguments.of("TestLeafOpData.json", 11),
        Arguments.of("TestInnerOpData.json", 4),
        Arguments.of("TestExistenceProofData.json", 6),
        Arguments.of("TestCheckLeafData.json", 10),
        Arguments.of("TestCheckAgainstSpecData.json", 11),
        Arguments.of("TestEmptyBranchData.json", 8));
  }
}
