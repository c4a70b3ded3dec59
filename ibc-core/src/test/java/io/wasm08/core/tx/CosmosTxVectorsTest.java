package io.wasm08.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.tx.v1beta1.TxOuterClass.AuthInfo;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.HdKeys;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every value of {@code fixtures/cosmos-tx/vectors.json} (Cosmos SDK {@code simd}
 * SIGN_MODE_DIRECT vectors via cosmjs, SDK address vectors): keys and addresses, body/auth-info
 * encodings, sign bytes, RFC 6979 low-S signatures, TxRaw bytes and hashes. Negative cases are
 * built by mutating the vectors.
 */
class CosmosTxVectorsTest {
  private static final String VECTORS = "fixtures/cosmos-tx/vectors.json";

  // secp256k1 group order, from SEC 2 §2.4.1; used to flip S to its high twin.
  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  static JsonNode vectors() throws IOException {
    return new ObjectMapper().readTree(SharedFixtures.get().bytes(VECTORS));
  }

  static Secp256k1PrivateKey mnemonicKey(JsonNode account, String path) {
    return HdKeys.fromMnemonic(
        account.get("mnemonic").asText(),
        account.get("bip39_passphrase").asText(),
        HdPath.parse(path));
  }

  @Test
  void mnemonicAccountDerivesPubkeyAndAddresses() throws IOException {
    JsonNode account = vectors().get("mnemonic_account");
    Secp256k1PrivateKey key = mnemonicKey(account, account.get("hd_path").asText());
    Secp256k1PublicKey pub = key.publicKey();

    assertThat(pub.compressed().toHex()).isEqualTo(account.get("pubkey_compressed_hex").asText());
    assertThat(pub.compressed().toBase64())
        .isEqualTo(account.get("pubkey_compressed_base64").asText());
    assertThat(pub.address().toBech32("cosmos")).isEqualTo(account.get("address_cosmos").asText());
    assertThat(pub.address().toBech32("wasm")).isEqualTo(account.get("address_wasm").asText());
    assertThat(HdPath.cosmos(0)).hasToString(account.get("hd_path").asText());

    Secp256k1PrivateKey second = mnemonicKey(account, account.get("hd_path_index_1").asText());
    assertThat(second.publicKey().address().toBech32("wasm"))
        .isEqualTo(account.get("address_wasm_index_1").asText());
    assertThat(HdPath.cosmos(1)).hasToString(account.get("hd_path_index_1").asText());
  }

  static Stream<JsonNode> privkeyAccounts() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    vectors().get("privkey_accounts").forEach(out::add);
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("privkeyAccounts")
  void privkeyAccountDerivesPubkeyAndAddress(JsonNode account) {
    Secp256k1PrivateKey key =
        Secp256k1PrivateKey.fromBytes(Bytes.fromHex(account.get("privkey_hex").asText()));
    Secp256k1PublicKey pub = key.publicKey();
    assertThat(pub.compressed().toHex()).isEqualTo(account.get("pubkey_compressed_hex").asText());
    if (account.has("address_cosmos")) {
      assertThat(pub.address().toBech32("cosmos"))
          .isEqualTo(account.get("address_cosmos").asText());
    }
    if (account.has("address_base58check_v0")) {
      assertThat(Base58Check.encode((byte) 0, pub.address().bytes()))
          .isEqualTo(account.get("address_base58check_v0").asText());
    }
  }

  @Test
  void moduleAccounts() throws IOException {
    for (JsonNode module : vectors().get("module_accounts")) {
      AccAddress address = AccAddress.module(module.get("module").asText());
      assertThat(address.bytes().toHex()).isEqualTo(module.get("address_hex").asText());
      assertThat(address.toBech32("cosmos")).isEqualTo(module.get("address_cosmos").asText());
      assertThat(AccAddress.fromBech32(module.get("address_cosmos").asText(), "cosmos"))
          .isEqualTo(address);
    }
  }

  static Stream<JsonNode> signDirect() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    vectors().get("sign_direct").forEach(out::add);
    return out.stream();
  }

  /** The fee of every sign_direct vector (cosmjs testutils; gov-grpc-tx.md §3.10). */
  private static final Coin FEE = Coin.newBuilder().setDenom("ucosm").setAmount("2000").build();

  private static final long GAS = 200_000;

  @ParameterizedTest
  @MethodSource("signDirect")
  void signDirectVectorReproducedExactly(JsonNode v) throws IOException {
    JsonNode account = vectors().get("mnemonic_account");
    Secp256k1PrivateKey key = mnemonicKey(account, account.get("hd_path").asText());
    long sequence = v.get("sequence").asLong();
    long accountNumber = v.get("account_number").asLong();
    String chainId = v.get("chain_id").asText();
    Bytes bodyBytes = hex(v, "body_bytes");

    // The body round-trips through our TxBody (the MsgSend stays an opaque Any).
    TxBody body = TxBody.parseFrom(bodyBytes.toByteArray());
    assertThat(Bytes.of(body.toByteArray())).isEqualTo(bodyBytes);

    // Build the same transaction from its fields and sign it.
    TxBuilder builder = TxBuilder.create().fee(GAS, FEE);
    body.getMessagesList().forEach(builder::addMessage);
    SignedTx signed = builder.sign(chainId, new TxSigner(key, accountNumber, sequence));

    assertThat(signed.bodyBytes()).isEqualTo(bodyBytes);
    assertThat(signed.authInfoBytes()).isEqualTo(hex(v, "auth_info_bytes"));
    assertThat(
            SignDocs.directSignBytes(
                signed.bodyBytes(), signed.authInfoBytes(), chainId, accountNumber))
        .isEqualTo(hex(v, "sign_bytes"));
    assertThat(signed.signatures()).containsExactly(hex(v, "signature"));
    assertThat(signed.txBytes()).isEqualTo(hex(v, "tx_raw_bytes"));
    assertThat(signed.hash()).isEqualTo(v.get("txhash").asText());
    assertThat(TxHash.of(hex(v, "tx_raw_bytes"))).isEqualTo(v.get("txhash").asText());

    TxRaw raw = TxRaw.parseFrom(hex(v, "tx_raw_bytes").toByteArray());
    assertThat(DirectSigning.verify(raw, 0, key.publicKey(), chainId, accountNumber)).isTrue();
  }

  /** A mutation of a valid vector that must make verification fail. */
  record Mutation(String name, java.util.function.UnaryOperator<Case> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What a verifier sees: the raw tx and the chain id / account number it checks against. */
  record Case(TxRaw raw, String chainId, long accountNumber) {}

  static Stream<Mutation> mutations() {
    return Stream.of(
        new Mutation("wrong chain id", c -> new Case(c.raw(), "simd-testing-2", c.accountNumber())),
        new Mutation(
            "wrong account number", c -> new Case(c.raw(), c.chainId(), c.accountNumber() + 1)),
        new Mutation("account number 0 (genesis)", c -> new Case(c.raw(), c.chainId(), 0)),
        new Mutation(
            "high-S twin of the signature",
            c -> {
              byte[] sig = c.raw().getSignatures(0).toByteArray();
              BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
              byte[] high = N.subtract(s).toByteArray();
              byte[] out = sig.clone();
              java.util.Arrays.fill(out, 32, 64, (byte) 0);
              int len = Math.min(high.length, 32);
              System.arraycopy(high, high.length - len, out, 64 - len, len);
              return withSignature(c, out);
            }),
        new Mutation(
            "truncated signature (63 bytes)",
            c ->
                withSignature(
                    c, java.util.Arrays.copyOf(c.raw().getSignatures(0).toByteArray(), 63))),
        new Mutation(
            "DER-style 65-byte signature",
            c -> {
              byte[] sig = c.raw().getSignatures(0).toByteArray();
              byte[] out = new byte[65];
              System.arraycopy(sig, 0, out, 0, 64);
              out[64] = 1;
              return withSignature(c, out);
            }),
        new Mutation(
            "sequence bumped in auth info",
            c -> {
              AuthInfo info = parseAuthInfo(c.raw());
              AuthInfo bumped =
                  info.toBuilder()
                      .setSignerInfos(
                          0,
                          info.getSignerInfos(0).toBuilder()
                              .setSequence(info.getSignerInfos(0).getSequence() + 1))
                      .build();
              return new Case(
                  c.raw().toBuilder().setAuthInfoBytes(bumped.toByteString()).build(),
                  c.chainId(),
                  c.accountNumber());
            }),
        new Mutation(
            "unknown field appended to the body",
            c -> {
              // field 999, varint 1: tolerated by protobuf parsers, but not what was signed
              ByteString body =
                  c.raw()
                      .getBodyBytes()
                      .concat(ByteString.copyFrom(new byte[] {(byte) 0xB8, 0x3E, 0x01}));
              return new Case(
                  c.raw().toBuilder().setBodyBytes(body).build(), c.chainId(), c.accountNumber());
            }),
        new Mutation(
            "memo changed",
            c -> {
              TxBody body = parseBody(c.raw()).toBuilder().setMemo("x").build();
              return new Case(
                  c.raw().toBuilder().setBodyBytes(body.toByteString()).build(),
                  c.chainId(),
                  c.accountNumber());
            }));
  }

  @ParameterizedTest
  @MethodSource("mutations")
  void mutatedVectorDoesNotVerify(Mutation mutation) throws IOException {
    JsonNode account = vectors().get("mnemonic_account");
    Secp256k1PublicKey pub = mnemonicKey(account, account.get("hd_path").asText()).publicKey();
    for (JsonNode v : vectors().get("sign_direct")) {
      Case original =
          new Case(
              TxRaw.parseFrom(hex(v, "tx_raw_bytes").toByteArray()),
              v.get("chain_id").asText(),
              v.get("account_number").asLong());
      assertThat(
              DirectSigning.verify(
                  original.raw(), 0, pub, original.chainId(), original.accountNumber()))
          .as("unmutated vector verifies")
          .isTrue();
      Case mutated = mutation.apply().apply(original);
      assertThat(
              DirectSigning.verify(
                  mutated.raw(), 0, pub, mutated.chainId(), mutated.accountNumber()))
          .as(mutation.name())
          .isFalse();
    }
  }

  @Test
  void signaturesAreLowSAndDeterministic() throws IOException {
    JsonNode account = vectors().get("mnemonic_account");
    Secp256k1PrivateKey key = mnemonicKey(account, account.get("hd_path").asText());
    for (JsonNode v : vectors().get("sign_direct")) {
      Bytes signBytes = hex(v, "sign_bytes");
      Bytes first = key.sign(signBytes);
      assertThat(key.sign(signBytes)).isEqualTo(first);
      BigInteger s = new BigInteger(1, first.slice(32, 64).toByteArray());
      assertThat(s.compareTo(N.shiftRight(1))).isLessThanOrEqualTo(0);
    }
  }

  private static Case withSignature(Case c, byte[] signature) {
    return new Case(
        c.raw().toBuilder().setSignatures(0, ByteString.copyFrom(signature)).build(),
        c.chainId(),
        c.accountNumber());
  }

  private static AuthInfo parseAuthInfo(TxRaw raw) {
    try {
      return AuthInfo.parseFrom(raw.getAuthInfoBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static TxBody parseBody(TxRaw raw) {
    try {
      return TxBody.parseFrom(raw.getBodyBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static Bytes hex(JsonNode v, String field) {
    return Bytes.fromHex(v.get(field).asText());
  }
}
