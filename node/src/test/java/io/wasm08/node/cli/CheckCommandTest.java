package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.node.cli.Wasm08CliTest.Run;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasm08 check}, in-process. Checksums and verdicts come from the fixtures' READMEs and the
 * cosmwasm-vm tests (reference cosmwasm-vm.md §3).
 */
class CheckCommandTest {
  @TempDir Path tmp;

  private static String fixture(String rel) {
    return SharedFixtures.get().file("fixtures/" + rel).toString();
  }

  @Test
  void hackatomPassesWithItsReport() {
    Run run = Wasm08CliTest.run("check", fixture("cosmwasm/hackatom.wasm"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("checksum: 2a165f6d9ada2eac928570c1fc228e26fbd24be000d05c55298aaae4ae657e58")
        .contains("entry points: execute, instantiate, migrate, query, sudo")
        .contains(
            "required capabilities: cosmwasm_1_1, cosmwasm_1_2, cosmwasm_1_3, cosmwasm_1_4,"
                + " cosmwasm_2_0, cosmwasm_2_1, cosmwasm_2_2")
        .contains("migrate version: 420")
        .contains("  OK")
        .contains("All contracts (1) passed checks!");
  }

  @Test
  void gzippedLightClientWithIterator() {
    // 08-wasm checksum of ics07_tendermint_cw = sha256 of the uncompressed code (README)
    Run run =
        Wasm08CliTest.run(
            "check",
            "--capabilities",
            "iterator",
            fixture("light-clients/ibc-go/ics07_tendermint_cw.wasm.gz"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("checksum: ddc292a095aa9b8625d5d7ebdd3a9c2301bda10a489385d560ecd3f7846fbb39")
        .contains("entry points: instantiate, query, sudo")
        .contains("required capabilities: iterator")
        .contains("  OK");
  }

  @Test
  void grandpaNeedsPre309Limits() {
    String grandpa = fixture("light-clients/ibc-go/ics10_grandpa_cw.wasm.gz");
    Run strict = Wasm08CliTest.run("check", "--capabilities", "iterator", grandpa);
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out())
        .contains(
            "Error during static Wasm validation: Wasm contract contains function with more than"
                + " 100 locals: 120")
        .contains("Passes: 0, failures: 1");
    Run lenient =
        Wasm08CliTest.run(
            "check", "--capabilities", "iterator", "--without-locals-limits", grandpa);
    assertThat(lenient.exitCode()).isZero();
  }

  @Test
  void mixedFilesReportEachAndFail() {
    Run run =
        Wasm08CliTest.run(
            "check", fixture("cosmwasm/empty.wasm"), fixture("cosmwasm/hackatom_0.14.wasm"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("entry points: none")
        .contains(
            "Error during static Wasm validation: Wasm contract has unknown interface_version_*"
                + " marker export")
        .contains("Passes: 1, failures: 1");
  }

  @Test
  void missingCapabilityIsReported() {
    Run run =
        Wasm08CliTest.run("check", "--capabilities", "iterator", fixture("cosmwasm/ibc2.wasm"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Wasm contract requires unavailable capabilities: {\"ibc2\"}");
  }

  @Test
  void garbageAndMissingFiles() throws IOException {
    Path garbage = tmp.resolve("garbage.wasm");
    Files.writeString(garbage, "not wasm");
    Run run = Wasm08CliTest.run("check", garbage.toString(), tmp.resolve("nope.wasm").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "Error during static Wasm validation: Wasm bytecode could not be deserialized."
                + " Deserialization error: \"magic header not detected")
        .contains("failure: cannot read")
        .contains("Passes: 0, failures: 2");
  }

  @Test
  void gzipBombIsBounded() throws IOException {
    Path bomb = tmp.resolve("bomb.wasm.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 40; i++) {
        out.write(zeros);
      }
    }
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    Run run = Wasm08CliTest.run("check", bomb.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("failure: decompressed code exceeds 33554432 bytes");
  }

  @Test
  void compileReportsNoInterpretedFunction() {
    Run run =
        Wasm08CliTest.run(
            "check",
            "--compile",
            "--capabilities",
            "iterator",
            fixture("light-clients/eureka/cw_dummy_light_client.wasm.gz"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("in interpreter: none");
    assertThat(run.err())
        .as("a progress line while compiling")
        .contains("compiling")
        .contains("done");
  }
}
