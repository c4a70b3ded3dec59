package io.wasm08.wasm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dialect detection from the contract binaries, against the generations the fixture READMEs list
 * (light-clients-and-rpc.md §1): eureka contracts G5, the ComposableFi G3 builds, the legacy G1
 * builds; plain CosmWasm contracts default to the current dialect.
 */
class ContractDialectsTest {
  static Stream<Arguments> fixtures() {
    return Stream.of(
        arguments("eureka/cw_dummy_light_client.wasm.gz", ContractDialect.G5),
        arguments("eureka/cw_ics08_wasm_eth.wasm.gz", ContractDialect.G5),
        arguments("ibc-go/ics07_tendermint_cw.wasm.gz", ContractDialect.G3),
        arguments("ibc-go/ics10_grandpa_cw.wasm.gz", ContractDialect.G3),
        arguments("ibc-go/ics10_grandpa_cw_expiry.wasm.gz", ContractDialect.G3),
        arguments("ibc-go/legacy-g1/ics10_grandpa_cw.wasm.gz", ContractDialect.G1),
        arguments("ibc-go/legacy-g1/ics07_tendermint_cw.wasm.gz", ContractDialect.G1),
        arguments("ibc-go/migrate_success.wasm.gz", ContractDialect.G5),
        arguments("ibc-go/migrate_error.wasm.gz", ContractDialect.G5));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("fixtures")
  void detectsTheFixtureGenerations(String fixture, ContractDialect expected) {
    byte[] wasm = SharedFixtures.get().contents("fixtures/light-clients/" + fixture);
    assertThat(ContractDialects.detect(Bytes.wrapOwned(wasm))).isEqualTo(expected);
  }

  @Test
  void overridesWinAndDetectionIsCached() {
    Bytes checksum = Bytes.wrapOwned(new byte[32]);
    Bytes other = Bytes.fromHex("01".repeat(32));
    ContractDialects dialects = new ContractDialects(Map.of(checksum, ContractDialect.G4));
    AtomicInteger loads = new AtomicInteger();
    assertThat(
            dialects.dialect(
                checksum,
                c -> {
                  loads.incrementAndGet();
                  return Bytes.EMPTY;
                }))
        .isEqualTo(ContractDialect.G4);
    assertThat(loads).hasValue(0);
    Bytes payload = Bytes.ofUtf8("code_hash check_substitute_and_update_state");
    Bytes g1ish =
        Bytes.ofUtf8("\0asm\1\0\0\0")
            .concat(Bytes.of((byte) 11, (byte) payload.size()))
            .concat(payload);
    assertThat(
            dialects.dialect(
                other,
                c -> {
                  loads.incrementAndGet();
                  return g1ish;
                }))
        .isEqualTo(ContractDialect.G1);
    assertThat(
            dialects.dialect(
                other,
                c -> {
                  loads.incrementAndGet();
                  return g1ish;
                }))
        .isEqualTo(ContractDialect.G1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void onlyTheWrappedTypeGenerationsRecoverOverTheG1Store() {
    assertThat(
            Stream.of(ContractDialect.values())
                .filter(ContractDialect::legacyRecoveryStore)
                .toList())
        .containsExactly(ContractDialect.G1_EARLY, ContractDialect.G1);
    assertThat(ContractDialect.G1.recoveryEntry()).isEqualTo("check_substitute_and_update_state");
    assertThat(ContractDialect.G3.recoveryEntry()).isEqualTo("migrate_client_store");
  }
}
