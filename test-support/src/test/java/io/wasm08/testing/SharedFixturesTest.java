package io.wasm08.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class SharedFixturesTest {
  @TempDir Path tmp;

  private Path project() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("work/project"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.writeString(root.resolve("mvnw"), "#!/bin/sh");
    return root;
  }

  private Path sharedBeside(Path root) throws IOException {
    return Files.createDirectories(root.resolveSibling("shared"));
  }

  @Test
  void defaultsToSharedBesideTheRootGivenByTheProperty() throws IOException {
    Path root = project();
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), root.toString(), tmp);
    assertThat(fixtures.projectRoot()).isEqualTo(root);
    assertThat(fixtures.sharedDir()).isEqualTo(root.resolveSibling("shared"));
    assertThat(fixtures.isPresent()).isFalse();
  }

  @Test
  void walksUpToTheRootWhenNoPropertyIsGiven() throws IOException {
    Path root = project();
    Path module = Files.createDirectories(root.resolve("store/src"));
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), null, module);
    assertThat(fixtures.projectRoot()).isEqualTo(root);
  }

  @Test
  void environmentOverrideMayBeAbsoluteOrRelativeToTheRoot() throws IOException {
    Path root = project();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    assertThat(
            SharedFixtures.resolve(
                    Map.of(SharedFixtures.ENV_VAR, elsewhere.toString()), root.toString(), tmp)
                .sharedDir())
        .isEqualTo(elsewhere);
    assertThat(
            SharedFixtures.resolve(Map.of(SharedFixtures.ENV_VAR, "../x"), root.toString(), tmp)
                .sharedDir())
        .isEqualTo(root.resolveSibling("x"));
  }

  @Test
  void absentSharedFolderSkipsWithAClearMessage() throws IOException {
    Path root = project();
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), root.toString(), tmp);
    assertThatThrownBy(() -> fixtures.file("fixtures/cosmwasm/hackatom.wasm"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("shared fixtures not found at " + fixtures.sharedDir())
        .hasMessageContaining(SharedFixtures.ENV_VAR);
    assertThatThrownBy(() -> fixtures.dir("fixtures")).isInstanceOf(TestAbortedException.class);
  }

  @Test
  void presentFolderWithMissingFileOrDirectoryFails() throws IOException {
    Path root = project();
    sharedBeside(root);
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), root.toString(), tmp);
    assertThatThrownBy(() -> fixtures.file("fixtures/nope.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fixture file missing");
    assertThatThrownBy(() -> fixtures.dir("fixtures/nope"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fixture directory missing");
  }

  @Test
  void verifiesTheSha256ListedInTheFixtureFolder() throws IOException {
    Path root = project();
    Path folder = Files.createDirectories(sharedBeside(root).resolve("fixtures/set"));
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/good.json"), "{}");
    Files.writeString(folder.resolve("bad.json"), "{}");
    // sha256("{}")
    String sha = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    Files.writeString(
        folder.resolve("SHA256SUMS"),
        sha + "  ./sub/good.json\n" + sha.replace('4', '5') + "  ./bad.json\n");
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), root.toString(), tmp);

    assertThat(fixtures.bytes("fixtures/set/sub/good.json")).isEqualTo("{}".getBytes());
    assertThatThrownBy(() -> fixtures.file("fixtures/set/bad.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has sha256 " + sha);
  }

  @Test
  void refusesPathsThatEscapeTheSharedFolder() throws IOException {
    Path root = project();
    sharedBeside(root);
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), root.toString(), tmp);
    assertThatThrownBy(() -> fixtures.file("../project/pom.xml"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gunzipsDotGzContentsInMemory() throws IOException {
    Path root = project();
    Path shared = sharedBeside(root);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("\0asm".getBytes(StandardCharsets.ISO_8859_1));
    }
    Files.write(shared.resolve("c.wasm.gz"), gz.toByteArray());
    SharedFixtures fixtures = SharedFixtures.resolve(Map.of(), root.toString(), tmp);
    assertThat(fixtures.contents("c.wasm.gz"))
        .isEqualTo("\0asm".getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The real folder, when present: the locator finds it and a known fixture verifies. */
  @Test
  void findsTheRealSharedFolder() {
    SharedFixtures fixtures = SharedFixtures.get();
    fixtures.assumePresent();
    assertThat(fixtures.file("fixtures/cosmwasm/hackatom.wasm")).isRegularFile();
  }
}
