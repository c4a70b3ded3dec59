package io.wasm08.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
  static final char[] PASS = "correct horse".toCharArray();
  @TempDir Path dir;

  Keyring open() {
    return Keyring.open(dir.resolve("keyring.json"), new SecureRandom(), 1 << 10);
  }

  @Test
  void recoversTheCosmjsVectorAccountAndExportsItsMnemonic() throws IOException {
    JsonNode account =
        new ObjectMapper()
            .readTree(SharedFixtures.get().bytes("fixtures/cosmos-tx/vectors.json"))
            .get("mnemonic_account");
    String mnemonic = account.get("mnemonic").asText();
    Keyring keyring = open();
    Keyring.Added added =
        keyring.add(
            "alice", Optional.of(mnemonic), HdPath.parse(account.get("hd_path").asText()), PASS);

    assertThat(added.newMnemonic()).isEmpty();
    assertThat(added.info().address("cosmos")).isEqualTo(account.get("address_cosmos").asText());
    assertThat(added.info().publicKey().compressed().toHex())
        .isEqualTo(account.get("pubkey_compressed_hex").asText());

    Keyring reopened = open();
    assertThat(reopened.show("alice").address("wasm"))
        .isEqualTo(account.get("address_wasm").asText());
    Keyring.Exported exported = reopened.export("alice", PASS);
    assertThat(exported.mnemonic()).isEqualTo(mnemonic);
    assertThat(exported.privateKey().publicKey()).isEqualTo(added.info().publicKey());
  }

  @Test
  void secretsAreEncryptedAtRest() throws IOException {
    Keyring keyring = open();
    Keyring.Added added = keyring.add("bob", Optional.empty(), HdPath.cosmos(0), PASS);
    String mnemonic = added.newMnemonic().orElseThrow();
    String privHex = keyring.export("bob", PASS).privateKey().toBytes().toHex();

    String file = Files.readString(keyring.file());
    assertThat(file).doesNotContain(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]);
    assertThat(file).doesNotContain(privHex);
    assertThat(file).contains("\"scrypt\"").contains("\"ciphertext\"");
    // The same mnemonic recovers the same key in another keyring.
    Keyring other = Keyring.open(dir.resolve("other.json"), new SecureRandom(), 1 << 10);
    assertThat(other.add("bob2", Optional.of(mnemonic), HdPath.cosmos(0), PASS).info().publicKey())
        .isEqualTo(added.info().publicKey());
  }

  @Test
  void wrongPassphraseIsErrWrongPassword() {
    Keyring keyring = open();
    keyring.add("carol", Optional.empty(), HdPath.cosmos(0), PASS);
    assertThatThrownBy(() -> keyring.export("carol", "wrong passphrase".toCharArray()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(SdkErrorCode.WRONG_PASSWORD)).isTrue())
        .hasMessageEndingWith("invalid account password");
    // A second key cannot be added under another passphrase.
    assertThatThrownBy(
            () ->
                keyring.add(
                    "dave", Optional.empty(), HdPath.cosmos(0), "other passphrase".toCharArray()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(SdkErrorCode.WRONG_PASSWORD)).isTrue());
    assertThat(open().names()).containsExactly("carol");
  }

  @Test
  void ciphertextsCannotBeSwappedBetweenEntries() throws IOException {
    Keyring keyring = open();
    keyring.add("a", Optional.empty(), HdPath.cosmos(0), PASS);
    keyring.add("b", Optional.empty(), HdPath.cosmos(0), PASS);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(keyring.file().toFile());
    ObjectNode a = (ObjectNode) root.get("keys").get(0);
    ObjectNode b = (ObjectNode) root.get("keys").get(1);
    JsonNode nonce = a.get("nonce");
    JsonNode ct = a.get("ciphertext");
    a.set("nonce", b.get("nonce"));
    a.set("ciphertext", b.get("ciphertext"));
    b.set("nonce", nonce);
    b.set("ciphertext", ct);
    Files.writeString(keyring.file(), root.toString());
    assertThatThrownBy(() -> open().export("a", PASS))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(SdkErrorCode.WRONG_PASSWORD)).isTrue());
  }

  @Test
  void duplicateAndUnknownNames() {
    Keyring keyring = open();
    keyring.add("erin", Optional.empty(), HdPath.cosmos(0), PASS);
    assertThatThrownBy(() -> keyring.add("erin", Optional.empty(), HdPath.cosmos(0), PASS))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(NodeErrorCode.KEY_EXISTS)).isTrue());
    assertThatThrownBy(() -> keyring.show("frank"))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(NodeErrorCode.KEY_NOT_FOUND)).isTrue());
    assertThatThrownBy(() -> keyring.add("bad name", Optional.empty(), HdPath.cosmos(0), PASS))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(NodeErrorCode.INVALID_KEYRING)).isTrue());
  }

  @Test
  void corruptFileIsATypedError() throws IOException {
    Path file = dir.resolve("keyring.json");
    Files.writeString(file, "{not json");
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(NodeErrorCode.INVALID_KEYRING)).isTrue());
  }
}
