package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.node.cli.Wasm08CliTest.Run;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.chicory.ModuleCompiler;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm08 vm instrument}, in-process. */
class VmInstrumentCommandTest {
  @TempDir Path tmp;

  private static String fixture(String rel) {
    return SharedFixtures.get().file("fixtures/" + rel).toString();
  }

  @Test
  void writesAModuleThatCompiles() throws IOException {
    Path out = tmp.resolve("hackatom.instrumented.wasm");
    Run run =
        Wasm08CliTest.run(
            "vm", "instrument", fixture("cosmwasm/hackatom.wasm"), "-o", out.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(Instrumenter.VERSION);
    byte[] written = Files.readAllBytes(out);
    assertThat(new String(written, StandardCharsets.ISO_8859_1))
        .contains(Instrumenter.REMAINING_POINTS)
        .contains(Instrumenter.POINTS_EXHAUSTED)
        .contains(Instrumenter.CALL_DEPTH_EXCEEDED);
    assertThat(ModuleCompiler.compile(written).report().fullyCompiled()).isTrue();
  }

  @Test
  void optionsChangeTheOutput() throws IOException {
    String in = fixture("light-clients/eureka/cw_dummy_light_client.wasm.gz");
    Path a = tmp.resolve("a.wasm");
    Path b = tmp.resolve("b.wasm");
    assertThat(Wasm08CliTest.run("vm", "instrument", in, "-o", a.toString()).exitCode()).isZero();
    assertThat(
            Wasm08CliTest.run("vm", "instrument", in, "-o", b.toString(), "--no-locals-charge")
                .exitCode())
        .isZero();
    // the dummy client has functions with 30+ locals (up to 37): their charge differs
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
  }

  @Test
  void invalidContractIsRejected() {
    Run run =
        Wasm08CliTest.run(
            "vm",
            "instrument",
            fixture("cosmwasm/hackatom_0.7.wasm"),
            "-o",
            tmp.resolve("x.wasm").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Wasm contract missing a required marker export");
  }

  @Test
  void vmNeedsASubcommand() {
    Run run = Wasm08CliTest.run("vm");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required subcommand").contains("instrument");
  }
}
