package io.wasm08.spectests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm08 conformance …} in-process: registration, formats, exit codes, usage errors. */
class ConformanceCommandTest {
  @TempDir Path tmp;

  @Test
  void theNodeCliFindsTheConformanceCommand() {
    Cli.Run help = Cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("conformance");
    Cli.Run suites = Cli.run("conformance", "--help");
    assertThat(suites.out())
        .contains(
            "ics23", "check", "vm-gas", "ics08", "eth-lc", "tendermint-lc", "light-blocks", "all");
  }

  @Test
  void aSuiteOverAVectorFolderPassesWithExitZero() {
    Path iavl = SharedFixtures.get().dir("fixtures/ics23/iavl");
    Cli.Run run = Cli.run("conformance", "ics23", "--dir", iavl.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // 6 single files + 2 batch files of 20 items and one round trip each (fixtures/ics23/README)
    assertThat(run.out()).contains("total: 48 passed, 0 failed, 0 skipped — PASS");
  }

  @Test
  void formatsAndReportFilesAndExitOneOnFailure() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("vectors"));
    Files.writeString(dir.resolve("broken.json"), "{not json");
    Path out = tmp.resolve("out");
    Cli.Run json =
        Cli.run(
            "conformance",
            "ics23",
            "--dir",
            dir.toString(),
            "--format",
            "json",
            "--report-dir",
            out.toString());
    assertThat(json.exitCode()).isEqualTo(1);
    var report = new ObjectMapper().readTree(json.out());
    assertThat(report.get("passed").asBoolean()).isFalse();
    assertThat(report.at("/suites/0/cases/0/name").asText()).isEqualTo("broken.json");
    assertThat(report.at("/suites/0/cases/0/detail").asText()).contains("not valid JSON");
    assertThat(json.err()).contains("report written to " + out.resolve("report.md"));
    assertThat(out.resolve("report.md")).content().contains("| broken.json | **fail** |");
    assertThat(out.resolve("report.xml")).content().contains("<failure message=");

    Cli.Run markdown =
        Cli.run("conformance", "ics23", "--dir", dir.toString(), "--format", "markdown");
    assertThat(markdown.out()).startsWith("# Conformance report");
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertThat(Cli.run("conformance").exitCode()).isEqualTo(2);
    Cli.Run spec = Cli.run("conformance", "ics23", "--dir", tmp.toString(), "--spec", "patricia");
    assertThat(spec.exitCode()).isEqualTo(2);
    assertThat(spec.err()).contains("--spec must be iavl, tendermint or smt");
    Cli.Run encoding =
        Cli.run(
            "conformance", "light-blocks", "--dir", tmp.toString(), "--bisection-encoding", "x");
    assertThat(encoding.exitCode()).isEqualTo(2);
    Cli.Run expected =
        Cli.run(
            "conformance",
            "check",
            "--dir",
            tmp.toString(),
            "--expected",
            tmp.resolve("missing.json").toString());
    assertThat(expected.exitCode()).isEqualTo(2);
    assertThat(expected.err()).contains("cannot read");
  }

  @Test
  void ics08ReadsStateFilesVerbatimOrAsHexAndChecksItsOptions() throws IOException {
    String dummy =
        SharedFixtures.get()
            .file("fixtures/light-clients/eureka/cw_dummy_light_client.wasm.gz")
            .toString();
    Path cs = Files.writeString(tmp.resolve("client-state.hex"), "6373 0a"); // "cs\n"
    Path cons = Files.writeString(tmp.resolve("consensus-state.json"), "{\"any\":1}");
    Cli.Run run =
        Cli.run(
            "conformance",
            "ics08",
            "--contract",
            dummy,
            "--client-state",
            cs.toString(),
            "--consensus-state",
            cons.toString(),
            "--block-time",
            "2023-11-14T22:13:20Z",
            "--dialect",
            "g5",
            "-v");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // the dummy answers env.block.time (eureka README), here 1700000000 s
    assertThat(run.out()).contains("1700000000000000000 ns at 0-1").contains("G5 (detected)");

    Cli.Run storeOnly = Cli.run("conformance", "ics08", "--contract", dummy);
    assertThat(storeOnly.exitCode()).as(storeOnly.out()).isZero();
    assertThat(storeOnly.out()).contains("SKIP  ics08  instantiate: no --client-state");

    Cli.Run alone =
        Cli.run("conformance", "ics08", "--contract", dummy, "--client-state", cs.toString());
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--client-state and --consensus-state go together");
    Cli.Run dialect = Cli.run("conformance", "ics08", "--contract", dummy, "--dialect", "g2");
    assertThat(dialect.exitCode()).isEqualTo(2);
    assertThat(dialect.err()).contains("--dialect must be auto, g1-early, g1, g3, g4 or g5");
    Cli.Run typo =
        Cli.run(
            "conformance",
            "ics08",
            "--contract",
            dummy,
            "--expected",
            Files.writeString(tmp.resolve("gas.json"), "{\"stauts\": 1}").toString());
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown ics08 expectation \"stauts\"");
    Cli.Run badHex =
        Cli.run(
            "conformance",
            "ics08",
            "--contract",
            dummy,
            "--client-state",
            Files.writeString(tmp.resolve("bad.hex"), "xyz").toString(),
            "--consensus-state",
            cons.toString());
    assertThat(badHex.exitCode()).isEqualTo(2);
    assertThat(badHex.err()).contains(tmp.resolve("bad.hex") + " is not hex");
  }

  @Test
  void aMissingFolderFailsTheSuiteLoudly() {
    Cli.Run run = Cli.run("conformance", "light-blocks", "--dir", tmp.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  light-blocks  input: no such folder: ");
  }
}
