package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each committed test contract is exactly what wat2wasm makes of its source (when installed). */
class WatSourcesTest {
  @Test
  void wasmFilesMatchTheirSources(@TempDir Path tmp)
      throws IOException, InterruptedException, URISyntaxException {
    Path dir = Path.of(WatSourcesTest.class.getResource("wat/driver.wat").toURI()).getParent();
    List<Path> sources;
    try (Stream<Path> files = Files.list(dir)) {
      sources = files.filter(p -> p.toString().endsWith(".wat")).sorted().toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      Path out = tmp.resolve(source.getFileName() + ".wasm");
      Process p;
      try {
        p = new ProcessBuilder("wat2wasm", source.toString(), "-o", out.toString()).start();
      } catch (IOException e) {
        Assumptions.abort("wat2wasm is not installed: " + e.getMessage());
        return;
      }
      assertThat(p.waitFor()).as("wat2wasm " + source.getFileName()).isZero();
      String name = source.getFileName().toString().replace(".wat", ".wasm");
      assertThat(Files.readAllBytes(out))
          .as(name + " is up to date (run build.sh)")
          .isEqualTo(Files.readAllBytes(dir.resolve(name)));
    }
  }
}
