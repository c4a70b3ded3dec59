package io.wasm08.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.vectors.ProofVector;
import io.wasm08.proofs.vectors.ProofVector.Item;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every valid upstream vector, 1000 (exhaustive profile: 20000) seeded single-byte mutations of
 * the encoded proof that change its meaning never verify, and nothing but {@link ProofException} is
 * thrown. Mutations that only touch what verifiers ignore (see {@link Mutations}) are counted apart
 * and must still verify.
 */
class MutationTest {
  static final int MUTATIONS = Mutations.PER_VECTOR;
  private static final long SEED = 0x1C523_0004L;
  private static final Map<String, String> REPORT = new TreeMap<>();

  static Stream<ProofVector> vectors() {
    return Vectors.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void singleByteMutationsNeverVerify(ProofVector v) {
    SplittableRandom rng = new SplittableRandom(SEED ^ v.name().hashCode());
    byte[] original = v.encoded().toByteArray();
    int meaningful = 0;
    int undecodable = 0;
    int rejected = 0;
    int neutral = 0;
    while (meaningful < MUTATIONS) {
      Bytes mutated = Bytes.wrapOwned(Mutations.mutateOneByte(original, rng));
      CommitmentProof proof;
      try {
        proof = Ics23.parseCommitmentProof(mutated);
      } catch (ProofException e) {
        assertThat(e.errorCode()).isEqualTo(ProofErrorCode.INVALID_ENCODING);
        undecodable++;
        meaningful++;
        continue;
      }
      if (Mutations.isNeutral(
          v.spec(),
          v.proof(),
          proof,
          v.items().stream().map(Item::key).toList(),
          v.items().stream().map(Item::exists).toList())) {
        neutral++;
        Vectors.requireAll(v, proof);
        continue;
      }
      meaningful++;
      Throwable thrown = catchThrowable(() -> Vectors.requireAll(v, proof));
      assertThat(thrown).as("mutation %d of %s verified", meaningful, v.name()).isNotNull();
      assertThat(thrown).isInstanceOf(ProofException.class);
      assertThat(allVerify(v, proof)).isFalse();
      rejected++;
    }
    REPORT.put(
        v.name(),
        String.format(
            "%d mutations: %d undecodable, %d rejected by verification, never verified; %d"
                + " neutral (still verify)",
            meaningful, undecodable, rejected, neutral));
  }

  /**
   * Specs come from client states, so they are external input too: seeded single-byte mutations of
   * the spec (odd child orders, negative or huge sizes and depths) may accept or reject, but only
   * ever with a {@link ProofException}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void mutatedSpecsOnlyEverThrowProofException(ProofVector v) {
    SplittableRandom rng = new SplittableRandom(SEED ^ ~v.name().hashCode());
    byte[] spec = v.spec().toByteArray();
    int decoded = 0;
    while (decoded < SPEC_MUTATIONS) {
      ProofSpec mutated;
      try {
        mutated = ProofSpec.parseFrom(Mutations.mutateOneByte(spec, rng));
      } catch (InvalidProtocolBufferException e) {
        continue;
      }
      decoded++;
      ProofVector w =
          new ProofVector(
              v.name(), mutated, v.root(), v.encoded(), v.proof(), v.items(), v.batch(), true);
      Throwable thrown = catchThrowable(() -> Vectors.requireAll(w, v.proof()));
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(ProofException.class);
      }
      allVerify(w, v.proof());
    }
  }

  static final int SPEC_MUTATIONS = 200;

  /** The boolean API: true only if every item verifies; must not throw either. */
  private static boolean allVerify(ProofVector v, CommitmentProof proof) {
    for (Item item : v.items()) {
      boolean ok =
          item.exists()
              ? Ics23.verifyMembership(v.spec(), v.root(), proof, item.key(), item.value())
              : Ics23.verifyNonMembership(v.spec(), v.root(), proof, item.key());
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @AfterAll
  static void report() {
    REPORT.forEach((name, line) -> System.out.println("[mutations] " + name + ": " + line));
  }
}
