package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed module is what its sources build to: its sha256 file is right, and build.sh
 * reproduces it byte for byte when the pinned tools (Debian bookworm: clang 14.0.6, wasm-ld,
 * binaryen 108) are installed — skipped otherwise, since the Java build never needs a C toolchain.
 */
class SoloMachineContractBuildTest {
  static final String PINNED_CLANG = "Debian clang version 14.0.6";
  static final String PINNED_BINARYEN = "wasm-opt version 108";

  @Test
  void theCommittedModuleMatchesItsSha256File() throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(SoloMachineContract.wasm().toByteArray());

    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(SoloMachineContract.recordedSha256());
  }

  @Test
  void buildShReproducesTheCommittedModule(@TempDir Path tmp)
      throws IOException, InterruptedException {
    String version = firstLine(List.of("clang", "--version"));
    Assumptions.assumeTrue(
        version != null && version.startsWith(PINNED_CLANG),
        () -> "skipped: needs '" + PINNED_CLANG + "' on PATH (found: " + version + ")");
    Assumptions.assumeTrue(
        firstLine(List.of("wasm-ld", "--version")) != null, "skipped: needs wasm-ld (lld)");
    String binaryen = firstLine(List.of("wasm-opt", "--version"));
    Assumptions.assumeTrue(
        binaryen != null && binaryen.startsWith(PINNED_BINARYEN),
        () -> "skipped: needs '" + PINNED_BINARYEN + "' on PATH (found: " + binaryen + ")");

    Path out = tmp.resolve("rebuilt.wasm");
    Process build =
        new ProcessBuilder(
                "bash", SoloMachineContract.dir().resolve("build.sh").toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(log).isZero();

    assertThat(Files.readAllBytes(out))
        .as("build.sh output differs from the committed %s", SoloMachineContract.FILE_NAME)
        .isEqualTo(SoloMachineContract.wasm().toByteArray());
  }

  /** The first output line of a command, or null when it cannot run. */
  private static String firstLine(List<String> command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return output.lines().findFirst().orElse(null);
    } catch (IOException e) {
      return null; // not installed
    }
  }
}
