package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.node.cli.Wasm08CliTest.Run;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code wasm08 ics23 verify | verify-merkle}, run in-process. */
class Ics23CommandTest {
  @TempDir Path tmp;

  // ---- over the shared fixture files (skipped when ../shared is absent) ----

  static Stream<String> upstreamVectorFiles() {
    List<String> files = new ArrayList<>();
    for (String tree : List.of("iavl", "tendermint")) {
      for (String name :
          List.of(
              "exist_left",
              "exist_right",
              "exist_middle",
              "nonexist_left",
              "nonexist_right",
              "nonexist_middle",
              "batch_exist",
              "batch_nonexist")) {
        files.add("fixtures/ics23/" + tree + "/" + name + ".json");
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamVectorFiles")
  void everyUpstreamVectorFilePasses(String rel) {
    Path file = SharedFixtures.get().file(rel);
    Run run = Wasm08CliTest.run("ics23", "verify", "--vector", file.toString());
    // a batch file: its 20 items, then the compressed proof's decompress/compress round trip
    int cases = rel.contains("batch_") ? 21 : 1;
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("PASS "))).hasSize(cases);
    assertThat(run.out()).doesNotContain("FAIL ").contains("summary: " + cases + " PASS, 0 FAIL");
  }

  @Test
  void unitTablesRunWithTheGoTestSemantics() {
    Path file = SharedFixtures.get().file("fixtures/ics23/TestCheckAgainstSpecData.json");
    Run run = Wasm08CliTest.run("ics23", "verify", "--vector", file.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // 11 cases in the table at the pinned upstream commit (fixtures/ics23/README.md)
    assertThat(run.out()).contains("summary: 11 PASS, 0 FAIL");
    assertThat(run.out()).contains("PASS TestCheckAgainstSpecData.json ");
  }

  @Test
  void everyRealChainFilePasses() throws IOException {
    Path dir = SharedFixtures.get().dir("fixtures/ics23/ibc-go");
    int files = 0;
    try (DirectoryStream<Path> json = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : json) {
        Run run = Wasm08CliTest.run("ics23", "verify", "--vector", f.toString());
        assertThat(run.exitCode()).as(f + ": " + run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("PASS ");
        files++;
      }
    }
    assertThat(files).isEqualTo(19);
  }

  @Test
  void theWrongSpecFailsWithTheReason() {
    Path file = SharedFixtures.get().file("fixtures/ics23/iavl/exist_left.json");
    Run run =
        Wasm08CliTest.run("ics23", "verify", "--vector", file.toString(), "--spec", "tendermint");
    assertThat(run.exitCode()).isEqualTo(1);
    // The IAVL leaf passes the Tendermint leaf spec; the first IAVL inner op (prefix 04 06 02 20,
    // suffix set) then fails the Go-master Tendermint prefix rule.
    assertThat(run.out())
        .startsWith("FAIL exist_left.json: inner, expected inner op prefix: [1], got: [4 6 2 32]")
        .contains("[ics23/4]");
  }

  @Test
  void verifyMerkleOverARealChainProof() throws IOException {
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                SharedFixtures.get()
                    .file("fixtures/ics23/ibc-go/band_oracle_exist_h24999.json")
                    .toFile());
    String proof = json.get("merkle_proof").asText();
    String root = json.get("root").asText();
    String path =
        json.get("merkle_path_key_path_hex").get(0).asText()
            + ","
            + json.get("merkle_path_key_path_hex").get(1).asText();
    String value = json.get("value").asText();
    Run pass =
        Wasm08CliTest.run(
            "ics23",
            "verify-merkle",
            "--proof",
            proof,
            "--root",
            root,
            "--path-hex",
            path,
            "--value",
            value);
    assertThat(pass.exitCode()).as(pass.out() + pass.err()).isZero();
    assertThat(pass.out().strip()).isEqualTo("PASS");
    String flippedRoot = (root.charAt(0) == '0' ? "1" : "0") + root.substring(1);
    Run fail =
        Wasm08CliTest.run(
            "ics23",
            "verify-merkle",
            "--proof",
            proof,
            "--root",
            flippedRoot,
            "--path-hex",
            path,
            "--value",
            value);
    assertThat(fail.exitCode()).isEqualTo(1);
    assertThat(fail.out())
        .startsWith("FAIL proof did not commit to expected root: ")
        .contains("invalid proof [commitment/2]");
    Run absent =
        Wasm08CliTest.run(
            "ics23",
            "verify-merkle",
            "--proof",
            proof,
            "--root",
            root,
            "--path-hex",
            path,
            "--absent");
    assertThat(absent.exitCode()).isEqualTo(1);
    assertThat(absent.out()).contains("must be non-existence proof");
  }

  // ---- over a small tree built here (always runs) ----

  /**
   * A two-leaf CometBFT simple merkle tree (TendermintSpec): leaves "b" and "d", root = SHA256(0x01
   * || leaf(b) || leaf(d)), leaf hashes by the spec's own LeafOp.
   */
  record Tree(Bytes root, ExistenceProof b, ExistenceProof d) {
    static Tree build(String prefix) {
      Bytes bLeaf = leaf(prefix + "b");
      Bytes dLeaf = leaf(prefix + "d");
      ExistenceProof b = exist(prefix + "b", inner(new byte[] {1}, dLeaf.toByteArray()));
      ExistenceProof d =
          exist(prefix + "d", inner(concat(new byte[] {1}, bLeaf.toByteArray()), new byte[0]));
      return new Tree(Ics23.calculateRoot(b), b, d);
    }

    static Bytes leaf(String kv) {
      return Ics23.applyLeaf(
          ProofSpecs.TENDERMINT.getLeafSpec(), Bytes.ofUtf8(kv), Bytes.ofUtf8("v" + kv));
    }

    static ExistenceProof exist(String kv, InnerOp step) {
      return ExistenceProof.newBuilder()
          .setKey(ByteString.copyFromUtf8(kv))
          .setValue(ByteString.copyFromUtf8("v" + kv))
          .setLeaf(ProofSpecs.TENDERMINT.getLeafSpec())
          .addPath(step)
          .build();
    }

    static InnerOp inner(byte[] prefix, byte[] suffix) {
      return InnerOp.newBuilder()
          .setHash(HashOp.SHA256)
          .setPrefix(ByteString.copyFrom(prefix))
          .setSuffix(ByteString.copyFrom(suffix))
          .build();
    }

    static byte[] concat(byte[] a, byte[] b) {
      byte[] out = new byte[a.length + b.length];
      System.arraycopy(a, 0, out, 0, a.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }

    CommitmentProof existB() {
      return CommitmentProof.newBuilder().setExist(b).build();
    }

    CommitmentProof absentC() {
      return CommitmentProof.newBuilder()
          .setNonexist(NonExistenceProof.newBuilder().setLeft(b).setRight(d))
          .build();
    }
  }

  private Path writeVector(String folder, String name, String json) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(folder));
    return Files.writeString(dir.resolve(name), json);
  }

  private static String single(Tree t, CommitmentProof proof, String key, String value) {
    return "{\"key\":\"%s\",\"proof\":\"%s\",\"root\":\"%s\",\"value\":\"%s\"}"
        .formatted(
            Bytes.ofUtf8(key).toHex(),
            Bytes.of(proof.toByteArray()).toHex(),
            t.root().toHex(),
            value.isEmpty() ? "" : Bytes.ofUtf8(value).toHex());
  }

  @Test
  void builtSingleVectorsPassAndTamperedOnesFail() throws IOException {
    Tree t = Tree.build("");
    Path exist = writeVector("tendermint", "exist.json", single(t, t.existB(), "b", "vb"));
    Path absent = writeVector("tendermint", "absent.json", single(t, t.absentC(), "c", ""));
    Path wrongValue = writeVector("tendermint", "wrong.json", single(t, t.existB(), "b", "vx"));
    Path present = writeVector("tendermint", "present.json", single(t, t.absentC(), "d", ""));

    assertThat(Wasm08CliTest.run("ics23", "verify", "--vector", exist.toString()).out())
        .isEqualTo("PASS exist.json\nsummary: 1 PASS, 0 FAIL\n");
    assertThat(Wasm08CliTest.run("ics23", "verify", "--vector", absent.toString()).exitCode())
        .isZero();

    Run wrong = Wasm08CliTest.run("ics23", "verify", "--vector", wrongValue.toString());
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.out())
        .startsWith("FAIL wrong.json: provided value doesn't match proof [ics23/7]");

    Run notAbsent = Wasm08CliTest.run("ics23", "verify", "--vector", present.toString());
    assertThat(notAbsent.exitCode()).isEqualTo(1);
    assertThat(notAbsent.out()).startsWith("FAIL present.json: no non-existence proof");
  }

  @Test
  void builtBatchVectorReportsEveryItem() throws IOException {
    Tree t = Tree.build("");
    CommitmentProof batch = Ics23.combineProofs(List.of(t.existB(), t.absentC()));
    String json =
        "{\"items\":[{\"key\":\"%s\",\"value\":\"%s\"},{\"key\":\"%s\",\"value\":\"\"},{\"key\":\"%s\",\"value\":\"%s\"}],\"proof\":\"%s\",\"root\":\"%s\"}"
            .formatted(
                Bytes.ofUtf8("b").toHex(),
                Bytes.ofUtf8("vb").toHex(),
                Bytes.ofUtf8("c").toHex(),
                Bytes.ofUtf8("d").toHex(),
                Bytes.ofUtf8("vd").toHex(),
                Bytes.of(batch.toByteArray()).toHex(),
                t.root().toHex());
    Path file = writeVector("anywhere", "batch.json", json);
    Run run =
        Wasm08CliTest.run("ics23", "verify", "--vector", file.toString(), "--spec", "tendermint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly(
            "PASS batch.json item 0 62",
            "PASS batch.json item 1 absent 63",
            "FAIL batch.json item 2 64: no existence proof for the provided key [ics23/10]",
            "PASS batch.json decompress/compress round trip",
            "summary: 3 PASS, 1 FAIL");
  }

  @Test
  void unusableInputIsExitCodeTwo() throws IOException {
    Tree t = Tree.build("");
    Path noSpec = writeVector("elsewhere", "exist.json", single(t, t.existB(), "b", "vb"));
    Run run = Wasm08CliTest.run("ics23", "verify", "--vector", noSpec.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot tell the proof spec from the folder \"elsewhere\"");

    Path notJson = writeVector("tendermint", "bad.json", "{not json");
    assertThat(Wasm08CliTest.run("ics23", "verify", "--vector", notJson.toString()).err())
        .contains("not valid JSON");
    Path badHex =
        writeVector(
            "tendermint",
            "badhex.json",
            "{\"key\":\"zz\",\"proof\":\"\",\"root\":\"\",\"value\":\"\"}");
    Run hex = Wasm08CliTest.run("ics23", "verify", "--vector", badHex.toString());
    assertThat(hex.exitCode()).isEqualTo(2);
    assertThat(hex.err()).contains("key is not hex");
    Run missing =
        Wasm08CliTest.run("ics23", "verify", "--vector", tmp.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read");
  }

  /** A two-layer chain built here: key "b" in a store tree, the store root under "store" above. */
  @Test
  void verifyMerkleOverABuiltChain() {
    Tree store = Tree.build("");
    Bytes storeRoot = store.root();
    ExistenceProof storeInApp =
        ExistenceProof.newBuilder()
            .setKey(ByteString.copyFromUtf8("store"))
            .setValue(ByteString.copyFrom(storeRoot.toByteArray()))
            .setLeaf(ProofSpecs.TENDERMINT.getLeafSpec())
            .addPath(Tree.inner(new byte[] {1}, Tree.leaf("zzz").toByteArray()))
            .build();
    Bytes appRoot = Ics23.calculateRoot(storeInApp);
    String proof =
        Bytes.of(
                MerkleProof.newBuilder()
                    .addProofs(store.existB())
                    .addProofs(CommitmentProof.newBuilder().setExist(storeInApp))
                    .build()
                    .toByteArray())
            .toHex();
    String[] common = {
      "ics23",
      "verify-merkle",
      "--proof",
      proof,
      "--root",
      appRoot.toHex(),
      "--specs",
      "tendermint,tendermint"
    };
    Run pass =
        Wasm08CliTest.run(
            concat(common, "--path", "store,b", "--value", Bytes.ofUtf8("vb").toHex()));
    assertThat(pass.exitCode()).as(pass.out() + pass.err()).isZero();
    assertThat(pass.out()).isEqualTo("PASS\n");

    Run wrongKey =
        Wasm08CliTest.run(
            concat(common, "--path", "store,d", "--value", Bytes.ofUtf8("vb").toHex()));
    assertThat(wrongKey.exitCode()).isEqualTo(1);
    assertThat(wrongKey.out())
        .isEqualTo(
            "FAIL failed to verify membership proof at index 0: provided key doesn't match proof:"
                + " invalid proof [commitment/2]\n");

    // With the default SDK specs the store proof is not IAVL-shaped.
    Run sdk =
        Wasm08CliTest.run(
            "ics23",
            "verify-merkle",
            "--proof",
            proof,
            "--root",
            appRoot.toHex(),
            "--path",
            "store,b",
            "--value",
            Bytes.ofUtf8("vb").toHex());
    assertThat(sdk.exitCode()).isEqualTo(1);
    assertThat(sdk.out()).startsWith("FAIL failed to verify membership proof at index 0: leaf, ");

    Run usage = Wasm08CliTest.run(concat(common, "--path", "store,b"));
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("Error: Missing required argument");

    Run badHex = Wasm08CliTest.run(concat(common, "--path", "store,b", "--value", "xyz"));
    assertThat(badHex.exitCode()).isEqualTo(2);
    assertThat(badHex.err()).contains("--value is not hex");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void helpListsTheIcs23Commands() {
    Run run = Wasm08CliTest.run("ics23", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("verify").contains("verify-merkle");
    assertThat(Wasm08CliTest.run("--help").out()).contains("ics23");
  }
}
