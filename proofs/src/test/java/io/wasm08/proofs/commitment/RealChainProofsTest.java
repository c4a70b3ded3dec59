package io.wasm08.proofs.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.Mutations;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.proofs.commitment.RealChainProofs.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-chain IBC proof verifies against its stated root with ibc-go's chained semantics and
 * [IavlSpec, TendermintSpec] — and stops verifying when one bit of the proof, the key, the value or
 * the root is flipped (every bit is tried), plus the negative cases the fixture README derives.
 */
class RealChainProofsTest {
  private static final Map<String, String> REPORT = new TreeMap<>();

  static Stream<Case> cases() {
    return RealChainProofs.all().stream();
  }

  @Test
  void allNineteenFilesAreThere() {
    assertThat(RealChainProofs.all()).hasSize(19);
    assertThat(RealChainProofs.all().stream().filter(c -> !c.membership())).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifiesAgainstItsRoot(Case c) {
    c.verify(c.proof(), c.root(), c.path(), c.value());
    assertThat(c.proof().getProofsCount()).isEqualTo(2);
    // The multistore proof commits to the stated root; the IAVL proof to the store root it proves.
    assertThat(Ics23.calculateRoot(c.proof().getProofs(1))).isEqualTo(c.root().hash());
    assertThat(
            Ics23.verifyMembership(
                ProofSpecs.TENDERMINT,
                c.root().hash(),
                c.proof().getProofs(1),
                c.path().getKey(0),
                Ics23.calculateRoot(c.proof().getProofs(0))))
        .isTrue();
  }

  /**
   * Single-bit flips of the encoded proof fail, unless they only touch ignored parts: one bit of
   * every byte (rotating through the bit positions) by default, every bit of every byte with the
   * {@code exhaustive} profile.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flippedProofBitsFail(Case c) {
    byte[] original = c.encoded().toByteArray();
    int failed = 0;
    int neutral = 0;
    for (int bit = 0; bit < original.length * 8; bit++) {
      if (!Mutations.EXHAUSTIVE && bit % 8 != (bit / 8) % 8) {
        continue;
      }
      byte[] flipped = original.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      MerkleProof proof;
      try {
        proof = MerkleProofs.parseMerkleProof(Bytes.wrapOwned(flipped));
      } catch (Wasm08Exception e) {
        assertThat(e.errorCode()).isEqualTo(CommitmentErrorCode.INVALID_PROOF);
        failed++;
        continue;
      }
      Throwable thrown = catchThrowable(() -> c.verify(proof, c.root(), c.path(), c.value()));
      if (sameMeaning(c.proof(), proof)) {
        assertThat(thrown).as("neutral flip %d", bit).isNull();
        neutral++;
      } else {
        assertThat(thrown).as("bit %d of %s", bit, c.name()).isInstanceOf(Wasm08Exception.class);
        assertThat(((Wasm08Exception) thrown).errorCode()).isInstanceOf(CommitmentErrorCode.class);
        failed++;
      }
    }
    REPORT.merge(
        c.name(),
        "proof bits: " + failed + " fail, " + neutral + " neutral",
        (a, b) -> a + "; " + b);
  }

  private static boolean sameMeaning(MerkleProof a, MerkleProof b) {
    if (a.getProofsCount() != b.getProofsCount()) {
      return false;
    }
    for (int i = 0; i < a.getProofsCount(); i++) {
      if (!Mutations.sameMeaning(a.getProofs(i), b.getProofs(i))) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFlippedRootBitFails(Case c) {
    byte[] root = c.root().hash().toByteArray();
    for (int bit = 0; bit < root.length * 8; bit++) {
      byte[] flipped = root.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      MerkleRoot r = new MerkleRoot(Bytes.wrapOwned(flipped));
      Throwable thrown = catchThrowable(() -> c.verify(c.proof(), r, c.path(), c.value()));
      assertThat(thrown).isInstanceOf(Wasm08Exception.class);
      assertThat(((Wasm08Exception) thrown).getMessage())
          .startsWith("proof did not commit to expected root: ");
      assertThat(((Wasm08Exception) thrown).errorCode())
          .isEqualTo(CommitmentErrorCode.INVALID_PROOF);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFlippedValueBitFails(Case c) {
    if (!c.membership()) {
      return;
    }
    byte[] value = c.value().toByteArray();
    for (int bit = 0; bit < value.length * 8; bit++) {
      byte[] flipped = value.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      Throwable thrown =
          catchThrowable(() -> c.verify(c.proof(), c.root(), c.path(), Bytes.wrapOwned(flipped)));
      assertThat(thrown)
          .isInstanceOf(Wasm08Exception.class)
          .hasMessage(
              "failed to verify membership proof at index 0: provided value doesn't match proof:"
                  + " invalid proof");
    }
  }

  /**
   * Every single-bit flip of either key fails membership. For non-membership a flipped key that
   * still lies strictly between the proven neighbours is still, correctly, proven absent; every
   * other flip must fail.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFlippedKeyBitFails(Case c) {
    int failed = 0;
    int stillAbsent = 0;
    for (int element = 0; element < c.path().size(); element++) {
      byte[] key = c.path().getKey(element).toByteArray();
      for (int bit = 0; bit < key.length * 8; bit++) {
        byte[] flipped = key.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        List<Bytes> keys = new ArrayList<>(c.path().keyPath());
        keys.set(element, Bytes.wrapOwned(flipped));
        Throwable thrown =
            catchThrowable(() -> c.verify(c.proof(), c.root(), new MerklePath(keys), c.value()));
        boolean mayHold = !c.membership() && element == 1 && enclosed(c, Bytes.wrapOwned(flipped));
        if (mayHold) {
          assertThat(thrown).as("flipped absent key still between the neighbours").isNull();
          stillAbsent++;
        } else {
          assertThat(thrown)
              .as("bit %d of key %d", bit, element)
              .isInstanceOf(Wasm08Exception.class);
          failed++;
        }
      }
    }
    REPORT.merge(
        c.name(),
        "key bits: "
            + failed
            + " fail"
            + (c.membership() ? "" : ", " + stillAbsent + " still absent"),
        (a, b) -> a + "; " + b);
  }

  private static boolean enclosed(Case c, Bytes key) {
    NonExistenceProof np = c.proof().getProofs(0).getNonexist();
    Bytes left = np.hasLeft() ? Bytes.wrapOwned(np.getLeft().getKey().toByteArray()) : null;
    Bytes right = np.hasRight() ? Bytes.wrapOwned(np.getRight().getKey().toByteArray()) : null;
    return (left == null || left.compareTo(key) < 0) && (right == null || right.compareTo(key) > 0);
  }

  /** Single-byte mutations as for the upstream vectors: 1000 per proof (20000 exhaustive). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void singleByteMutationsNeverVerify(Case c) {
    SplittableRandom rng = new SplittableRandom(0x1C523_0004L ^ c.name().hashCode());
    byte[] original = c.encoded().toByteArray();
    int meaningful = 0;
    int neutral = 0;
    while (meaningful < Mutations.PER_VECTOR) {
      MerkleProof proof;
      try {
        proof =
            MerkleProofs.parseMerkleProof(Bytes.wrapOwned(Mutations.mutateOneByte(original, rng)));
      } catch (Wasm08Exception e) {
        meaningful++;
        continue;
      }
      Throwable thrown = catchThrowable(() -> c.verify(proof, c.root(), c.path(), c.value()));
      if (sameMeaning(c.proof(), proof)) {
        assertThat(thrown).isNull();
        neutral++;
        continue;
      }
      meaningful++;
      assertThat(thrown).isInstanceOf(Wasm08Exception.class);
      assertThat(((Wasm08Exception) thrown).errorCode()).isInstanceOf(CommitmentErrorCode.class);
    }
    REPORT.merge(
        c.name(),
        "mutations: " + meaningful + " never verify, " + neutral + " neutral",
        (a, b) -> a + "; " + b);
  }

  @AfterAll
  static void report() {
    REPORT.forEach((name, line) -> System.out.println("[real-chain] " + name + ": " + line));
  }

  // ---- the negative cases the fixture README lists (ibc-go merkle_test.go patterns) ----

  static Stream<Case> membershipCases() {
    return cases().filter(Case::membership);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wrongStoreKeyFails(Case c) {
    MerklePath path = MerklePath.of(Bytes.ofUtf8("ibcx"), c.path().getKey(1));
    assertThat(catchThrowable(() -> c.verify(c.proof(), c.root(), path, c.value())))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(
            "failed to verify membership proof at index 1: provided key doesn't match proof: invalid"
                + " proof");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void swappedPathOrderFails(Case c) {
    MerklePath path = MerklePath.of(c.path().getKey(1), c.path().getKey(0));
    assertThat(catchThrowable(() -> c.verify(c.proof(), c.root(), path, c.value())))
        .isInstanceOf(Wasm08Exception.class)
        .extracting(t -> ((Wasm08Exception) t).errorCode())
        .isEqualTo(CommitmentErrorCode.INVALID_PROOF);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pathOfWrongLengthFails(Case c) {
    for (MerklePath path :
        List.of(
            MerklePath.of(c.path().getKey(1)),
            MerklePath.of(c.path().getKey(0)),
            MerklePath.of(c.path().getKey(0), c.path().getKey(1), Bytes.ofUtf8("extra")))) {
      assertThat(catchThrowable(() -> c.verify(c.proof(), c.root(), path, c.value())))
          .isInstanceOf(Wasm08Exception.class)
          .hasMessage("path length " + path.size() + " not same as proof 2: invalid proof");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void proofsTruncatedToOneFail(Case c) {
    for (int keep = 0; keep < 2; keep++) {
      MerkleProof truncated = MerkleProof.newBuilder().addProofs(c.proof().getProofs(keep)).build();
      assertThat(catchThrowable(() -> c.verify(truncated, c.root(), c.path(), c.value())))
          .isInstanceOf(Wasm08Exception.class)
          .hasMessage("length of specs: 2 not equal to length of proof: 1: invalid merkle proof");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void swappedSpecsFail(Case c) {
    List<cosmos.ics23.v1.Proofs.ProofSpec> swapped =
        List.of(ProofSpecs.TENDERMINT, ProofSpecs.IAVL);
    Throwable thrown =
        catchThrowable(
            () -> {
              if (c.membership()) {
                MerkleProofs.verifyMembership(c.proof(), swapped, c.root(), c.path(), c.value());
              } else {
                MerkleProofs.verifyNonMembership(c.proof(), swapped, c.root(), c.path());
              }
            });
    assertThat(thrown).isInstanceOf(Wasm08Exception.class);
    assertThat(((Wasm08Exception) thrown).errorCode()).isEqualTo(CommitmentErrorCode.INVALID_PROOF);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void emptyRootFails(Case c) {
    assertThat(
            catchThrowable(
                () -> c.verify(c.proof(), new MerkleRoot(Bytes.EMPTY), c.path(), c.value())))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage("root cannot be empty: invalid merkle proof");
  }

  /** The opposite claim fails: membership proofs do not prove absence and vice versa. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oppositeClaimFails(Case c) {
    if (c.membership()) {
      assertThat(catchThrowable(() -> c.verify(c.proof(), c.root(), c.path(), null)))
          .isInstanceOf(Wasm08Exception.class)
          .hasMessage(
              "commitment proof must be non-existence proof for verifying non-membership. got:"
                  + " *ics23.CommitmentProof: invalid proof");
    } else {
      assertThat(catchThrowable(() -> c.verify(c.proof(), c.root(), c.path(), Bytes.ofUtf8("v"))))
          .isInstanceOf(Wasm08Exception.class)
          .hasMessage(
              "commitment proof must be existence proof. got: int at index"
                  + " &{*ics23.CommitmentProof_Nonexist}: invalid proof");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("membershipCases")
  void emptyValueFails(Case c) {
    assertThat(catchThrowable(() -> c.verify(c.proof(), c.root(), c.path(), Bytes.EMPTY)))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage("empty value in membership proof: invalid proof");
  }

  /** ibc-go never accepts batch proofs in a chain: a compressed batch of the same proof fails. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("membershipCases")
  void batchedStoreProofIsRejected(Case c) {
    CommitmentProof batched = Ics23.combineProofs(List.of(c.proof().getProofs(0)));
    MerkleProof proof = c.proof().toBuilder().setProofs(0, batched).build();
    assertThat(catchThrowable(() -> c.verify(proof, c.root(), c.path(), c.value())))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(
            "commitment proof must be existence proof. got: int at index"
                + " &{*ics23.CommitmentProof_Compressed}: invalid proof");
    // ...while the ICS-23 API itself accepts it.
    assertThat(
            Ics23.verifyMembership(
                ProofSpecs.IAVL,
                Ics23.calculateRoot(c.proof().getProofs(0)),
                batched,
                c.path().getKey(1),
                c.value()))
        .isTrue();
  }
}
