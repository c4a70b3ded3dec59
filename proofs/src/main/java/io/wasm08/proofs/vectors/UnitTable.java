package io.wasm08.proofs.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.ProofException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One of cosmos/ics23's Go unit-test tables ({@code testdata/Test*Data.json}, reference ics23.md
 * §7.3), with the semantics of the Go test that reads it ({@code go/ops_test.go}, {@code
 * go/proof_test.go}).
 *
 * @param entries the table's cases: name (map key, or {@code [i]} for the array table) and JSON
 */
public record UnitTable(String name, Kind kind, List<Entry> entries) implements Ics23VectorFile {

  /** One row of a table. */
  public record Entry(String name, JsonNode json) {}

  /** The tables by their upstream file names. */
  public enum Kind {
    DO_HASH("TestDoHashData.json"),
    LEAF_OP("TestLeafOpData.json"),
    INNER_OP("TestInnerOpData.json"),
    EXISTENCE_PROOF("TestExistenceProofData.json"),
    CHECK_LEAF("TestCheckLeafData.json"),
    CHECK_AGAINST_SPEC("TestCheckAgainstSpecData.json"),
    EMPTY_BRANCH("TestEmptyBranchData.json");

    private final String fileName;

    Kind(String fileName) {
      this.fileName = fileName;
    }

    public String fileName() {
      return fileName;
    }

    static Optional<Kind> ofFileName(String name) {
      return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
    }
  }

  public UnitTable {
    entries = List.copyOf(entries);
  }

  static UnitTable of(Kind kind, JsonNode json) {
    List<Entry> entries = new ArrayList<>();
    if (json.isArray()) {
      int i = 0;
      for (JsonNode c : json) {
        entries.add(new Entry("[" + i++ + "]", c));
      }
    } else if (json.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        entries.add(new Entry(e.getKey(), e.getValue()));
      }
    } else {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(kind.fileName + ": not a table");
    }
    if (entries.isEmpty()) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(kind.fileName + ": the table is empty");
    }
    return new UnitTable(kind.fileName, kind, entries);
  }

  @Override
  public List<VectorCase> cases() {
    return entries.stream()
        .map(e -> new VectorCase(name + " " + e.name(), () -> check(kind, e.json())))
        .toList();
  }

  private static void check(Kind kind, JsonNode c) {
    switch (kind) {
      case DO_HASH -> {
        // Go decodes "Preimage" and "PreImage" alike (case-insensitive keys); the text is UTF-8.
        JsonNode preimage = required(c, "Preimage");
        Bytes hash = Ics23.doHash(required(c, "HashOp").asInt(), Bytes.ofUtf8(preimage.asText()));
        expectEqual(
            hash, VectorJson.parseHex(required(c, "ExpectedHash").asText(), "ExpectedHash"));
      }
      case LEAF_OP -> {
        LeafOp op = GoJson.message(GoJson.field(c, "Op"), LeafOp.getDefaultInstance());
        Bytes key = bytes(c, "Key");
        Bytes value = bytes(c, "Value");
        outcome(c, true, () -> Ics23.applyLeaf(op, key, value));
      }
      case INNER_OP -> {
        InnerOp op = GoJson.message(GoJson.field(c, "Op"), InnerOp.getDefaultInstance());
        Bytes child = bytes(c, "Child");
        outcome(c, true, () -> Ics23.applyInner(op, child));
      }
      case EXISTENCE_PROOF -> {
        ExistenceProof proof =
            GoJson.message(GoJson.field(c, "Proof"), ExistenceProof.getDefaultInstance());
        outcome(c, true, () -> Ics23.calculateRoot(orEmpty(proof)));
      }
      case CHECK_LEAF -> {
        LeafOp leaf = GoJson.message(GoJson.field(c, "Leaf"), LeafOp.getDefaultInstance());
        LeafOp specLeaf = GoJson.message(GoJson.field(c, "Spec"), LeafOp.getDefaultInstance());
        ProofSpec.Builder spec = ProofSpec.newBuilder();
        if (specLeaf != null) {
          spec.setLeafSpec(specLeaf);
        }
        LeafOp checked = leaf == null ? LeafOp.getDefaultInstance() : leaf;
        outcome(
            c,
            false,
            () -> {
              Ics23.checkAgainstSpec(checked, spec.build());
              return null;
            });
      }
      case CHECK_AGAINST_SPEC -> {
        // The one table whose Go test compares error texts: they must be equal.
        ExistenceProof proof =
            GoJson.message(GoJson.field(c, "Proof"), ExistenceProof.getDefaultInstance());
        ProofSpec spec = GoJson.message(GoJson.field(c, "Spec"), ProofSpec.getDefaultInstance());
        JsonNode err = GoJson.field(c, "Err");
        String expected = err == null ? "" : err.asText();
        String actual = "";
        try {
          Ics23.checkAgainstSpec(
              orEmpty(proof), spec == null ? ProofSpec.getDefaultInstance() : spec);
        } catch (ProofException e) {
          actual = e.getMessage();
        }
        if (!actual.equals(expected)) {
          throw VectorErrorCode.VECTOR_MISMATCH.wrap(
              "error \"" + actual + "\", the table expects \"" + expected + "\"");
        }
      }
      case EMPTY_BRANCH -> {
        InnerOp op = GoJson.message(GoJson.field(c, "Op"), InnerOp.getDefaultInstance());
        ProofSpec spec = GoJson.message(GoJson.field(c, "Spec"), ProofSpec.getDefaultInstance());
        if (op == null || spec == null) {
          throw VectorErrorCode.BAD_VECTOR_FILE.wrap("an empty-branch case needs Op and Spec");
        }
        Ics23.checkAgainstSpec(op, spec, 1);
        boolean left = Ics23.leftBranchesAreEmpty(spec.getInnerSpec(), op);
        boolean right = Ics23.rightBranchesAreEmpty(spec.getInnerSpec(), op);
        boolean isLeft = GoJson.bool(c, "IsLeft");
        boolean isRight = GoJson.bool(c, "IsRight");
        if (left != isLeft || right != isRight) {
          throw VectorErrorCode.VECTOR_MISMATCH.wrap(
              "left/right branches empty: "
                  + left
                  + "/"
                  + right
                  + ", the table expects "
                  + isLeft
                  + "/"
                  + isRight);
        }
      }
    }
  }

  /**
   * Go's {@code IsErr}/{@code Expected} pair: an error iff IsErr, else (when {@code compare}) a
   * result equal to Expected (missing = empty, as Go's {@code bytes.Equal} treats nil).
   */
  private static void outcome(JsonNode c, boolean compare, Supplier<Bytes> op) {
    boolean isErr = GoJson.bool(c, "IsErr");
    Bytes result;
    try {
      result = op.get();
    } catch (ProofException e) {
      if (isErr) {
        return;
      }
      throw VectorErrorCode.VECTOR_MISMATCH.wrap("unexpected error: " + e.getMessage());
    }
    if (isErr) {
      throw VectorErrorCode.VECTOR_MISMATCH.wrap("the table expects an error, got none");
    }
    if (compare) {
      expectEqual(result, bytes(c, "Expected"));
    }
  }

  private static void expectEqual(Bytes actual, Bytes expected) {
    if (!actual.equals(expected)) {
      throw VectorErrorCode.VECTOR_MISMATCH.wrap(
          "got " + actual.toHex() + ", the table expects " + expected.toHex());
    }
  }

  private static ExistenceProof orEmpty(ExistenceProof proof) {
    return proof == null ? ExistenceProof.getDefaultInstance() : proof;
  }

  private static Bytes bytes(JsonNode c, String field) {
    return Bytes.wrapOwned(GoJson.bytes(c, field).toByteArray());
  }

  private static JsonNode required(JsonNode c, String field) {
    JsonNode node = GoJson.field(c, field);
    if (node == null) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap("missing field \"" + field + "\"");
    }
    return node;
  }
}
