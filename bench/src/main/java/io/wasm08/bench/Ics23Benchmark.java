package io.wasm08.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.proofs.commitment.MerkleRoot;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ICS-23 verifications per second: an IAVL existence proof (upstream {@code iavl/exist_middle}), an
 * IAVL non-existence proof ({@code iavl/nonexist_middle}, two neighbour proofs) and a real-chain
 * two-layer ibc-go MerkleProof ({@code ibc-go/drop_celestia_4_staking}: IAVL store proof plus
 * multistore proof), each from the encoded bytes (decode + verify) and pre-decoded.
 *
 * <p>Peer in the same run: {@code *HashFloor}, the bare SHA-256 work of the same proof — one JDK
 * digest per leaf/inner op over the same preimage sizes — so the ratio shows what spec checks,
 * decoding and bookkeeping cost on top of the unavoidable hashing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ics23Benchmark {
  private Bytes iavlRoot;
  private Bytes existKey;
  private Bytes existValue;
  private Bytes existEncoded;
  private CommitmentProof exist;
  private Bytes nonexistRoot;
  private Bytes absentKey;
  private Bytes nonexistEncoded;
  private CommitmentProof nonexist;

  private MerkleRoot ibcRoot;
  private MerklePath ibcPath;
  private Bytes ibcValue;
  private Bytes ibcEncoded;
  private MerkleProof ibcProof;

  private byte[][] existPreimages;
  private byte[][] nonexistPreimages;
  private byte[][] ibcPreimages;
  private MessageDigest sha256;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    JsonNode e = json("fixtures/ics23/iavl/exist_middle.json");
    iavlRoot = Bytes.fromHex(e.get("root").asText());
    existKey = Bytes.fromHex(e.get("key").asText());
    existValue = Bytes.fromHex(e.get("value").asText());
    existEncoded = Bytes.fromHex(e.get("proof").asText());
    exist = Ics23.parseCommitmentProof(existEncoded);

    JsonNode n = json("fixtures/ics23/iavl/nonexist_middle.json");
    absentKey = Bytes.fromHex(n.get("key").asText());
    nonexistEncoded = Bytes.fromHex(n.get("proof").asText());
    nonexist = Ics23.parseCommitmentProof(nonexistEncoded);
    nonexistRoot = Bytes.fromHex(n.get("root").asText());

    JsonNode c = json("fixtures/ics23/ibc-go/drop_celestia_4_staking.json");
    ibcRoot = new MerkleRoot(Bytes.fromHex(c.get("root").asText()));
    List<Bytes> keys = new ArrayList<>();
    c.get("merkle_path_key_path_hex").forEach(k -> keys.add(Bytes.fromHex(k.asText())));
    ibcPath = new MerklePath(keys);
    ibcValue = Bytes.fromHex(c.get("value").asText());
    ibcEncoded = Bytes.fromHex(c.get("merkle_proof").asText());
    ibcProof = MerkleProofs.parseMerkleProof(ibcEncoded);

    sha256 = MessageDigest.getInstance("SHA-256");
    existPreimages = preimages(List.of(exist.getExist()));
    nonexistPreimages =
        preimages(List.of(nonexist.getNonexist().getLeft(), nonexist.getNonexist().getRight()));
    ibcPreimages =
        preimages(ibcProof.getProofsList().stream().map(CommitmentProof::getExist).toList());

    // Refuse to measure anything that does not verify.
    if (!iavlExist() || !iavlNonexist() || !ibcTwoLayer()) {
      throw new IllegalStateException("a benchmark fixture does not verify");
    }
  }

  private static JsonNode json(String rel) {
    try {
      return new ObjectMapper().readTree(SharedFixtures.get().file(rel).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Preimages of the same sizes the proofs hash: key prehash (none for IAVL), value prehash, leaf,
   * then each inner op (prefix + 32-byte child + suffix). An exist proof in a nonexist chain
   * position has no key-value pair here but the same op count; proofs[0] of the ibc chain is an
   * exist proof for this fixture.
   */
  private static byte[][] preimages(List<ExistenceProof> proofs) {
    List<byte[]> out = new ArrayList<>();
    for (ExistenceProof p : proofs) {
      out.add(new byte[p.getValue().size()]);
      out.add(new byte[p.getLeaf().getPrefix().size() + 2 + p.getKey().size() + 33]);
      for (InnerOp op : p.getPathList()) {
        out.add(new byte[op.getPrefix().size() + 32 + op.getSuffix().size()]);
      }
    }
    return out.toArray(byte[][]::new);
  }

  private byte[] hashAll(byte[][] preimages) {
    byte[] last = null;
    for (byte[] p : preimages) {
      sha256.update(p);
      last = sha256.digest();
    }
    return last;
  }

  // ---- IAVL existence ----

  @Benchmark
  public boolean iavlExist() {
    return Ics23.verifyMembership(ProofSpecs.IAVL, iavlRoot, exist, existKey, existValue);
  }

  @Benchmark
  public boolean iavlExistDecodeAndVerify() {
    return Ics23.verifyMembership(
        ProofSpecs.IAVL, iavlRoot, Ics23.parseCommitmentProof(existEncoded), existKey, existValue);
  }

  @Benchmark
  public byte[] iavlExistHashFloor() {
    return hashAll(existPreimages);
  }

  // ---- IAVL non-existence ----

  @Benchmark
  public boolean iavlNonexist() {
    return Ics23.verifyNonMembership(ProofSpecs.IAVL, nonexistRoot, nonexist, absentKey);
  }

  @Benchmark
  public boolean iavlNonexistDecodeAndVerify() {
    return Ics23.verifyNonMembership(
        ProofSpecs.IAVL, nonexistRoot, Ics23.parseCommitmentProof(nonexistEncoded), absentKey);
  }

  @Benchmark
  public byte[] iavlNonexistHashFloor() {
    return hashAll(nonexistPreimages);
  }

  // ---- ibc-go two-layer MerkleProof (IAVL + multistore), SDK specs ----

  @Benchmark
  public boolean ibcTwoLayer() {
    MerkleProofs.verifyMembership(ibcProof, MerkleProofs.SDK_SPECS, ibcRoot, ibcPath, ibcValue);
    return true;
  }

  @Benchmark
  public boolean ibcTwoLayerDecodeAndVerify() {
    MerkleProofs.verifyMembership(
        MerkleProofs.parseMerkleProof(ibcEncoded),
        MerkleProofs.SDK_SPECS,
        ibcRoot,
        ibcPath,
        ibcValue);
    return true;
  }

  @Benchmark
  public byte[] ibcTwoLayerHashFloor() {
    return hashAll(ibcPreimages);
  }
}
