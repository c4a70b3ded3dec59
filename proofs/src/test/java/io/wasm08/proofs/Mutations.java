package io.wasm08.proofs;

import com.google.protobuf.DiscardUnknownFieldsParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded single-byte mutations of encoded proofs, and when a mutation leaves unchanged what a
 * verifier looks at. ICS-23 verifies a key against the one sub-proof it selects for that key (the
 * exist proof with that key, the first nonexist proof enclosing it), never reads {@code
 * NonExistenceProof.key}, and protobuf skips unknown fields. A mutation is "neutral" when, for
 * every key the vector proves, the selected sub-proof is unchanged up to those ignored parts — for
 * example in a batch that proves the same key twice (tendermint/batch_exist entries 10 and 11),
 * mutating one copy leaves the other. Neutral mutations must still verify; all others must not.
 */
public final class Mutations {
  private Mutations() {}

  /** Set by the {@code exhaustive} Maven profile: every bit flipped, many more mutations. */
  public static final boolean EXHAUSTIVE = Boolean.getBoolean("wasm08.exhaustive");

  /** Meaning-changing mutations per valid vector: 1000 by default, 20000 when exhaustive. */
  public static final int PER_VECTOR = EXHAUSTIVE ? 20_000 : 1000;

  /** {@code encoded} with one byte replaced by a different value, chosen by {@code rng}. */
  public static byte[] mutateOneByte(byte[] encoded, SplittableRandom rng) {
    byte[] out = encoded.clone();
    int pos = rng.nextInt(out.length);
    out[pos] = (byte) (out[pos] ^ (1 + rng.nextInt(255)));
    return out;
  }

  /** True when every key in {@code keys} (value null = absence) selects an unchanged sub-proof. */
  public static boolean isNeutral(
      ProofSpec spec,
      CommitmentProof original,
      CommitmentProof mutated,
      List<Bytes> keys,
      List<Boolean> exists) {
    CommitmentProof a;
    CommitmentProof b;
    try {
      a = Ics23.decompress(original);
      b = Ics23.decompress(mutated);
    } catch (ProofException e) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = keys.get(i).toByteArray();
      Message selectedA;
      Message selectedB;
      if (exists.get(i)) {
        selectedA = Ics23.getExistProofForKey(a, key);
        selectedB = Ics23.getExistProofForKey(b, key);
      } else {
        selectedA = withoutKey(Ics23.getNonExistProofForKey(spec, a, key));
        selectedB = withoutKey(Ics23.getNonExistProofForKey(spec, b, key));
      }
      if (selectedB == null || !Objects.equals(known(selectedA), known(selectedB))) {
        return false;
      }
    }
    return true;
  }

  /** True when both proofs are, field by field, the same up to the ignored parts. */
  public static boolean sameMeaning(CommitmentProof a, CommitmentProof b) {
    return Objects.equals(known(normalizeKey(a)), known(normalizeKey(b)));
  }

  private static CommitmentProof normalizeKey(CommitmentProof p) {
    return p.getProofCase() == CommitmentProof.ProofCase.NONEXIST
        ? p.toBuilder().setNonexist(withoutKey(p.getNonexist())).build()
        : p;
  }

  private static NonExistenceProof withoutKey(NonExistenceProof p) {
    return p == null ? null : p.toBuilder().clearKey().build();
  }

  /** The message re-read without unknown fields. */
  private static Message known(Message m) {
    if (m == null) {
      return null;
    }
    try {
      return DiscardUnknownFieldsParser.wrap(m.getParserForType()).parseFrom(m.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("re-encoding a parsed message must parse", e);
    }
  }
}
