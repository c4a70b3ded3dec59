package io.wasm08.store.iavl;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.store.CommitId;
import io.wasm08.store.TestHashes;
import io.wasm08.store.db.MemDatabase;
import org.junit.jupiter.api.Test;

/**
 * Root hashes of a small tree worked out by hand from the cosmos/iavl v1 rules (reference ics23.md
 * §9): {@code leaf = sha256(zz(0) zz(1) zz(version) uvarint(len key) key 0x20 sha256(value))},
 * {@code inner = sha256(zz(height) zz(size) zz(version) 0x20 left 0x20 right)}, zz = zig-zag varint
 * (zz(1)=02, zz(2)=04, zz(3)=06, zz(4)=08). The preimages below are written out byte by byte; the
 * digests are plain SHA-256 of those bytes (checked with {@code sha256sum}).
 *
 * <pre>
 * v1: set a=1, b=2, c=3           root(b; h2 s3) = [leaf a, inner(c; h1 s2) = [leaf b, leaf c]]
 * v2: set b=x                     path root → inner c → leaf b recreated at version 2
 * v3: set d=4                     right-heavy by 2 → rotateLeft: root(c; h2 s4) =
 *                                 [inner(b) = [a@1, b@2], inner(d) = [c@1, d@3]], inner nodes @3
 * v4: remove c                    inner(d) collapses to leaf d; root key becomes "d":
 *                                 root(d; h2 s3) = [inner(b)@3, leaf d@3]
 * </pre>
 */
class IavlKnownAnswerTest {
  // sha256 of the values "1", "2", "3", "x", "4"
  static final String SHA_1 = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
  static final String SHA_2 = "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35";
  static final String SHA_3 = "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce";
  static final String SHA_X = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
  static final String SHA_4 = "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a";

  @Test
  void rootsMatchHandComputedHashes() {
    // leaf preimage: 00 (height 0) 02 (size 1) zz(version) 01 (key length) key 20 sha256(value)
    String leafA1 = sha("00" + "02" + "02" + "01" + "61" + "20" + SHA_1);
    String leafB1 = sha("00" + "02" + "02" + "01" + "62" + "20" + SHA_2);
    String leafC1 = sha("00" + "02" + "02" + "01" + "63" + "20" + SHA_3);
    // inner preimage: zz(height) zz(size) zz(version) 20 left 20 right
    String innerC1 = sha("02" + "04" + "02" + "20" + leafB1 + "20" + leafC1);
    String rootV1 = sha("04" + "06" + "02" + "20" + leafA1 + "20" + innerC1);
    assertThat(rootV1)
        .isEqualTo("94ee7455e38ba1286d6f8e8317485dd90e8d9ced4795e233270868ce3f74814e");

    String leafB2 = sha("00" + "02" + "04" + "01" + "62" + "20" + SHA_X);
    String innerC2 = sha("02" + "04" + "04" + "20" + leafB2 + "20" + leafC1);
    String rootV2 = sha("04" + "06" + "04" + "20" + leafA1 + "20" + innerC2);
    assertThat(rootV2)
        .isEqualTo("4c8498daaec590b5cb111a5a9866aca5714c1dc93fb66112dba305437d273e29");

    String leafD3 = sha("00" + "02" + "06" + "01" + "64" + "20" + SHA_4);
    String innerB3 = sha("02" + "04" + "06" + "20" + leafA1 + "20" + leafB2);
    String innerD3 = sha("02" + "04" + "06" + "20" + leafC1 + "20" + leafD3);
    String rootV3 = sha("04" + "08" + "06" + "20" + innerB3 + "20" + innerD3);
    assertThat(rootV3)
        .isEqualTo("980d81f35540a298c62d1a0003077cb92a1313f67a812aa73387751a7b004261");

    String rootV4 = sha("04" + "06" + "08" + "20" + innerB3 + "20" + leafD3);
    assertThat(rootV4)
        .isEqualTo("63045290bb87efd4a092691150601a861efe9cb9d15c1b344a2950ed433ba983");

    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    assertThat(tree.workingHash().toHex())
        .as("empty tree: sha256 of nothing")
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    tree.set(utf8("a"), utf8("1"));
    tree.set(utf8("b"), utf8("2"));
    tree.set(utf8("c"), utf8("3"));
    assertThat(tree.workingHash().toHex()).isEqualTo(rootV1);
    assertThat(tree.saveVersion()).isEqualTo(new CommitId(1, Bytes.fromHex(rootV1)));

    assertThat(tree.set(utf8("b"), utf8("x"))).isTrue();
    assertThat(tree.saveVersion()).isEqualTo(new CommitId(2, Bytes.fromHex(rootV2)));

    assertThat(tree.set(utf8("d"), utf8("4"))).isFalse();
    assertThat(tree.saveVersion()).isEqualTo(new CommitId(3, Bytes.fromHex(rootV3)));

    assertThat(tree.remove(utf8("c"))).isEqualTo(utf8("3"));
    assertThat(tree.remove(utf8("zz"))).isNull();
    assertThat(tree.saveVersion()).isEqualTo(new CommitId(4, Bytes.fromHex(rootV4)));

    // Saving without changes keeps the root (a new version pointing at the same nodes).
    assertThat(tree.saveVersion()).isEqualTo(new CommitId(5, Bytes.fromHex(rootV4)));
    // Every version stays readable with its own hash.
    assertThat(tree.getImmutable(1).hash().toHex()).isEqualTo(rootV1);
    assertThat(tree.getImmutable(3).get(utf8("c"))).isEqualTo(utf8("3"));
    assertThat(tree.getImmutable(4).get(utf8("c"))).isNull();
  }

  /**
   * A right-left double rotation and removals, by hand. v1 sets a=1, b=2, c=3 (root(b) = [a,
   * inner(c) = [b, c]]) then bb=5: inner(c) becomes [inner(bb) = [b, bb], c], the root is
   * right-heavy by 2 with a left-leaning right child, so rotateRight(right) then rotateLeft(root)
   * give root(bb; h2 s4) = [inner(b) = [a, b], inner(c) = [bb, c]]. v2 removes a: inner(b)
   * collapses to leaf b, root(bb; h2 s3 @2) = [leaf b, inner(c)@1]. v3 removes b: the root is
   * replaced by its untouched right child, so the root hash is inner(c)'s from version 1.
   */
  @Test
  void doubleRotationAndRemovals() {
    String leafA = sha("0002020161" + "20" + SHA_1);
    String leafB = sha("0002020162" + "20" + SHA_2);
    String leafC = sha("0002020163" + "20" + SHA_3);
    // key "bb" = 62 62, length 02; sha256("5")
    String leafBb =
        sha(
            "00020202"
                + "6262"
                + "20"
                + "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d");
    String innerB = sha("02040220" + leafA + "20" + leafB);
    String innerC = sha("02040220" + leafBb + "20" + leafC);
    String rootV1 = sha("04080220" + innerB + "20" + innerC);
    String rootV2 = sha("04060420" + leafB + "20" + innerC);
    assertThat(rootV1)
        .isEqualTo("c7dad28d7175524f18519e9d03c18b7ef44fd3490ccb71dc177fad4d88211a3b");

    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    tree.set(utf8("a"), utf8("1"));
    tree.set(utf8("b"), utf8("2"));
    tree.set(utf8("c"), utf8("3"));
    tree.set(utf8("bb"), utf8("5"));
    assertThat(tree.saveVersion().hash().toHex()).isEqualTo(rootV1);
    tree.remove(utf8("a"));
    assertThat(rootV2)
        .isEqualTo("714cf7a111e74c9f0acaf9686ec0e98f18f0a7778be47cb4e8e860c1e75eedbf");
    assertThat(tree.saveVersion().hash().toHex()).isEqualTo(rootV2);
    tree.remove(utf8("b"));
    assertThat(tree.saveVersion().hash().toHex()).isEqualTo(innerC);
  }

  @Test
  void initialVersionIsHashedIn() {
    MutableTree tree = MutableTree.open(new MemDatabase(), Bytes.EMPTY);
    tree.setInitialVersion(69);
    tree.set(utf8("a"), utf8("1"));
    // zz(69) = varint(138) = 8a 01
    String leaf = sha("00" + "02" + "8a01" + "01" + "61" + "20" + SHA_1);
    assertThat(tree.saveVersion()).isEqualTo(new CommitId(69, Bytes.fromHex(leaf)));
    tree.set(utf8("a"), utf8("1"));
    assertThat(tree.saveVersion().version()).isEqualTo(70);
  }

  static Bytes utf8(String s) {
    return Bytes.ofUtf8(s);
  }

  static String sha(String hex) {
    return TestHashes.sha256Hex(hex);
  }
}
