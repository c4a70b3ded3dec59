package io.wasm08.store.iavl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.db.MemDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ICS-23 proofs out of the IAVL tree, verified by the proofs module under IavlSpec. */
class IavlProofTest {
  static Bytes utf8(String s) {
    return Bytes.ofUtf8(s);
  }

  /**
   * The v1 tree of {@link IavlKnownAnswerTest}: root(b) = [leaf a, inner(c) = [leaf b, leaf c]].
   */
  @Test
  void proofOfKnownTreeHasIavlShape() {
    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    tree.set(utf8("a"), utf8("1"));
    tree.set(utf8("b"), utf8("2"));
    tree.set(utf8("c"), utf8("3"));
    Bytes root = tree.saveVersion().hash();
    ImmutableTree v1 = tree.getImmutable(1);

    ExistenceProof b = v1.getMembershipProof(utf8("b")).getExist();
    // leaf prefix: varint(0) varint(1) varint(version 1)
    assertThat(hex(b.getLeaf().getPrefix())).isEqualTo("000202");
    assertThat(b.getPathCount()).isEqualTo(2);
    // b is the left child of inner(c; h1 s2 v1): prefix 02 04 02 20, suffix 20 ‖ hash(leaf c)
    InnerOp first = b.getPath(0);
    assertThat(hex(first.getPrefix())).isEqualTo("02040220");
    assertThat(hex(first.getSuffix()))
        .isEqualTo("20" + "2de087ae4493e1758ed8d20422e2dc08a8b97beaa2250c130381350ef62e65d8");
    // inner(c) is the right child of the root (h2 s3 v1): prefix 04 06 02 20 ‖ hash(leaf a) ‖ 20
    InnerOp second = b.getPath(1);
    assertThat(hex(second.getPrefix()))
        .isEqualTo(
            "04060220" + "bbe33cd0a785b97b9fb1f964aa71159dacd9e0ade84df7403dc0f9dc24818404" + "20");
    assertThat(second.getSuffix().isEmpty()).isTrue();
    assertThat(
            Ics23.verifyMembership(
                ProofSpecs.IAVL, root, v1.getMembershipProof(utf8("b")), utf8("b"), utf8("2")))
        .isTrue();
    Ics23.requireNonMembership(
        ProofSpecs.IAVL, root, v1.getNonMembershipProof(utf8("bb")), utf8("bb"));
  }

  @Test
  void everyKeyAndGapOfARandomTreeIsProvable() {
    Random random = new Random(99);
    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY, 5000);
    List<Bytes> keys = new ArrayList<>();
    for (int v = 1; v <= 5; v++) {
      for (int i = 0; i < 200; i++) {
        Bytes key = Bytes.of((byte) random.nextInt(256), (byte) random.nextInt(256));
        tree.set(key, Bytes.ofUtf8("v" + v + "/" + i));
        keys.add(key);
      }
      tree.remove(keys.get(random.nextInt(keys.size())));
      tree.saveVersion();
    }
    for (long v = 1; v <= 5; v++) {
      ImmutableTree t = tree.getImmutable(v);
      Bytes root = t.hash();
      for (int b = 0; b < 256; b += 3) {
        for (int c = 0; c < 256; c += 17) {
          Bytes key = Bytes.of((byte) b, (byte) c);
          Bytes value = t.get(key);
          if (value != null) {
            CommitmentProof p = t.getMembershipProof(key);
            Ics23.requireMembership(ProofSpecs.IAVL, root, p, key, value);
            assertThat(Ics23.verifyMembership(ProofSpecs.IAVL, root, p, key, utf8("other")))
                .isFalse();
          } else {
            CommitmentProof p = t.getNonMembershipProof(key);
            Ics23.requireNonMembership(ProofSpecs.IAVL, root, p, key);
          }
        }
      }
      // before every key and after every key: left-most and right-most absence
      Ics23.requireNonMembership(
          ProofSpecs.IAVL, root, t.getNonMembershipProof(Bytes.of((byte) 0)), Bytes.of((byte) 0));
      Bytes high = Bytes.fromHex("ffffff");
      Ics23.requireNonMembership(ProofSpecs.IAVL, root, t.getNonMembershipProof(high), high);
    }
  }

  @Test
  void workingTreeProofsVerifyAgainstTheWorkingHash() {
    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    for (int i = 0; i < 50; i++) {
      tree.set(utf8("k" + i), utf8("v" + i));
    }
    tree.saveVersion();
    tree.set(utf8("k7"), utf8("changed"));
    tree.set(utf8("new"), utf8("n"));
    ImmutableTree working = tree.workingTree();
    Ics23.requireMembership(
        ProofSpecs.IAVL,
        tree.workingHash(),
        working.getMembershipProof(utf8("k7")),
        utf8("k7"),
        utf8("changed"));
    // the leaf prefix carries the working version 2
    assertThat(hex(working.getMembershipProof(utf8("k7")).getExist().getLeaf().getPrefix()))
        .isEqualTo("000204");
  }

  static Stream<Arguments> tamperings() {
    return Stream.<Arguments>of(
        Arguments.of(
            "value",
            (UnaryOperator<ExistenceProof>)
                p -> p.toBuilder().setValue(ByteString.copyFromUtf8("forged")).build()),
        Arguments.of(
            "leaf version",
            (UnaryOperator<ExistenceProof>)
                p ->
                    p.toBuilder()
                        .setLeaf(p.getLeaf().toBuilder().setPrefix(ByteString.fromHex("000204")))
                        .build()),
        Arguments.of(
            "sibling hash",
            (UnaryOperator<ExistenceProof>)
                p -> p.toBuilder().setPath(0, flipLast(p.getPath(0))).build()),
        Arguments.of(
            "inner size",
            (UnaryOperator<ExistenceProof>)
                p ->
                    p.toBuilder()
                        .setPath(
                            0,
                            p.getPath(0).toBuilder()
                                .setPrefix(flipByte(p.getPath(0).getPrefix(), 1)))
                        .build()),
        Arguments.of(
            "dropped step",
            (UnaryOperator<ExistenceProof>) p -> p.toBuilder().removePath(0).build()),
        Arguments.of(
            "swapped steps",
            (UnaryOperator<ExistenceProof>)
                p -> p.toBuilder().setPath(0, p.getPath(1)).setPath(1, p.getPath(0)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void tamperedProofsFail(String name, UnaryOperator<ExistenceProof> tamper) {
    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    for (int i = 0; i < 40; i++) {
      tree.set(utf8("key" + i), utf8("value" + i));
    }
    Bytes root = tree.saveVersion().hash();
    CommitmentProof good = tree.lastSaved().getMembershipProof(utf8("key17"));
    assertThat(Ics23.verifyMembership(ProofSpecs.IAVL, root, good, utf8("key17"), utf8("value17")))
        .isTrue();
    ExistenceProof forged = tamper.apply(good.getExist());
    CommitmentProof bad = CommitmentProof.newBuilder().setExist(forged).build();
    assertThat(Ics23.verifyMembership(ProofSpecs.IAVL, root, bad, utf8("key17"), utf8("value17")))
        .isFalse();
  }

  @Test
  void nonMembershipProofOfAPresentKeyOrAMovedNeighbourFails() {
    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    for (int i = 0; i < 20; i++) {
      tree.set(utf8("k" + (char) ('a' + i)), utf8("v"));
    }
    Bytes root = tree.saveVersion().hash();
    ImmutableTree t = tree.lastSaved();
    CommitmentProof gap = t.getNonMembershipProof(utf8("kb0"));
    assertThat(Ics23.verifyNonMembership(ProofSpecs.IAVL, root, gap, utf8("kb0"))).isTrue();
    // the same neighbours do not enclose another key
    assertThat(Ics23.verifyNonMembership(ProofSpecs.IAVL, root, gap, utf8("kd0"))).isFalse();
    // neighbours that are not adjacent: replace the right one by a key further right
    CommitmentProof skipping =
        CommitmentProof.newBuilder()
            .setNonexist(
                gap.getNonexist().toBuilder().setRight(t.getMembershipProof(utf8("kd")).getExist()))
            .build();
    assertThat(Ics23.verifyNonMembership(ProofSpecs.IAVL, root, skipping, utf8("kc"))).isFalse();
    assertThatThrownBy(() -> t.getNonMembershipProof(utf8("kc")))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(StoreErrorCode.INVALID_REQUEST)).isTrue());
    assertThatThrownBy(() -> t.getMembershipProof(utf8("nope")))
        .isInstanceOf(Wasm08Exception.class);
    assertThatThrownBy(
            () ->
                MutableTree.open(new MemDatabase(), Bytes.EMPTY).workingTree().getProof(utf8("x")))
        .hasMessageContaining("nil root");
  }

  private static InnerOp flipLast(InnerOp op) {
    ByteString target = op.getSuffix().isEmpty() ? op.getPrefix() : op.getSuffix();
    ByteString flipped = flipByte(target, target.size() - (op.getSuffix().isEmpty() ? 2 : 1));
    return op.getSuffix().isEmpty()
        ? op.toBuilder().setPrefix(flipped).build()
        : op.toBuilder().setSuffix(flipped).build();
  }

  private static ByteString flipByte(ByteString bytes, int index) {
    byte[] b = bytes.toByteArray();
    b[index] ^= 0x01;
    return ByteString.copyFrom(b);
  }

  private static String hex(ByteString b) {
    return Bytes.of(b.toByteArray()).toHex();
  }
}
