package io.wasm08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.relayer.relay.RelayerConfig;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The relayer configuration shown in operations.md is one the relayer accepts, as described. */
class RelayerConfigDocTest {

  @Test
  void theDocumentedExampleLoads() throws IOException {
    String doc = Files.readString(SharedFixtures.get().projectRoot().resolve("docs/operations.md"));
    String section = doc.substring(doc.indexOf("## Relayer"));
    Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(yaml.find()).as("a yaml block in the Relayer section").isTrue();

    RelayerConfig config = RelayerConfig.parse(yaml.group(1), true);

    assertThat(config.destination().grpc()).isEqualTo("127.0.0.1:9090");
    assertThat(config.key().keyring()).isEqualTo("alice");
    assertThat(config.key().hdPath()).isEqualTo("m/44'/118'/0'/0/0");
    assertThat(config.sources().get("chain-a").rpc()).hasSize(2);
    assertThat(config.clients())
        .extracting(RelayerConfig.Client::clientId)
        .containsExactly("08-wasm-0");
    assertThat(config.quorum().executors())
        .extracting(RelayerConfig.Executor::type)
        .containsExactly("compiler", "interpreter");
    assertThat(config.metrics().port()).isEqualTo(9464);
  }
}
