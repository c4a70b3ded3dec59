package io.wasm08.node.cli;

import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.proofs.commitment.MerkleRoot;
import io.wasm08.proofs.vectors.ChainedVector;
import io.wasm08.proofs.vectors.Ics23VectorFile;
import io.wasm08.proofs.vectors.VectorCase;
import io.wasm08.proofs.vectors.VectorErrorCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wasm08 ics23}: verify ICS-23 proofs from files in the upstream vector formats, or an
 * ibc-go chained MerkleProof given on the command line. Exit codes: 0 every case passed, 1 some
 * case failed, 2 unusable input.
 */
@Command(
    name = "ics23",
    mixinStandardHelpOptions = true,
    description = "Verify ICS-23 commitment proofs.",
    subcommands = {Ics23Command.Verify.class, Ics23Command.VerifyMerkle.class})
public final class Ics23Command extends CommandGroup {
  static final int EXIT_FAILED = 1;
  static final int EXIT_BAD_INPUT = 2;

  /** The standard specs by their CLI names. */
  enum SpecName {
    IAVL(ProofSpecs.IAVL),
    TENDERMINT(ProofSpecs.TENDERMINT),
    SMT(ProofSpecs.SMT);

    final ProofSpec spec;

    SpecName(ProofSpec spec) {
      this.spec = spec;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify a vector file in the cosmos/ics23 testdata JSON formats: a single proof"
            + " {key, value, proof, root} (value \"\" = non-existence), a batch {items, proof,"
            + " root} or a Go unit table (Test*Data.json); also a chained ibc-go proof {root,"
            + " merkle_path_key_path_hex, value, merkle_proof}.",
        "Prints PASS or FAIL <reason> per case; exits 1 if any case fails."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--vector",
        required = true,
        paramLabel = "FILE",
        description = "The vector file.")
    Path vector;

    @Option(
        names = "--spec",
        paramLabel = "SPEC",
        description =
            "Proof spec for single and batch files: ${COMPLETION-CANDIDATES}. Default: the name of"
                + " the file's folder (iavl/, tendermint/, smt/), as the upstream harness does.")
    SpecName specName;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<VectorCase> cases;
      try {
        cases = Ics23VectorFile.read(vector, specName == null ? null : specName.spec).cases();
      } catch (Wasm08Exception e) {
        if (!e.is(VectorErrorCode.BAD_VECTOR_FILE)) {
          throw e;
        }
        err.println("error: " + e.detail());
        return EXIT_BAD_INPUT;
      }
      int failed = 0;
      for (VectorCase c : cases) {
        String reason = c.failure();
        if (reason == null) {
          out.println("PASS " + c.name());
        } else {
          failed++;
          out.println("FAIL " + c.name() + ": " + reason);
        }
      }
      out.printf(Locale.ROOT, "summary: %d PASS, %d FAIL%n", cases.size() - failed, failed);
      return failed == 0 ? 0 : EXIT_FAILED;
    }
  }

  @Command(
      name = "verify-merkle",
      mixinStandardHelpOptions = true,
      description = {
        "Verify an ibc-go MerkleProof (chained ICS-23 proofs, leaf to root) against a root, with"
            + " ibc-go 23-commitment semantics and the SDK specs [iavl, tendermint].",
        "Prints PASS or FAIL <reason>; exits 1 on failure."
      })
  static final class VerifyMerkle implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--proof",
        required = true,
        paramLabel = "HEX",
        description = "The protobuf ibc.core.commitment.v1.MerkleProof.")
    String proof;

    @Option(
        names = "--root",
        required = true,
        paramLabel = "HEX",
        description = "The commitment root (app hash).")
    String root;

    @ArgGroup(multiplicity = "1")
    PathArg path;

    static final class PathArg {
      @Option(
          names = "--path",
          split = ",",
          paramLabel = "KEY",
          description =
              "The merkle path, root to leaf, as UTF-8 keys: e.g. ibc,clients/07-tendermint-0/clientState.")
      List<String> utf8;

      @Option(
          names = "--path-hex",
          split = ",",
          paramLabel = "HEX",
          description = "The merkle path, root to leaf, as hex keys (for binary store keys).")
      List<String> hex;
    }

    @ArgGroup(multiplicity = "1")
    Claim claim;

    static final class Claim {
      @Option(
          names = "--value",
          paramLabel = "HEX",
          description = "Verify membership of this value.")
      String value;

      @Option(names = "--absent", description = "Verify non-membership.")
      boolean absent;
    }

    @Option(
        names = "--specs",
        split = ",",
        paramLabel = "SPEC",
        description =
            "Proof specs, leaf to root (default: iavl,tendermint = ibc-go GetSDKSpecs()).")
    List<SpecName> specs;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      VectorCase c;
      try {
        Bytes encoded = parseHex(proof, "--proof");
        MerkleRoot merkleRoot = new MerkleRoot(parseHex(root, "--root"));
        MerklePath merklePath =
            path.utf8 != null
                ? MerklePath.fromV1(path.utf8)
                : new MerklePath(path.hex.stream().map(h -> parseHex(h, "--path-hex")).toList());
        Bytes value = claim.absent ? null : parseHex(claim.value, "--value");
        List<ProofSpec> proofSpecs =
            specs == null ? MerkleProofs.SDK_SPECS : specs.stream().map(s -> s.spec).toList();
        ChainedVector vector =
            new ChainedVector(
                "command line", "merkle proof", merkleRoot, merklePath, value, encoded, true);
        c =
            new VectorCase(
                "merkle proof", () -> vector.verify(proofSpecs, merkleRoot, merklePath, value));
      } catch (BadHex e) {
        err.println("error: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      String reason = c.failure();
      out.println(reason == null ? "PASS" : "FAIL " + reason);
      return reason == null ? 0 : EXIT_FAILED;
    }
  }

  /** A command-line hex argument that is not hex. */
  static final class BadHex extends IllegalArgumentException {
    BadHex(String message) {
      super(message);
    }
  }

  static Bytes parseHex(String hex, String what) {
    String h = hex.strip();
    if (h.startsWith("0x") || h.startsWith("0X")) {
      h = h.substring(2);
    }
    try {
      return Bytes.fromHex(h);
    } catch (IllegalArgumentException e) {
      throw new BadHex(what + " is not hex: " + e.getMessage());
    }
  }
}
