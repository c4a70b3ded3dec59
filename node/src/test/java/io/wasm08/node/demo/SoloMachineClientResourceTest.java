package io.wasm08.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The node jar carries the repository's solo-machine contract for the demo. */
class SoloMachineClientResourceTest {
  @Test
  void theContractIsOnTheClasspathWithItsRecordedChecksum()
      throws IOException, NoSuchAlgorithmException {
    byte[] wasm;
    try (InputStream in = getClass().getResourceAsStream("/solo_machine_client.wasm")) {
      assertThat(in).as("classpath resource /solo_machine_client.wasm").isNotNull();
      wasm = in.readAllBytes();
    }
    String recorded =
        Files.readString(
                SharedFixtures.get()
                    .projectRoot()
                    .resolve("examples/solo-machine-client/solo_machine_client.wasm.sha256"))
            .split(" ")[0];

    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm)))
        .isEqualTo(recorded);
    assertThat(wasm).startsWith(0x00, 0x61, 0x73, 0x6d);
  }
}
