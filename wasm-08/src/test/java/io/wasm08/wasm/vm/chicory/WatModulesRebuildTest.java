package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rebuilds every committed {@code .wat} test module with {@code wat2wasm} and compares the result
 * with the committed {@code .wasm}. Skipped where wabt is not installed (CI); run locally after
 * editing a {@code .wat}.
 */
class WatModulesRebuildTest {
  @TempDir Path tmp;

  static Stream<String> watFiles() throws IOException {
    Path dir = watDir();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".wat"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path watDir() {
    return Path.of("src/test/resources/wat").toAbsolutePath();
  }

  private static boolean wat2wasmAvailable() {
    try {
      Process p = new ProcessBuilder("wat2wasm", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("watFiles")
  void committedWasmMatchesWat(String watName) throws IOException, InterruptedException {
    Assumptions.assumeTrue(wat2wasmAvailable(), "wat2wasm (Debian wabt) is not installed");
    Path wat = watDir().resolve(watName);
    String firstLine = Files.readAllLines(wat).get(0);
    String prefix = ";; wat2wasm-flags:";
    assertThat(firstLine).startsWith(prefix);
    List<String> cmd = new ArrayList<>(List.of("wat2wasm"));
    for (String flag : firstLine.substring(prefix.length()).trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        cmd.add(flag);
      }
    }
    Path out = tmp.resolve(watName.replace(".wat", ".wasm"));
    cmd.addAll(List.of(wat.toString(), "-o", out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(log).isZero();
    byte[] committed = Files.readAllBytes(watDir().resolve(watName.replace(".wat", ".wasm")));
    assertThat(Files.readAllBytes(out)).isEqualTo(committed);
  }
}
