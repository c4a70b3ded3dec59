package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code wasm08 demo} in-process: a temporary RocksDB node, the store-code proposal passing, a
 * solo-machine client created, updated and proving a membership, the node stopped and its home
 * deleted; each step printed with its time.
 */
class DemoCommandTest {
  @Test
  void runsEveryStepAndCleansUp() {
    Wasm08CliTest.Run run = Wasm08CliTest.run("demo", "--voting-period", "PT1S");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("[1/8] init")
        .contains("[3/8] submit store-code proposal")
        .contains("proposal 1: MsgStoreCode(solo_machine_client.wasm")
        .contains("PASSED, checksum ")
        .contains("08-wasm-0 (solo machine, ed25519 key, height 0-1)")
        .contains("08-wasm-0 at height 0-2 after a signed header")
        .contains("verified (a forged value is refused)")
        .contains("[8/8] stop")
        .contains("temporary home deleted")
        .containsPattern("done in \\d+\\.\\d s");
    Matcher home = Pattern.compile("chain wasm08-demo in (\\S+),").matcher(run.out());
    assertThat(home.find()).isTrue();
    assertThat(java.nio.file.Path.of(home.group(1))).doesNotExist();
  }

  @Test
  void jsonSummaryListsTheStepsWithTimes() throws Exception {
    Wasm08CliTest.Run run =
        Wasm08CliTest.run("demo", "--voting-period", "PT1S", "--output", "json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("verified").asBoolean()).isTrue();
    List<String> steps = summary.get("steps").findValuesAsText("step");
    assertThat(steps)
        .containsExactly(
            "init",
            "start",
            "submit store-code proposal",
            "vote yes, wait for the tally",
            "create client",
            "update client",
            "verify membership",
            "stop");
    assertThat(summary.get("steps").findValues("ms")).allMatch(ms -> ms.asLong() >= 0);
  }
}
