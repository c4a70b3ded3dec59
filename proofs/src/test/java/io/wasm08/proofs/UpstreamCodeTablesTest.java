package io.wasm08.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.InnerSpec;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.LengthOp;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tables cosmos/ics23 keeps in code rather than in testdata: Go master {@code go/ops_test.go}
 * (TestValidateIavlOps, TestValidateTendermintOps, TestInnerOpCheckAgainstSpec,
 * TestForgeNonExistenceProofWithIncorrectMaxPrefixLength), {@code go/proof_test.go}
 * (TestGetPosition) and Rust {@code ops.rs} / {@code verify.rs} (hashing_food, length_prefix,
 * calculate_root_from_leaf*). Inputs and expected texts are transcribed from those tests.
 */
class UpstreamCodeTablesTest {

  /** Go binary.PutVarint (zig-zag). */
  static byte[] varint(long v) {
    long ux = v << 1;
    if (v < 0) {
      ux = ~ux;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (Long.compareUnsigned(ux, 0x80) >= 0) {
      out.write((int) (ux | 0x80));
      ux >>>= 7;
    }
    out.write((int) ux);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** generateInnerOpPrefix: height 5, size 10, version 20, then the 0x20 length byte. */
  static byte[] innerOpPrefix() {
    return concat(varint(5), varint(10), varint(20), new byte[] {0x20});
  }

  record IavlCase(String name, byte[] prefix, int hash, int layerNum, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<IavlCase> validateIavlOps() {
    int sha = HashOp.SHA256_VALUE;
    return Stream.of(
        new IavlCase("success", innerOpPrefix(), sha, 1, null),
        new IavlCase(
            "failure: reading varint",
            new byte[0],
            sha,
            1,
            "failed to read IAVL height varint: EOF"),
        new IavlCase(
            "failure: invalid height value",
            new byte[] {1},
            sha,
            1,
            "IAVL height (-1) must be non-negative and greater than or equal to the layer number"
                + " (1)"),
        new IavlCase(
            "failure: invalid size varint",
            varint(5),
            sha,
            1,
            "failed to read IAVL size varint: EOF"),
        new IavlCase(
            "failure: invalid size value",
            concat(varint(5), varint(-1)),
            sha,
            1,
            "IAVL size must be non-negative"),
        new IavlCase(
            "failure: invalid version varint",
            concat(varint(5), varint(10)),
            sha,
            1,
            "failed to read IAVL version varint: EOF"),
        new IavlCase(
            "failure: invalid version value",
            concat(varint(5), varint(10), varint(-1)),
            sha,
            1,
            "IAVL version must be non-negative"),
        new IavlCase(
            "failure: invalid remaining length with layer number is 0",
            innerOpPrefix(),
            sha,
            0,
            "expected remaining prefix length to be 0, got: 1"),
        new IavlCase(
            "failure: invalid remaining length with non-zero layer number",
            concat(innerOpPrefix(), new byte[] {1}),
            sha,
            1,
            "remainder of prefix must be of length 1 or 34, got: 2"),
        new IavlCase(
            "failure: invalid hash",
            innerOpPrefix(),
            HashOp.NO_HASH_VALUE,
            1,
            "IAVL hash op must be SHA256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void validateIavlOps(IavlCase c) {
    Throwable thrown =
        catchThrowable(
            () -> Ops.validateIavlOps(ByteString.copyFrom(c.prefix()), c.hash(), c.layerNum()));
    if (c.error() == null) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(ProofException.class).hasMessage(c.error());
    }
  }

  static Stream<Arguments> validateTendermintOps() {
    return Stream.of(
        Arguments.of(
            "success: valid prefix when suffix populated", new byte[] {1}, new byte[] {1}, null),
        Arguments.of(
            "success: valid prefix when suffix empty", new byte[] {1, 2}, new byte[0], null),
        Arguments.of(
            "failure: empty prefix and suffix",
            new byte[0],
            new byte[0],
            "inner op prefix must not be empty"),
        Arguments.of(
            "failure: invalid prefix when suffix populated",
            new byte[] {0},
            new byte[] {1},
            "expected inner op prefix: [1], got: [0]"),
        Arguments.of(
            "failure: invalid prefix when suffix empty",
            new byte[] {2, 1},
            new byte[0],
            "expected inner op prefix to begin with: [1], got: [2]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void validateTendermintOps(String name, byte[] prefix, byte[] suffix, String error) {
    InnerOp op =
        InnerOp.newBuilder()
            .setHash(HashOp.SHA256)
            .setPrefix(ByteString.copyFrom(prefix))
            .setSuffix(ByteString.copyFrom(suffix))
            .build();
    Throwable thrown = catchThrowable(() -> Ops.validateTendermintOps(op));
    if (error == null) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(ProofException.class).hasMessage(error);
    }
  }

  record InnerCase(
      String name,
      UnaryOperator<ProofSpec.Builder> spec,
      UnaryOperator<InnerOp.Builder> op,
      String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<InnerCase> innerOpCheckAgainstSpec() {
    UnaryOperator<ProofSpec.Builder> nonIavl =
        s -> {
          s.getLeafSpecBuilder().setPrehashKey(HashOp.BITCOIN);
          return s;
        };
    return Stream.of(
        new InnerCase("success", s -> s, o -> o, null),
        new InnerCase("failure: empty spec", s -> null, o -> o, "op and spec must be both non-nil"),
        new InnerCase(
            "failure: empty inner spec",
            s -> s.clearInnerSpec(),
            o -> o,
            "spec.InnerSpec must be non-nil"),
        new InnerCase(
            "failure: empty leaf spec",
            s -> s.clearLeafSpec(),
            o -> o,
            "spec.LeafSpec must be non-nil"),
        new InnerCase(
            "failure: incorrect hash function inner op",
            s -> s,
            o -> o.setHash(HashOp.BITCOIN),
            "unexpected HashOp: 5"),
        new InnerCase(
            "failure: spec fails validation",
            s -> s,
            o -> o.setPrefix(ByteString.copyFrom(new byte[] {1})),
            "IAVL height (-1) must be non-negative and greater than or equal to the layer number (1)"),
        new InnerCase(
            "failure: inner prefix starts with leaf prefix",
            nonIavl,
            o -> o.setPrefix(ByteString.copyFrom(concat(new byte[] {0}, innerOpPrefix()))),
            "inner Prefix starts with 00"),
        new InnerCase(
            "failure: inner prefix too short",
            nonIavl,
            o -> o.setPrefix(ByteString.copyFrom(new byte[] {1})),
            "innerOp prefix too short (1)"),
        new InnerCase(
            "failure: inner prefix too long",
            nonIavl,
            o ->
                o.setPrefix(
                    ByteString.copyFromUtf8(
                        "AgQIIGe3bHuC1g6+5/Qd0RoCU0waFu+nDCFzEDViMN/VrQwgIA==")),
            "innerOp prefix too long (52)"),
        new InnerCase(
            "failure: child size must be greater than zero",
            s -> {
              s.getInnerSpecBuilder().setChildSize(0);
              return s;
            },
            o -> o,
            "spec.InnerSpec.ChildSize must be >= 1"),
        new InnerCase(
            "failure: MaxPrefixLength >= MinPrefixLength + ChildSize",
            s -> {
              InnerSpec.Builder is = s.getInnerSpecBuilder();
              is.setMaxPrefixLength(is.getMinPrefixLength() + is.getChildSize());
              return s;
            },
            o -> o,
            "spec.InnerSpec.MaxPrefixLength must be < spec.InnerSpec.MinPrefixLength +"
                + " spec.InnerSpec.ChildSize"),
        new InnerCase(
            "failure: inner op suffix malformed",
            s -> s,
            o -> o.setSuffix(ByteString.copyFrom(new byte[] {1})),
            "InnerOp suffix malformed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void innerOpCheckAgainstSpec(InnerCase c) {
    ProofSpec.Builder spec = c.spec().apply(ProofSpecs.IAVL.toBuilder());
    InnerOp op =
        c.op()
            .apply(
                InnerOp.newBuilder()
                    .setHash(HashOp.SHA256)
                    .setPrefix(ByteString.copyFrom(innerOpPrefix())))
            .build();
    Throwable thrown =
        catchThrowable(() -> Ics23.checkAgainstSpec(op, spec == null ? null : spec.build(), 1));
    if (c.error() == null) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(ProofException.class).hasMessage(c.error());
    }
  }

  static Stream<Arguments> getPosition() {
    List<Integer> iavl = ProofSpecs.IAVL.getInnerSpec().getChildOrderList();
    return Stream.of(
        Arguments.of("success: first branch", iavl, 0, 0, null),
        Arguments.of("success: second branch", iavl, 1, 1, null),
        Arguments.of("failure: negative branch value", iavl, -1, -1, "invalid branch: -1"),
        Arguments.of(
            "failure: branch is greater than length of child order",
            iavl,
            3,
            -1,
            "invalid branch: 3"),
        Arguments.of(
            "failure: branch not found in child order",
            List.of(0, 2),
            1,
            -1,
            "branch 1 not found in order [0 2]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void getPosition(String name, List<Integer> order, int branch, int expPos, String error) {
    if (error == null) {
      assertThat(NonExistence.position(order, branch)).isEqualTo(expPos);
    } else {
      assertThatThrownBy(() -> NonExistence.position(order, branch))
          .isInstanceOf(ProofException.class)
          .hasMessage(error);
    }
  }

  /** The #369 attack: a Tendermint-shaped spec with max_prefix_length 33 forges non-existence. */
  @Test
  void forgeNonExistenceProofWithIncorrectMaxPrefixLength() {
    ProofSpec.Builder sb = ProofSpecs.TENDERMINT.toBuilder();
    sb.getInnerSpecBuilder().setMaxPrefixLength(33);
    ProofSpec spec = sb.build();
    LeafOp leaf = spec.getLeafSpec();
    byte[] aLeaf = leaf(leaf, "a");
    byte[] bLeaf = leaf(leaf, "b");
    byte[] b2Leaf = leaf(leaf, "b2");
    byte[] cLeaf = leaf(leaf, "c");
    InnerOp top = inner(new byte[] {1}, cLeaf);
    ExistenceProof aExist = exist("a", leaf, inner(new byte[] {1}, concat(bLeaf, b2Leaf)), top);
    ExistenceProof bExist = exist("b", leaf, inner(concat(new byte[] {1}, aLeaf), b2Leaf), top);
    ExistenceProof b2Exist =
        exist("b2", leaf, inner(concat(new byte[] {1}, aLeaf, bLeaf), new byte[0]), top);
    byte[] yHash = Ics23.applyInner(aExist.getPath(0), Bytes.of(aLeaf)).toByteArray();
    ExistenceProof cExist = exist("c", leaf, inner(concat(new byte[] {1}, yHash), new byte[0]));
    NonExistenceProof aNotExist =
        NonExistenceProof.newBuilder().setKey(utf8("a")).setRight(bExist).build();
    Bytes root = Ics23.calculateRoot(aExist);
    String expected =
        "inner, spec.InnerSpec.MaxPrefixLength must be < spec.InnerSpec.MinPrefixLength +"
            + " spec.InnerSpec.ChildSize";
    for (ExistenceProof p : List.of(aExist, bExist, b2Exist, cExist)) {
      Bytes kv = Bytes.wrapOwned(p.getKey().toByteArray());
      assertThatThrownBy(() -> Ics23.verifyExistence(p, spec, root, kv, kv))
          .isInstanceOf(ProofException.class)
          .hasMessage(expected);
    }
    assertThatThrownBy(() -> Ics23.verifyNonExistence(aNotExist, spec, root, Bytes.ofUtf8("a")))
        .isInstanceOf(ProofException.class)
        .hasMessage("right proof, " + expected);
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }

  private static byte[] leaf(LeafOp op, String kv) {
    return Ics23.applyLeaf(op, Bytes.ofUtf8(kv), Bytes.ofUtf8(kv)).toByteArray();
  }

  private static InnerOp inner(byte[] prefix, byte[] suffix) {
    return InnerOp.newBuilder()
        .setHash(HashOp.SHA256)
        .setPrefix(ByteString.copyFrom(prefix))
        .setSuffix(ByteString.copyFrom(suffix))
        .build();
  }

  private static ExistenceProof exist(String kv, LeafOp leaf, InnerOp... path) {
    return ExistenceProof.newBuilder()
        .setKey(utf8(kv))
        .setValue(utf8(kv))
        .setLeaf(leaf)
        .addAllPath(List.of(path))
        .build();
  }

  /** Rust ops.rs hashing_food: the two ops Go lacks (values from the Rust test). */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void hashingFoodBeyondGo(HashOp op, String expected) {
    assertThat(Ics23.doHash(op, Bytes.ofUtf8("food")).toHex()).isEqualTo(expected);
  }

  static Stream<Arguments> hashingFoodBeyondGo() {
    return Stream.of(
        Arguments.of(
            HashOp.BLAKE3, "f775a8ccf8cb78cd1c63ade4e9802de4ead836b36cea35242accf31d2c6a3697"),
        Arguments.of(
            HashOp.KECCAK256, "a471c7c90860799b1facb54795f0a93d821fb727241025770865602471b765a8"));
  }

  /** Rust ops.rs length_prefix, through LeafOp.Apply with NO_HASH prehash: the prefixed bytes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void lengthPrefix(LengthOp op, String expectedPrefixedFood) {
    byte[] prefixed =
        concat(HashOps.lengthPrefix(op.getNumber(), 4), "food".getBytes(StandardCharsets.US_ASCII));
    assertThat(Bytes.of(prefixed).toHex()).isEqualTo(expectedPrefixedFood);
  }

  static Stream<Arguments> lengthPrefix() {
    return Stream.of(
        Arguments.of(LengthOp.NO_PREFIX, "666f6f64"),
        Arguments.of(LengthOp.VAR_PROTO, "04666f6f64"),
        Arguments.of(LengthOp.FIXED32_BIG, "00000004666f6f64"),
        Arguments.of(LengthOp.FIXED32_LITTLE, "04000000666f6f64"),
        Arguments.of(LengthOp.FIXED64_BIG, "0000000000000004666f6f64"),
        Arguments.of(LengthOp.FIXED64_LITTLE, "0400000000000000666f6f64"));
  }

  @Test
  void unsupportedOpsAreTypedErrors() {
    assertThatThrownBy(() -> HashOps.lengthPrefix(LengthOp.VAR_RLP_VALUE, 4))
        .isInstanceOf(ProofException.class)
        .hasMessage("unsupported lengthop: 2");
    assertThatThrownBy(() -> Ics23.doHash(HashOp.NO_HASH, Bytes.ofUtf8("food")))
        .isInstanceOf(ProofException.class)
        .hasMessage("unsupported hashop: 0");
    assertThatThrownBy(() -> Ics23.doHash(42, Bytes.ofUtf8("food")))
        .isInstanceOf(ProofException.class)
        .hasMessage("unsupported hashop: 42");
  }

  /** Rust verify.rs calculate_root_from_leaf and calculate_root_from_leaf_and_inner. */
  @Test
  void calculateRootFromLeafAndInner() {
    LeafOp leaf = LeafOp.newBuilder().setHash(HashOp.SHA256).setLength(LengthOp.VAR_PROTO).build();
    ExistenceProof proof =
        ExistenceProof.newBuilder()
            .setKey(utf8("food"))
            .setValue(utf8("some longer text"))
            .setLeaf(leaf)
            .build();
    assertThat(Ics23.calculateRoot(proof).toHex())
        .isEqualTo("b68f5d298e915ae1753dd333da1f9cf605411a5f2e12516be6758f365e6db265");
    ExistenceProof withInner =
        proof.toBuilder()
            .addPath(
                InnerOp.newBuilder()
                    .setHash(HashOp.SHA256)
                    .setPrefix(
                        ByteString.copyFrom(Bytes.fromHex("deadbeef00cafe00").toByteArray())))
            .build();
    assertThat(Ics23.calculateRoot(withInner).toHex())
        .isEqualTo("836ea236a6902a665c2a004c920364f24cad52ded20b1e4f22c3179bfe25b2a9");
  }
}
