package io.wasm08.spectests.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.wasm08.archfixtures.CatchesException;
import io.wasm08.archfixtures.RecordWithByteArray;
import io.wasm08.archfixtures.chicory.ImportsChicoryOutsideTheEngine;
import io.wasm08.node.archfixture.NodeDependingOnSpecTests;
import io.wasm08.proofs.archfixture.ProofsDependingOnStore;
import io.wasm08.relayer.archfixture.RelayerDependingOnNode;
import io.wasm08.store.archfixture.StoreReadingTheClock;
import io.wasm08.wasm.vm.archfixture.VmDependingOnIbc;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every architecture rule on the production classes of all modules (which must comply), and on
 * a deliberately wrong fixture class from the test sources (which must violate it) — so each rule
 * is shown able to fail.
 */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wasm08");
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("module graph", ArchitectureRules.MODULE_GRAPH, ProofsDependingOnStore.class),
        Arguments.of(
            "relayer never on node", ArchitectureRules.MODULE_GRAPH, RelayerDependingOnNode.class),
        Arguments.of(
            "node never on spec-tests",
            ArchitectureRules.MODULE_GRAPH,
            NodeDependingOnSpecTests.class),
        Arguments.of(
            "chicory only in the engine",
            ArchitectureRules.CHICORY_ONLY_IN_VM_ENGINE,
            ImportsChicoryOutsideTheEngine.class),
        Arguments.of("vm knows no IBC", ArchitectureRules.VM_KNOWS_NO_IBC, VmDependingOnIbc.class),
        Arguments.of(
            "no byte[] in records",
            ArchitectureRules.NO_BYTE_ARRAYS_IN_RECORDS,
            RecordWithByteArray.class),
        Arguments.of(
            "no catch (Exception)", ArchitectureRules.NO_CATCH_EXCEPTION, CatchesException.class),
        Arguments.of(
            "deterministic consensus code",
            ArchitectureRules.CONSENSUS_CODE_IS_DETERMINISTIC,
            StoreReadingTheClock.class));
  }

  @ParameterizedTest(name = "{0}: production classes comply")
  @MethodSource("rules")
  void productionClassesComply(String name, ArchRule rule, Class<?> wrongFixture) {
    assertThat(production).as("production classes imported").isNotEmpty();
    rule.check(production);
  }

  @ParameterizedTest(name = "{0}: the rule catches a deliberately wrong class")
  @MethodSource("rules")
  void ruleFailsOnAWrongFixture(String name, ArchRule rule, Class<?> wrongFixture) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(wrongFixture));
    assertThat(result.hasViolation()).as("violation reported for " + wrongFixture).isTrue();
    assertThat(result.getFailureReport().toString()).contains(wrongFixture.getSimpleName());
  }
}
