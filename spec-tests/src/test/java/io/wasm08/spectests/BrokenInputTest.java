package io.wasm08.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.spectests.suites.CheckSuite;
import io.wasm08.spectests.suites.EthLcSuite;
import io.wasm08.spectests.suites.GasExpectations;
import io.wasm08.spectests.suites.Ics08Expectations;
import io.wasm08.spectests.suites.Ics08Suite;
import io.wasm08.spectests.suites.Ics23Suite;
import io.wasm08.spectests.suites.LightBlocksSuite;
import io.wasm08.spectests.suites.SharedLayout;
import io.wasm08.spectests.suites.TendermintLcSuite;
import io.wasm08.spectests.suites.VmGasSuite;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every suite fails loudly on a deliberately broken input: a flipped byte in a vector, a tampered
 * contract, a wrong expectation. Each broken input is built here, in a temporary folder, from the
 * real shared fixtures (nothing is committed); the failure must name the case and give a reason,
 * while the untouched cases beside it still pass.
 */
class BrokenInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SharedFixtures SHARED = SharedFixtures.get();

  @TempDir Path tmp;

  // ---- ics23 ----

  @Test
  void ics23FailsOnAFlippedProofByte() throws IOException {
    ObjectNode vector = json("fixtures/ics23/iavl/exist_left.json");
    vector.put("proof", flipHexDigit(vector.get("proof").asText(), 200));
    write("iavl/exist_left.json", vector);
    copy("fixtures/ics23/iavl/exist_right.json", "iavl/exist_right.json");

    SuiteResult result = SuiteRunner.run(new Ics23Suite(tmp, null));
    assertFailsExactly(result, "iavl/exist_left.json");
    assertThat(result.count(Outcome.PASS)).isEqualTo(1);
  }

  @Test
  void ics23FailsOnAFlippedRootOrBatchValue() throws IOException {
    ObjectNode single = json("fixtures/ics23/tendermint/nonexist_middle.json");
    single.put("root", flipHexDigit(single.get("root").asText(), 5));
    write("tendermint/nonexist_middle.json", single);
    ObjectNode batch = json("fixtures/ics23/iavl/batch_exist.json");
    ObjectNode item = (ObjectNode) batch.get("items").get(7);
    item.put("value", flipHexDigit(item.get("value").asText(), 3));
    write("iavl/batch_exist.json", batch);

    SuiteResult result = SuiteRunner.run(new Ics23Suite(tmp, null));
    List<String> failed = result.failures().stream().map(CaseResult::name).toList();
    assertThat(failed).hasSize(2).contains("tendermint/nonexist_middle.json");
    assertThat(failed.stream().filter(n -> n.startsWith("iavl/batch_exist.json item 7 ")))
        .hasSize(1);
    // the other 19 items and the compression round trip still pass
    assertThat(result.count(Outcome.PASS)).isEqualTo(20);
  }

  @Test
  void ics23FailsOnATamperedUnitTableAndChainedProof() throws IOException {
    ObjectNode table = json("fixtures/ics23/TestDoHashData.json");
    String first = table.fieldNames().next();
    ObjectNode row = (ObjectNode) table.get(first);
    row.put("ExpectedHash", flipHexDigit(row.get("ExpectedHash").asText(), 0));
    write("TestDoHashData.json", table);
    ObjectNode chained = json("fixtures/ics23/ibc-go/band_oracle_exist_h24999.json");
    chained.put("value", flipHexDigit(chained.get("value").asText(), 1));
    write("ibc-go/band_oracle_exist_h24999.json", chained);

    SuiteResult result = SuiteRunner.run(new Ics23Suite(tmp, null));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactlyInAnyOrder(
            "TestDoHashData.json " + first, "ibc-go/band_oracle_exist_h24999.json");
    assertThat(result.count(Outcome.PASS)).isEqualTo(6); // the table's other six rows
  }

  @Test
  void ics23FailsOnAFileInNoVectorFormatAndOnAnEmptyFolder() throws IOException {
    Files.writeString(tmp.resolve("notes.json"), "{\"hello\":\"world\"}");
    SuiteResult result = SuiteRunner.run(new Ics23Suite(tmp, null));
    assertFailsExactly(result, "notes.json");
    assertThat(result.failures().getFirst().detail()).contains("neither a proof vector");

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    SuiteResult none = SuiteRunner.run(new Ics23Suite(empty, null));
    assertFailsExactly(none, "input");
    assertThat(none.failures().getFirst().detail()).startsWith("nothing to check");
  }

  // ---- check ----

  @Test
  void checkFailsOnATamperedContract() throws IOException {
    byte[] wasm = SHARED.bytes("fixtures/cosmwasm/empty.wasm");
    wasm[wasm.length / 2] ^= 0x01;
    Files.write(tmp.resolve("empty.wasm"), wasm);
    // the upstream checksum of empty.wasm (fixtures/cosmwasm/README.md)
    Files.writeString(
        tmp.resolve("expected.json"),
        """
        {"contracts": {"empty.wasm": {"verdict": "pass",
          "checksum": "191ba7542b9c21876cee7d69b909b2c4001df956471523868e0161bca3522795"}}}
        """);
    SuiteResult result = SuiteRunner.run(CheckSuite.of(tmp, null));
    assertFailsExactly(result, "empty.wasm");
    assertThat(result.failures().getFirst().detail())
        .contains("expected 191ba7542b9c21876cee7d69b909b2c4001df956471523868e0161bca3522795");
  }

  @Test
  void checkFailsOnAWrongVerdictAndOnAListedContractThatIsMissing() throws IOException {
    copy("fixtures/cosmwasm/hackatom_0.15.wasm", "hackatom_0.15.wasm");
    copy("fixtures/cosmwasm/hackatom_1.3.wasm", "hackatom_1.3.wasm");
    Files.writeString(
        tmp.resolve("expected.json"),
        """
        {"contracts": {"hackatom_0.15.wasm": {"verdict": "pass"},
                       "gone.wasm": {"verdict": "pass"}}}
        """);
    SuiteResult result = SuiteRunner.run(CheckSuite.of(tmp, null));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactlyInAnyOrder("hackatom_0.15.wasm", "gone.wasm");
    assertThat(result.failures().getFirst().detail())
        .startsWith("rejected: Error during static Wasm validation: Wasm contract has unknown");
    assertThat(result.count(Outcome.PASS)).isEqualTo(1); // hackatom_1.3.wasm, unlisted: must pass
  }

  @Test
  void checkFailsOnAContractThatNeedsMoreThanTheChainOffers() throws IOException {
    copy("fixtures/cosmwasm/hackatom.wasm", "hackatom.wasm");
    SuiteResult result = SuiteRunner.run(CheckSuite.of(tmp, java.util.Set.of("iterator")));
    assertFailsExactly(result, "hackatom.wasm");
    assertThat(result.failures().getFirst().detail())
        .contains("Wasm contract requires unavailable capabilities");
  }

  // ---- vm-gas ----

  @Test
  void vmGasFailsOnAWrongGasExpectation() {
    Path hackatom = SHARED.file("fixtures/cosmwasm/hackatom.wasm");
    GasExpectations wrong = GasExpectations.UPSTREAM.with(GasExpectations.EXECUTE, 24_624_366L + 1);
    SuiteResult result = SuiteRunner.run(new VmGasSuite(hackatom, wrong));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactlyInAnyOrder(
            "contract_deducts_gas_execute [compiler]",
            "contract_deducts_gas_execute [interpreter]");
    assertThat(result.failures().getFirst().detail()).isEqualTo("gas 24624366, expected 24624367");
    assertThat(result.count(Outcome.PASS)).isEqualTo(result.cases().size() - 2);
  }

  // ---- light-blocks ----

  @Test
  void lightBlocksFailOnATamperedVerdictAndExpectedOutput() throws IOException {
    String single = "fixtures/tendermint-light-client/model_based/single_step/";
    ObjectNode vector = json(single + "MC4_4_faulty_TestSuccess.json");
    ArrayNode inputs = (ArrayNode) vector.get("input");
    ((ObjectNode) inputs.get(inputs.size() - 1)).put("verdict", "INVALID");
    write("single_step/MC4_4_faulty_TestSuccess.json", vector);
    copy(single + "MC4_4_faulty_TestFailure.json", "single_step/MC4_4_faulty_TestFailure.json");
    ObjectNode bisection =
        json("fixtures/tendermint-light-client/bisection/single_peer/_happy_path.json");
    bisection.put("expected_output", "error");
    write("single_peer/_happy_path.json", bisection);

    SuiteResult result =
        SuiteRunner.run(new LightBlocksSuite(tmp, LightBlocksSuite.BisectionEncoding.AMINO_V0_33));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactlyInAnyOrder(
            "single_step/MC4_4_faulty_TestSuccess.json",
            "single_peer/_happy_path.json (primary)",
            "single_peer/_happy_path.json (witnesses)");
    assertThat(result.failures().stream().map(CaseResult::detail))
        .anyMatch(d -> d.contains("expected INVALID, got SUCCESS"))
        .anyMatch(d -> d.startsWith("expected an error, but height 11 was verified"));
  }

  @Test
  void lightBlocksFailOnAFlippedHeaderByte() throws IOException {
    ObjectNode vector =
        json(
            "fixtures/tendermint-light-client/model_based/single_step/MC10_3_faulty_TestSuccess.json");
    // the consensus hash of the first input block: the header no longer matches what was signed
    ObjectNode header =
        (ObjectNode) vector.get("input").get(0).get("block").get("signed_header").get("header");
    header.put("consensus_hash", flipHexDigit(header.get("consensus_hash").asText(), 4));
    write("MC10_3_faulty_TestSuccess.json", vector);
    SuiteResult result =
        SuiteRunner.run(new LightBlocksSuite(tmp, LightBlocksSuite.BisectionEncoding.AMINO_V0_33));
    assertFailsExactly(result, "MC10_3_faulty_TestSuccess.json");
    assertThat(result.failures().getFirst().detail()).contains("got INVALID");
  }

  // ---- ics08 ----

  @Test
  void ics08FailsOnAFlippedMagicByteAndSkipsWhatDependsOnTheStoredCode() throws IOException {
    byte[] wasm = SHARED.contents(SharedLayout.DUMMY);
    wasm[1] ^= 0x01; // "\0asm" → "\0`sm"
    Path contract = tmp.resolve("dummy.wasm");
    Files.write(contract, wasm);
    SuiteResult result =
        SuiteRunner.run(
            new Ics08Suite(
                contract,
                Optional.of(
                    new Ics08Suite.States(
                        Bytes.ofUtf8("cs"),
                        Bytes.ofUtf8("cons"),
                        Height.of(0, 1),
                        Instant.ofEpochSecond(1_700_000_000L))),
                Optional.empty()));
    assertFailsExactly(result, "store code: checksum");
    assertThat(result.failures().getFirst().detail())
        .contains("wasm bytes do not start with Wasm magic number");
    // every other case needs the stored code: skipped, saying why
    assertThat(result.count(Outcome.SKIP)).isEqualTo(result.cases().size() - 1);
    assertThat(result.cases().get(1).detail()).isEqualTo("not run: store code did not succeed");
  }

  @Test
  void ics08FailsOnAWrongChecksumAndGasExpectation() {
    // the dummy's 08-wasm checksum from the eureka README, with one digit changed; a status query
    // always costs more than 1 gas (the VM setup alone is 2000 SDK gas)
    String upstream = "3b8e524cf9db2cb6abe03b45c03c74744eadb97416e574ca3c7a5b8daba0ba7e";
    Ics08Expectations wrong =
        new Ics08Expectations(Optional.of(flipHexDigit(upstream, 10)), java.util.Map.of())
            .withGas(Ics08Expectations.STATUS, 1);
    SuiteResult result =
        SuiteRunner.run(
            new Ics08Suite(
                    SHARED.file(SharedLayout.DUMMY),
                    Optional.of(
                        new Ics08Suite.States(
                            Bytes.ofUtf8("cs"),
                            Bytes.ofUtf8("cons"),
                            Height.of(0, 1),
                            Instant.ofEpochSecond(1_700_000_000L))),
                    Optional.empty())
                .expecting(wrong));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactly("store code: checksum", "status");
    assertThat(result.failures().get(0).detail())
        .isEqualTo("checksum " + upstream + ", expected " + flipHexDigit(upstream, 10));
    assertThat(result.failures().get(1).detail()).startsWith("gas ").endsWith(", expected 1");
    // the cases after them still ran
    assertThat(result.count(Outcome.PASS)).isEqualTo(9);
  }

  // ---- eth-lc ----

  @Test
  void ethLcFailsOnATamperedFixture() throws IOException {
    String name = "Test_ICS20TransferERC20TokenfromEthereumToCosmosAndBack.json";
    ObjectNode fixture = json(SharedLayout.EUREKA + "/" + name);
    // the proofs are storage proofs of the IBC contract's account: another account proves nothing
    ObjectNode cs = (ObjectNode) fixture.get("steps").get(0).get("data").get("client_state");
    cs.put("ibc_contract_address", flipHexDigit(cs.get("ibc_contract_address").asText(), 5));
    write(name, fixture);
    Files.writeString(tmp.resolve("Test_Empty.json"), "{\"steps\": []}");

    SuiteResult result = SuiteRunner.run(new EthLcSuite(SHARED.file(SharedLayout.ETH), tmp));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactlyInAnyOrder(
            "Test_Empty.json",
            name + "/receive_packets: packet commitment 1 proven",
            name + "/ack_packets: acknowledgement commitment 1 proven");
    assertThat(result.failures().getFirst().detail())
        .isEqualTo("unusable fixture: eth fixture has no steps: invalid data");
    // the updates do not depend on the contract address: they still pass
    assertThat(result.cases().stream().filter(c -> c.name().contains(": update to ")))
        .extracting(CaseResult::outcome)
        .containsOnly(Outcome.PASS)
        .hasSize(3);
  }

  // ---- tendermint-lc ----

  @Test
  void tendermintLcFailsOnATamperedAppHash() throws IOException {
    String dir = SharedLayout.TENDERMINT_FIXTURES + "/";
    copy(dir + "update_client_happy_path.json", "update_client_happy_path.json");
    ObjectNode membership = json(dir + "verify_membership_key_0.json");
    // ConsensusState.root = field 2 {field 1: 32 bytes}: tag 12 22, tag 0a 20, then the app hash
    String cons = membership.get("consensus_state_hex").asText();
    int root = cons.indexOf("12220a20") + 8;
    membership.put("consensus_state_hex", flipHexDigit(cons, root));
    write("verify_membership_key_0.json", membership);

    SuiteResult result =
        SuiteRunner.run(new TendermintLcSuite(SHARED.file(SharedLayout.ICS07), tmp));
    assertThat(result.failures().stream().map(CaseResult::name))
        .containsExactlyInAnyOrder(
            "update_client_happy_path.json: update to 2-38",
            "verify_membership_key_0.json: membership at 2-38");
    assertThat(result.failures().getFirst().detail())
        .isEqualTo(
            "consensus state at 2-38 lacks the app hash / next validators hash of"
                + " verify_membership_key_0.json");
  }

  // ---- helpers ----

  private static void assertFailsExactly(SuiteResult result, String caseName) {
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).extracting(CaseResult::name).containsExactly(caseName);
    assertThat(result.failures().getFirst().detail()).isNotBlank();
  }

  private static ObjectNode json(String rel) throws IOException {
    JsonNode node = JSON.readTree(SHARED.bytes(rel));
    return (ObjectNode) node;
  }

  private void write(String rel, JsonNode json) throws IOException {
    Path file = tmp.resolve(rel);
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), json);
  }

  private void copy(String sharedRel, String rel) throws IOException {
    Path file = tmp.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.write(file, SHARED.bytes(sharedRel));
  }

  /** The hex string with the digit at {@code index} changed (a flipped low bit). */
  static String flipHexDigit(String hex, int index) {
    int digit = Character.digit(hex.charAt(index), 16) ^ 1;
    return hex.substring(0, index) + Character.forDigit(digit, 16) + hex.substring(index + 1);
  }
}
