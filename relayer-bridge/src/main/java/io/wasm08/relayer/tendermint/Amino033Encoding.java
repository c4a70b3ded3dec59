package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Tendermint v0.33's amino encodings (tendermint/tendermint {@code types/block.go Header.Hash},
 * {@code types/validator.go Bytes}, {@code types/canonical.go}, {@code types/vote.go SignBytes} at
 * v0.33.9), needed only to replay tendermint-rs' bisection vectors, which were generated under
 * them: header fields are amino "binary bare" (strings and bytes length-prefixed without a tag, the
 * height a bare uvarint, empty values encode to nothing); a validator's leaf is {@code
 * struct{PubKey, VotingPower}} with the key's registered amino prefix; vote sign bytes are the
 * length-prefixed {@code CanonicalVote} whose part-set header has the hash before the total. Not
 * for live chains (CometBFT ≥ 0.34 encodes with protobuf, {@link ConsensusEncoding#PROTOBUF}…).
 */
public final class Amino033Encoding implements ConsensusEncoding {
  public static final Amino033Encoding INSTANCE = new Amino033Encoding();

  /** Amino prefix of {@code tendermint/PubKeyEd25519}. */
  private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("1624DE64");

  private Amino033Encoding() {}

  @Override
  public Bytes headerHash(Header h) {
    List<Bytes> fields = new ArrayList<>();
    Out version = new Out();
    version.uvarintField(1, h.version().block()).uvarintField(2, h.version().app());
    fields.add(version.bytes());
    fields.add(bare(h.chainId().getBytes(StandardCharsets.UTF_8)));
    fields.add(new Out().uvarint(h.height()).bytes());
    fields.add(time(h.time()).bytes());
    fields.add(blockId(h.lastBlockId(), false).bytes());
    for (Bytes b :
        List.of(
            h.lastCommitHash(),
            h.dataHash(),
            h.validatorsHash(),
            h.nextValidatorsHash(),
            h.consensusHash(),
            h.appHash(),
            h.lastResultsHash(),
            h.evidenceHash(),
            h.proposerAddress())) {
      fields.add(bare(b.toByteArray()));
    }
    return SimpleMerkle.hashFromByteSlices(fields);
  }

  @Override
  public Bytes validatorSetHash(ValidatorSet validators) {
    List<Bytes> leaves = new ArrayList<>();
    for (Validator v : validators.validators()) {
      if (!(v.pubKey() instanceof PublicKey.Ed25519 key)) {
        throw new IllegalArgumentException("the vectors use ed25519 keys only");
      }
      Out pub = new Out();
      pub.raw(ED25519_PREFIX).uvarint(key.bytes().size()).raw(key.bytes().toByteArray());
      Out leaf = new Out().bytesField(1, pub.bytes().toByteArray());
      leaf.uvarintField(2, v.votingPower());
      leaves.add(leaf.bytes());
    }
    return SimpleMerkle.hashFromByteSlices(leaves);
  }

  @Override
  public Bytes voteSignBytes(String chainId, Commit commit, int index) {
    CommitSig sig = commit.signatures().get(index);
    Out vote = new Out();
    vote.uvarintField(1, 2); // SignedMsgType precommit
    vote.fixed64Field(2, commit.height());
    vote.fixed64Field(3, commit.round());
    BlockId voted = sig.isCommit() ? commit.blockId() : BlockId.EMPTY;
    vote.bytesField(4, blockId(voted, true).bytes().toByteArray());
    vote.bytesField(5, time(sig.timestamp()).bytes().toByteArray());
    vote.bytesField(6, chainId.getBytes(StandardCharsets.UTF_8));
    byte[] body = vote.bytes().toByteArray();
    return new Out().uvarint(body.length).raw(body).bytes();
  }

  /** {@code BlockID{Hash, PartsHeader}}; the canonical form puts the part hash before the total. */
  private static Out blockId(BlockId id, boolean canonical) {
    Out parts = new Out();
    if (canonical) {
      parts.bytesField(1, id.partSetHeader().hash().toByteArray());
      parts.uvarintField(2, id.partSetHeader().total());
    } else {
      parts.uvarintField(1, id.partSetHeader().total());
      parts.bytesField(2, id.partSetHeader().hash().toByteArray());
    }
    Out out = new Out().bytesField(1, id.hash().toByteArray());
    return out.bytesField(2, parts.bytes().toByteArray());
  }

  private static Out time(Instant t) {
    return new Out().uvarintField(1, t.getEpochSecond()).uvarintField(2, t.getNano());
  }

  private static Bytes bare(byte[] value) {
    return value.length == 0 ? Bytes.EMPTY : new Out().uvarint(value.length).raw(value).bytes();
  }

  /** A tiny amino/proto writer; zero scalars and empty byte fields are omitted, as amino does. */
  private static final class Out {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    Out uvarint(long v) {
      while ((v & ~0x7FL) != 0) {
        buf.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      buf.write((int) v);
      return this;
    }

    Out raw(byte[] b) {
      buf.writeBytes(b);
      return this;
    }

    Out uvarintField(int field, long v) {
      return v == 0 ? this : uvarint((long) field << 3).uvarint(v);
    }

    Out fixed64Field(int field, long v) {
      if (v == 0) {
        return this;
      }
      uvarint(((long) field << 3) | 1);
      for (int i = 0; i < 8; i++) {
        buf.write((int) (v >>> (8 * i)));
      }
      return this;
    }

    Out bytesField(int field, byte[] b) {
      return b.length == 0 ? this : uvarint(((long) field << 3) | 2).uvarint(b.length).raw(b);
    }

    Bytes bytes() {
      return Bytes.wrapOwned(buf.toByteArray());
    }
  }
}
