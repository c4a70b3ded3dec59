package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Entrypoint;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmLimits;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check_wasm} verdicts on the upstream test contracts (expectations from
 * ../shared/fixtures/cosmwasm/README.md and cosmwasm-vm {@code compatibility.rs} / {@code
 * static_analysis.rs} tests, listed in reference/cosmwasm-vm.md §1.2, §3).
 */
class StaticCheckerFixturesTest {
  private static final String UNKNOWN_MARKER =
      "Wasm contract has unknown interface_version_* marker export (see"
          + " https://github.com/CosmWasm/cosmwasm/blob/main/packages/vm/README.md)";
  private static final String MISSING_MARKER =
      "Wasm contract missing a required marker export: interface_version_*";

  private static byte[] cosmwasm(String name) {
    return SharedFixtures.get().contents("fixtures/cosmwasm/" + name);
  }

  static Stream<Arguments> verdicts() {
    return Stream.of(
        Arguments.of("hackatom.wasm", null),
        Arguments.of("hackatom_1.3.wasm", null),
        Arguments.of("hackatom_1.2.wasm", null),
        Arguments.of("hackatom_1.0.wasm", null),
        Arguments.of("hackatom_0.16.wasm", UNKNOWN_MARKER),
        Arguments.of("hackatom_0.15.wasm", UNKNOWN_MARKER),
        Arguments.of("hackatom_0.14.wasm", UNKNOWN_MARKER),
        Arguments.of("hackatom_0.12.wasm", MISSING_MARKER),
        Arguments.of("hackatom_0.11.wasm", MISSING_MARKER),
        Arguments.of("hackatom_0.10.wasm", MISSING_MARKER),
        Arguments.of("hackatom_0.9.wasm", MISSING_MARKER),
        Arguments.of("hackatom_0.8.wasm", MISSING_MARKER),
        Arguments.of("hackatom_0.7.wasm", MISSING_MARKER),
        Arguments.of("empty.wasm", null),
        Arguments.of("ibc_reflect.wasm", null),
        Arguments.of("ibc_reflect_1.2.wasm", null),
        Arguments.of("ibc_reflect_1.0.wasm", null),
        Arguments.of("ibc_reflect_0.16.wasm", UNKNOWN_MARKER),
        Arguments.of("ibc_reflect_0.15.wasm", UNKNOWN_MARKER),
        Arguments.of("ibc_reflect_0.14.wasm", UNKNOWN_MARKER),
        Arguments.of("ibc_callbacks.wasm", null),
        Arguments.of("ibc2.wasm", null),
        Arguments.of("wasmvm/hackatom.wasm", null),
        Arguments.of("wasmvm/ibc_reflect.wasm", null),
        Arguments.of("wasmvm/queue.wasm", null),
        Arguments.of("wasmvm/reflect.wasm", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void checkWasmGivesUpstreamVerdict(String file, String expectedMessage) {
    byte[] wasm = cosmwasm(file);
    if (expectedMessage == null) {
      StaticChecker.checkWasm(wasm, Capabilities.BUILT_IN, WasmLimits.DEFAULT);
    } else {
      assertThatThrownBy(
              () -> StaticChecker.checkWasm(wasm, Capabilities.BUILT_IN, WasmLimits.DEFAULT))
          .isInstanceOfSatisfying(
              VmException.class,
              e -> assertThat(e.kind()).isEqualTo(VmErrorKind.STATIC_VALIDATION_ERR))
          .hasMessage("Error during static Wasm validation: " + expectedMessage);
    }
  }

  @Test
  void corruptedContractIsNotDeserializable() {
    // static_analysis.rs::deserialize_wasm_corrupted_data: parse + validate_funcs fail with a
    // message starting like this. (Through the whole check_wasm the 0.7-era blob stops earlier, at
    // its missing interface_version_8 marker.)
    byte[] corrupted = cosmwasm("corrupted.wasm");
    assertThatThrownBy(() -> StaticChecker.parseAndValidateFunctionsForTest(corrupted))
        .isInstanceOf(VmException.class)
        .hasMessageStartingWith(
            "Error during static Wasm validation: Wasm bytecode could not be deserialized.");
    assertThatThrownBy(
            () -> StaticChecker.checkWasm(corrupted, Capabilities.BUILT_IN, WasmLimits.DEFAULT))
        .hasMessage("Error during static Wasm validation: " + MISSING_MARKER);
  }

  @Test
  void oldContractFailsOnItsImports() {
    // compatibility.rs::check_wasm_imports_of_old_contract (imports check alone).
    var module = StaticChecker.parse(cosmwasm("hackatom_0.7.wasm"));
    assertThatThrownBy(() -> StaticChecker.checkImportsForTest(module, WasmLimits.DEFAULT))
        .hasMessageStartingWith(
            "Error during static Wasm validation: Wasm contract requires unsupported import:"
                + " \"env.read_db\"");
  }

  @Test
  void hackatomNeedsItsCapabilities() {
    // hackatom.wasm requires cosmwasm_1_1 … 2_2 (README); with only `iterator` all seven are
    // missing, listed sorted in a BTreeSet rendering.
    assertThatThrownBy(
            () ->
                StaticChecker.checkWasm(
                    cosmwasm("hackatom.wasm"), Capabilities.WASM_08, WasmLimits.DEFAULT))
        .hasMessage(
            "Error during static Wasm validation: Wasm contract requires unavailable"
                + " capabilities: {\"cosmwasm_1_1\", \"cosmwasm_1_2\", \"cosmwasm_1_3\","
                + " \"cosmwasm_1_4\", \"cosmwasm_2_0\", \"cosmwasm_2_1\", \"cosmwasm_2_2\"}");
  }

  @Test
  void analyzeHackatom() {
    // cache.rs::analyze_works
    AnalysisReport r = StaticChecker.analyze(cosmwasm("hackatom.wasm"));
    assertThat(r.hasIbcEntryPoints()).isFalse();
    assertThat(r.entrypoints())
        .containsExactly(
            Entrypoint.EXECUTE,
            Entrypoint.INSTANTIATE,
            Entrypoint.MIGRATE,
            Entrypoint.QUERY,
            Entrypoint.SUDO);
    assertThat(r.requiredCapabilities())
        .containsExactly(
            "cosmwasm_1_1",
            "cosmwasm_1_2",
            "cosmwasm_1_3",
            "cosmwasm_1_4",
            "cosmwasm_2_0",
            "cosmwasm_2_1",
            "cosmwasm_2_2");
    assertThat(r.contractMigrateVersion()).isEqualTo(OptionalLong.of(420));
  }

  @Test
  void analyzeIbcReflect() {
    AnalysisReport r = StaticChecker.analyze(cosmwasm("ibc_reflect.wasm"));
    assertThat(r.hasIbcEntryPoints()).isTrue();
    assertThat(r.entrypoints())
        .containsExactlyInAnyOrder(
            Entrypoint.INSTANTIATE,
            Entrypoint.MIGRATE,
            Entrypoint.EXECUTE,
            Entrypoint.REPLY,
            Entrypoint.QUERY,
            Entrypoint.IBC_CHANNEL_OPEN,
            Entrypoint.IBC_CHANNEL_CONNECT,
            Entrypoint.IBC_CHANNEL_CLOSE,
            Entrypoint.IBC_PACKET_RECEIVE,
            Entrypoint.IBC_PACKET_ACK,
            Entrypoint.IBC_PACKET_TIMEOUT);
    assertThat(r.requiredCapabilities())
        .containsExactly(
            "cosmwasm_1_1",
            "cosmwasm_1_2",
            "cosmwasm_1_3",
            "cosmwasm_1_4",
            "cosmwasm_2_0",
            "cosmwasm_2_1",
            "cosmwasm_2_2",
            "iterator",
            "stargate");
    assertThat(r.contractMigrateVersion()).isEmpty();
  }

  @Test
  void analyzeEmptyAndIbc2() {
    AnalysisReport empty = StaticChecker.analyze(cosmwasm("empty.wasm"));
    assertThat(empty.entrypoints()).isEmpty();
    assertThat(empty.requiredCapabilities()).containsExactly("iterator");
    assertThat(empty.contractMigrateVersion()).isEmpty();
    AnalysisReport ibc2 = StaticChecker.analyze(cosmwasm("ibc2.wasm"));
    assertThat(ibc2.entrypoints())
        .contains(
            Entrypoint.IBC2_PACKET_ACK,
            Entrypoint.IBC2_PACKET_RECEIVE,
            Entrypoint.IBC2_PACKET_SEND,
            Entrypoint.IBC2_PACKET_TIMEOUT);
    assertThat(ibc2.hasIbcEntryPoints()).isFalse();
  }

  @Test
  void requiredCapabilitiesCounts() {
    // instance.rs::required_capabilities_works: hackatom_1.3 → 0, hackatom → 7.
    assertThat(StaticChecker.analyze(cosmwasm("hackatom_1.3.wasm")).requiredCapabilities())
        .isEmpty();
    assertThat(StaticChecker.analyze(cosmwasm("hackatom.wasm")).requiredCapabilities()).hasSize(7);
  }

  static Stream<Arguments> lightClients() {
    // file, largest function locals (README) or 0 when within the 3.0.9 limit of 100
    return Stream.of(
        Arguments.of("ibc-go/ics07_tendermint_cw.wasm.gz", 0),
        Arguments.of("ibc-go/ics10_grandpa_cw.wasm.gz", 120),
        Arguments.of("ibc-go/ics10_grandpa_cw_expiry.wasm.gz", 123),
        Arguments.of("ibc-go/migrate_success.wasm.gz", 0),
        Arguments.of("ibc-go/migrate_error.wasm.gz", 0),
        Arguments.of("ibc-go/legacy-g1/ics10_grandpa_cw.wasm.gz", 105),
        Arguments.of("ibc-go/legacy-g1/ics07_tendermint_cw.wasm.gz", 0),
        Arguments.of("eureka/cw_ics08_wasm_eth.wasm.gz", 0),
        Arguments.of("eureka/cw_dummy_light_client.wasm.gz", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lightClients")
  void lightClientsPassWithIterator(String file, int grandpaLocals) {
    byte[] wasm = SharedFixtures.get().contents("fixtures/light-clients/" + file);
    Set<String> caps = Capabilities.WASM_08;
    // Pre-3.0.9 rules (no locals limits): every light client passes.
    AnalysisReport r =
        StaticChecker.checkWasm(wasm, caps, WasmLimits.DEFAULT.withoutLocalsLimits());
    assertThat(r.requiredCapabilities()).isSubsetOf(List.of("iterator"));
    if (grandpaLocals == 0) {
      StaticChecker.checkWasm(wasm, caps, WasmLimits.DEFAULT);
    } else {
      assertThatThrownBy(() -> StaticChecker.checkWasm(wasm, caps, WasmLimits.DEFAULT))
          .hasMessage(
              "Error during static Wasm validation: Wasm contract contains function with more"
                  + " than 100 locals: "
                  + grandpaLocals);
    }
  }
}
