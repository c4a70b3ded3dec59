package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.node.cli.Wasm08CliTest.Run;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code wasm08 check} on the repository's own light client (examples/solo-machine-client): it
 * passes with ibc-go 08-wasm's capability set, {@code iterator}, and needs nothing else.
 */
class SoloMachineClientCheckTest {
  private static final Path DIR =
      SharedFixtures.get().projectRoot().resolve("examples/solo-machine-client");

  @Test
  void passesWithCapabilityIterator() throws IOException {
    String checksum =
        Files.readString(DIR.resolve("solo_machine_client.wasm.sha256")).split(" ")[0];

    Run run =
        Wasm08CliTest.run(
            "check",
            "--capabilities",
            "iterator",
            "--compile",
            DIR.resolve("solo_machine_client.wasm").toString());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("checksum: " + checksum)
        .contains("entry points: instantiate, migrate, query, sudo")
        .contains("required capabilities: iterator")
        .contains("  OK")
        .contains("in interpreter: none")
        .contains("All contracts (1) passed checks!");
  }

  @Test
  void failsWithoutIterator() {
    Run run =
        Wasm08CliTest.run(
            "check", "--capabilities", "", DIR.resolve("solo_machine_client.wasm").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "Error during static Wasm validation: Wasm contract requires unavailable"
                + " capabilities: {\"iterator\"}");
  }
}
