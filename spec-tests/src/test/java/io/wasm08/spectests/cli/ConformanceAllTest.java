package io.wasm08.spectests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code wasm08 conformance all --shared ../shared} passes and writes its report to {@code
 * target/conformance/} (the module's target folder: Maven runs tests in the module directory).
 * Skipped when the shared folder is absent.
 */
class ConformanceAllTest {
  @Test
  void allSuitesPassOverTheSharedFixtures() throws IOException {
    Path shared = SharedFixtures.get().dir("fixtures").getParent();
    Cli.Run run = Cli.run("conformance", "all", "--shared", shared.toString());
    System.out.print(run.out());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Path report = Path.of("target", "conformance", "report.md");
    assertThat(run.err()).contains("report written to " + report);
    assertThat(Files.readString(report)).contains("result: **PASS**");

    JsonNode json = new ObjectMapper().readTree(report.resolveSibling("report.json").toFile());
    List<String> counts = new ArrayList<>();
    List<String> docRows = new ArrayList<>();
    for (JsonNode suite : json.get("suites")) {
      JsonNode c = suite.get("counts");
      String rel = shared.relativize(Path.of(suite.get("subject").asText())).toString();
      docRows.add(
          "| %s | `../shared/%s` | %s | %s | %s | %s |"
              .formatted(
                  suite.get("suite").asText(),
                  rel.replace('\\', '/'),
                  c.get("pass"),
                  c.get("fail"),
                  c.get("skip"),
                  suite.get("passed").asBoolean() ? "PASS" : "**FAIL**"));
      String folder = Path.of(suite.get("subject").asText()).getFileName().toString();
      counts.add(
          suite.get("suite").asText()
              + " "
              + folder
              + " "
              + c.get("pass")
              + "/"
              + c.get("fail")
              + "/"
              + c.get("skip"));
    }
    // Case counts derived from the shared folders' READMEs:
    // ics23: 12 single files + 4 batch files × (20 items + 1 round trip) + 57 table rows
    //   (7+11+4+6+10+11+8) + 19 real-chain proofs;
    // check: 27 cosmwasm contracts, 7 ibc-go light clients (5 + 2 in legacy-g1/), 2 eureka ones;
    // vm-gas: the checksum + 2 engines × (3 calls × 2 meterings + report, limit, gas left, pages);
    // ics08: 4 store-code cases, dialect, instantiate, status, timestamp, 3 error mappings, the
    //   interpreter; skipped: the dummy accepts any client message (eureka README: "every
    //   verification succeeds"), the eth client's update_state_on_misbehaviour does not read the
    //   message;
    // eth-lc: store code + per fixture instantiate and a tampered header, each update, and per
    //   step the first commitment proven / tampered proof / wrong value (eureka README: ICS20
    //   step 1 = 1 update + MsgRecvPacket, step 2 = 2 updates + MsgAcknowledgement; MultiPeriod
    //   step 1 = 3 updates + MsgRecvPacket): 1 + (2 + 1 + 3 + 2 + 3) + (2 + 3 + 3);
    // tendermint-lc: store code + the update fixture (instantiate, status, 4 negatives, update)
    //   + the membership fixture (instantiate, proof, 3 negatives);
    // light-blocks: 41 single-step files + 8 bisection anchors (_worst_case's skipped as
    //   documented) + 4 single-peer files × (primary, witnesses) + 4 multi-peer files.
    assertThat(counts)
        .containsExactly(
            "ics23 ics23 172/0/0",
            "check cosmwasm 27/0/0",
            "check ibc-go 7/0/0",
            "check eureka 2/0/0",
            "vm-gas hackatom.wasm 21/0/0",
            "ics08 cw_dummy_light_client.wasm.gz 11/0/1",
            "ics08 cw_ics08_wasm_eth.wasm.gz 11/0/1",
            "ics08 ics07_tendermint_cw.wasm.gz 12/0/0",
            "eth-lc eureka 20/0/0",
            "tendermint-lc tendermint-lc-fixtures 13/0/0",
            "light-blocks tendermint-light-client 60/0/1");
    // docs/conformance.md shows this run's summary table
    String doc =
        Files.readString(SharedFixtures.get().projectRoot().resolve("docs/conformance.md"));
    String table =
        doc.substring(
            doc.indexOf("<!-- current-report -->\n") + "<!-- current-report -->\n".length(),
            doc.indexOf("<!-- /current-report -->"));
    assertThat(table.lines().skip(2).toList()).isEqualTo(docRows);
    for (String other : new String[] {"report.xml", "report.txt"}) {
      assertThat(report.resolveSibling(other)).isNotEmptyFile();
    }
  }
}
