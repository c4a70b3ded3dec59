package io.wasm08.spectests.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** The architecture the project promises, as executable rules (docs/architecture.md). */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The product module graph, one package root per Maven module; arrows point one way. */
  static final ArchRule MODULE_GRAPH =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("common")
          .definedBy("io.wasm08.common..")
          .layer("proofs")
          .definedBy("io.wasm08.proofs..")
          .layer("store")
          .definedBy("io.wasm08.store..")
          .layer("ibc-core")
          .definedBy("io.wasm08.core..")
          .layer("client-02")
          .definedBy("io.wasm08.client..")
          .layer("wasm-08")
          .definedBy("io.wasm08.wasm..")
          .layer("governance")
          .definedBy("io.wasm08.gov..")
          .layer("relayer-bridge")
          .definedBy("io.wasm08.relayer..")
          .layer("node")
          .definedBy("io.wasm08.node..")
          .layer("spec-tests")
          .definedBy("io.wasm08.spectests..")
          .whereLayer("common")
          .mayNotAccessAnyLayer()
          .whereLayer("proofs")
          .mayOnlyAccessLayers("common")
          .whereLayer("store")
          .mayOnlyAccessLayers("common", "proofs")
          .whereLayer("ibc-core")
          .mayOnlyAccessLayers("common", "proofs", "store")
          .whereLayer("client-02")
          .mayOnlyAccessLayers("common", "proofs", "store", "ibc-core")
          .whereLayer("wasm-08")
          .mayOnlyAccessLayers("common", "proofs", "store", "ibc-core", "client-02")
          .whereLayer("governance")
          .mayOnlyAccessLayers("common", "proofs", "store", "ibc-core", "client-02", "wasm-08")
          .whereLayer("relayer-bridge")
          .mayOnlyAccessLayers("common", "proofs", "store", "ibc-core", "client-02", "wasm-08")
          .whereLayer("node")
          .mayOnlyAccessLayers(
              "common",
              "proofs",
              "store",
              "ibc-core",
              "client-02",
              "wasm-08",
              "governance",
              "relayer-bridge")
          .as(
              "modules depend one way: common → proofs → store → ibc-core → client-02 → wasm-08 →"
                  + " governance → node; relayer-bridge on wasm-08 and below, never on governance or node");

  /** Chicory is an implementation detail of the VM engine package. */
  static final ArchRule CHICORY_ONLY_IN_VM_ENGINE =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.wasm08.wasm.vm.chicory..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.dylibso.chicory..")
          .as("com.dylibso.chicory is used only inside io.wasm08.wasm.vm.chicory");

  /** The VM is a CosmWasm VM: it knows stores and gas, not IBC. */
  static final ArchRule VM_KNOWS_NO_IBC =
      noClasses()
          .that()
          .resideInAPackage("io.wasm08.wasm.vm..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "belong to IBC (ibc-core, client-02, or 08-wasm outside the vm package)",
                  (JavaClass c) ->
                      c.getPackageName().startsWith("io.wasm08.core")
                          || c.getPackageName().startsWith("io.wasm08.client")
                          || (c.getPackageName().startsWith("io.wasm08.wasm")
                              && !c.getPackageName().startsWith("io.wasm08.wasm.vm"))))
          .allowEmptyShould(true)
          .as("the VM (io.wasm08.wasm.vm..) knows nothing of IBC");

  /** Records hold immutable values: byte[] components compare by identity and leak mutability. */
  static final ArchRule NO_BYTE_ARRAYS_IN_RECORDS =
      noFields()
          .that()
          .areDeclaredInClassesThat(
              DescribedPredicate.describe(
                  "are records",
                  (JavaClass c) ->
                      c.getRawSuperclass().map(s -> s.isEquivalentTo(Record.class)).orElse(false)))
          .and()
          .areNotStatic()
          .should()
          .haveRawType(byte[].class)
          .allowEmptyShould(true)
          .as("records never hold raw byte[] (use io.wasm08.common.Bytes)");

  /** No blanket {@code catch (Exception e)}: catch what can actually be thrown. */
  static final ArchRule NO_CATCH_EXCEPTION =
      noCodeUnits()
          .should(catchException())
          .allowEmptyShould(true)
          .as("no code catches java.lang.Exception");

  private static ArchCondition<JavaCodeUnit> catchException() {
    return new ArchCondition<>("catch java.lang.Exception") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        for (TryCatchBlock block : unit.getTryCatchBlocks()) {
          for (JavaClass caught : block.getCaughtThrowables()) {
            if (caught.isEquivalentTo(Exception.class)) {
              events.add(
                  SimpleConditionEvent.satisfied(
                      unit, unit.getFullName() + " catches java.lang.Exception"));
            }
          }
        }
      }
    };
  }

  /**
   * Consensus-relevant modules never read the clock or randomness: block time and everything else
   * non-deterministic comes in through the context. The node, the relayer and the tests may.
   */
  static final ArchRule CONSENSUS_CODE_IS_DETERMINISTIC =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.wasm08.common..",
              "io.wasm08.proofs..",
              "io.wasm08.store..",
              "io.wasm08.core..",
              "io.wasm08.client..",
              "io.wasm08.wasm..",
              "io.wasm08.gov..")
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(ThreadLocalRandom.class, "current")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Random.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(SecureRandom.class)
          .as("consensus code reads neither the clock nor randomness");
}
