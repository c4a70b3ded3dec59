package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoloMachineSignerTest {
  static final SoloMachineSigner ALICE = SoloMachineSigner.fromSeed(Bytes.wrapOwned(filled(1)));
  static final SoloMachineSigner BOB = SoloMachineSigner.fromSeed(Bytes.wrapOwned(filled(2)));
  static final long T0 = 1_700_000_000_000_000_000L;

  /** RFC 8032 §7.1, TEST 1 – TEST 3 (SECRET KEY, PUBLIC KEY, MESSAGE, SIGNATURE). */
  static Stream<Arguments> rfc8032() {
    return Stream.of(
        Arguments.of(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Arguments.of(
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Arguments.of(
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"));
  }

  @ParameterizedTest
  @MethodSource("rfc8032")
  void signsAsRfc8032(String secret, String publicKey, String message, String signature) {
    SoloMachineSigner signer = SoloMachineSigner.fromSeed(Bytes.fromHex(secret));

    assertThat(signer.publicKey()).isEqualTo(Bytes.fromHex(publicKey));
    assertThat(signer.sign(Bytes.fromHex(message))).isEqualTo(Bytes.fromHex(signature));
  }

  @Test
  void headerIsSignedOverTheClientsSequenceAndDiversifier() {
    SoloMachineClientState client =
        new SoloMachineClientState(
            7, false, new SoloMachineConsensusState(ALICE.publicKey(), "solo", T0));

    SoloMachineHeader header = ALICE.signHeader(client, T0 + 1, BOB.publicKey(), "next");

    assertThat(header.sequence()).isEqualTo(7);
    assertThat(header.timestamp()).isEqualTo(T0 + 1);
    assertThat(header.newPublicKey()).isEqualTo(BOB.publicKey());
    assertThat(header.newDiversifier()).isEqualTo("next");
    assertThat(
            verifies(
                ALICE.publicKey(),
                SoloMachineSignBytes.header(7, T0 + 1, "solo", BOB.publicKey(), "next"),
                header.signature()))
        .isTrue();
    assertThat(
            verifies(
                BOB.publicKey(),
                SoloMachineSignBytes.header(7, T0 + 1, "solo", BOB.publicKey(), "next"),
                header.signature()))
        .isFalse();
  }

  @Test
  void proofsAreSignedOverPathAndValue() {
    SoloMachineClientState client = ALICE.initialClientState("solo", T0);
    Bytes path = Bytes.ofUtf8("commitments/ports/transfer/channels/channel-0/sequences/1");
    Bytes value = Bytes.ofUtf8("commitment");

    SoloMachineProof membership = ALICE.signMembership(client, T0 + 5, path, value);
    SoloMachineProof absence = ALICE.signNonMembership(client, T0 + 5, path.toUtf8());

    assertThat(membership.timestamp()).isEqualTo(T0 + 5);
    assertThat(
            verifies(
                ALICE.publicKey(),
                SoloMachineSignBytes.membership(1, T0 + 5, "solo", path, value),
                membership.signature()))
        .isTrue();
    assertThat(
            verifies(
                ALICE.publicKey(),
                SoloMachineSignBytes.nonMembership(1, T0 + 5, "solo", path),
                absence.signature()))
        .isTrue();
    assertThat(membership.signature()).isNotEqualTo(absence.signature());
  }

  @Test
  void aSeedIs32Bytes() {
    assertThatThrownBy(() -> SoloMachineSigner.fromSeed(Bytes.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an ed25519 seed is 32 bytes, got 31");
  }

  static boolean verifies(Bytes publicKey, Bytes message, Bytes signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey.toByteArray(), 0));
    byte[] m = message.toByteArray();
    verifier.update(m, 0, m.length);
    return verifier.verifySignature(signature.toByteArray());
  }

  static byte[] filled(int value) {
    byte[] out = new byte[32];
    java.util.Arrays.fill(out, (byte) value);
    return out;
  }
}
