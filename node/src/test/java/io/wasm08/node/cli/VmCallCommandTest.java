package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.testing.MockApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wasm08 vm call} in-process, on hackatom.wasm with the mock backend. */
class VmCallCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final MockApi API = new MockApi();
  static final String VERIFIER = API.addrMake("verifies");
  static final String BENEFICIARY = API.addrMake("benefits");
  static final String INSTANTIATE =
      "{\"verifier\": \"" + VERIFIER + "\", \"beneficiary\": \"" + BENEFICIARY + "\"}";
  static final String CREATOR_INFO =
      "{\"sender\":\""
          + API.addrMake("creator")
          + "\",\"funds\":[{\"denom\":\"earth\",\"amount\":\"1000\"}]}";
  static final String VERIFIER_INFO =
      "{\"sender\":\"" + VERIFIER + "\",\"funds\":[{\"denom\":\"earth\",\"amount\":\"15\"}]}";
  // {"verifier":"<addr_make(verifies)>"} (../shared/fixtures/cosmwasm/README.md)
  static final String VERIFIER_ANSWER =
      "{\"ok\":\"eyJ2ZXJpZmllciI6ImNvc213YXNtMXB1NnFuenR3bjh3OTVqOTAzNzg2YXFzdGozc21oeHlzZW5hc3AzcmtoZGZ3MDZlOXZyanMycmx4OHcifQ==\"}";

  static Path hackatom;

  @BeforeAll
  static void fixture() {
    hackatom = SharedFixtures.get().file("fixtures/cosmwasm/hackatom.wasm");
  }

  record Run(int exitCode, List<JsonNode> lines, String err) {}

  static Run run(String... args) throws IOException {
    CommandLine cli =
        new CommandLine(new VmCallCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(code, lines, err.toString());
  }

  @Test
  void instantiateExecuteQueryAcrossRunsThroughTheStateFile(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state.json");
    Run init =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "instantiate",
            "--msg",
            INSTANTIATE,
            "--info",
            CREATOR_INFO,
            "--state",
            state.toString());
    assertThat(init.exitCode()).isZero();
    JsonNode line = init.lines().get(0);
    assertThat(line.get("error").isNull()).isTrue();
    assertThat(line.get("result").has("ok")).isTrue();
    // cosmwasm-vm's contract_deducts_gas_init / create_gas_report_works: 18 034 576 in total,
    // 251 of it external (MockStorage) and 18 034 325 internal
    assertThat(line.get("gas_used").asLong()).isEqualTo(18_034_576);
    assertThat(line.get("gas_used_externally").asLong()).isEqualTo(251);
    assertThat(line.get("gas_used_internally").asLong()).isEqualTo(18_034_325);
    assertThat(state).exists();
    assertThat(JSON.readTree(state.toFile()).size()).isEqualTo(1);

    Run exec =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "execute",
            "--msg",
            "{\"release\":{\"denom\":\"earth\"}}",
            "--info",
            VERIFIER_INFO,
            "--state",
            state.toString(),
            "--engine",
            "interpreter");
    assertThat(exec.lines().get(0).get("result").get("ok").get("messages")).hasSize(1);

    Run query =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "query",
            "--msg",
            "{\"verifier\":{}}",
            "--state",
            state.toString());
    assertThat(query.lines().get(0).get("result").toString()).isEqualTo(VERIFIER_ANSWER);
  }

  @Test
  void faultsAndContractErrorsLeaveTheStateFileUntouched(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state.json");
    run(
        "--code",
        hackatom.toString(),
        "--entry",
        "instantiate",
        "--msg",
        INSTANTIATE,
        "--info",
        CREATOR_INFO,
        "--state",
        state.toString());
    byte[] before = Files.readAllBytes(state);

    Run panic =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "execute",
            "--msg",
            "{\"panic\":{}}",
            "--state",
            state.toString());
    assertThat(panic.exitCode()).isEqualTo(1);
    assertThat(panic.lines().get(0).get("result").isNull()).isTrue();
    assertThat(panic.lines().get(0).get("error").asText())
        .startsWith(
            "Error executing Wasm: Wasmer runtime error: RuntimeError: Aborted: panicked at");
    assertThat(panic.lines().get(0).get("gas_used").asLong()).isPositive();

    Run unauthorized =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "execute",
            "--msg",
            "{\"release\":{\"denom\":\"earth\"}}",
            "--state",
            state.toString());
    assertThat(unauthorized.exitCode()).as("contract errors are values").isZero();
    assertThat(unauthorized.lines().get(0).get("result").has("error")).isTrue();
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void batchRunsInOrderOnOneStore(@TempDir Path dir) throws IOException {
    Path requests = dir.resolve("calls.jsonl");
    Files.writeString(
        requests,
        String.join(
            "\n",
            JSON.createObjectNode()
                .put("entry", "instantiate")
                .put("msg", INSTANTIATE)
                .set("info", JSON.readTree(CREATOR_INFO))
                .toString(),
            "{\"entry\":\"query\",\"msg\":{\"verifier\":{}}}",
            "not json",
            "{\"entry\":\"execute\",\"msg\":{\"release\":{\"denom\":\"earth\"}},\"gas_limit\":20000}",
            ""));
    Run batch = run("--code", gzip(dir, hackatom).toString(), "--batch", requests.toString());
    assertThat(batch.lines()).hasSize(4);
    assertThat(batch.lines().get(0).get("result").has("ok")).isTrue();
    assertThat(batch.lines().get(1).get("result").toString()).isEqualTo(VERIFIER_ANSWER);
    assertThat(batch.lines().get(2).get("error").asText()).isEqualTo("invalid request line");
    // contract_enforces_gas_limit: 20 000 is far too little
    assertThat(batch.lines().get(3).get("error").asText()).contains("gas");
    assertThat(batch.exitCode()).isEqualTo(1);
  }

  @Test
  void zipBombsAndBadStateFilesAreRejected(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 65; i++) {
        gz.write(zeros);
      }
    }
    Path bomb = dir.resolve("bomb.wasm.gz");
    Files.write(bomb, bytes.toByteArray());
    Run run = run("--code", bomb.toString(), "--entry", "query", "--msg", "{}");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines().get(0).get("error").asText())
        .startsWith("invalid input: ")
        .endsWith("decompressed code exceeds 33554432 bytes");

    Path state = dir.resolve("state.json");
    Files.writeString(state, "{\"zz\":\"AA==\"}");
    Run badState =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "query",
            "--msg",
            "{}",
            "--state",
            state.toString());
    assertThat(badState.lines().get(0).get("error").asText())
        .startsWith("invalid input: ")
        .contains("bad entry zz");
    assertThat(Files.readString(state)).isEqualTo("{\"zz\":\"AA==\"}");
  }

  @Test
  void capabilitiesAreCheckedAtStoreTime() throws IOException {
    Run run =
        run(
            "--code",
            hackatom.toString(),
            "--entry",
            "query",
            "--msg",
            "{}",
            "--capabilities",
            "iterator");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines().get(0).get("error").asText())
        .isEqualTo(
            "storing the code failed: Error during static Wasm validation: Wasm contract requires"
                + " unavailable capabilities: {\"cosmwasm_1_1\", \"cosmwasm_1_2\", \"cosmwasm_1_3\","
                + " \"cosmwasm_1_4\", \"cosmwasm_2_0\", \"cosmwasm_2_1\", \"cosmwasm_2_2\"}");
  }

  @Test
  void registeredUnderWasm08Vm() {
    CommandLine cli = Wasm08Cli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("vm", "call", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: wasm08 vm call").contains("--batch");
  }

  @Test
  void usageErrors() throws IOException {
    Run neither = run("--code", "x.wasm");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("Give either --entry and --msg, or --batch");
    Run both = run("--code", "x.wasm", "--entry", "query", "--msg", "{}", "--batch", "-");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  static Path gzip(Path dir, Path wasm) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(wasm));
    }
    Path out = dir.resolve("hackatom.wasm.gz");
    Files.write(out, bytes.toByteArray());
    return out;
  }
}
