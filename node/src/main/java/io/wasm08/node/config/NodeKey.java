package io.wasm08.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.NodeErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The node's Ed25519 identity, stored as CometBFT stores {@code node_key.json} ({@code
 * {"priv_key":{"type":"tendermint/PrivKeyEd25519","value":base64(seed ‖ public key)}}}); its id is
 * the hex of the first 20 bytes of SHA-256 of the public key, as CometBFT's.
 */
public record NodeKey(Bytes seed, Bytes publicKey) {
  private static final String TYPE = "tendermint/PrivKeyEd25519";

  public static NodeKey generate(SecureRandom random) {
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
    return new NodeKey(
        Bytes.wrapOwned(key.getEncoded()), Bytes.wrapOwned(key.generatePublicKey().getEncoded()));
  }

  /** Never prints the seed. */
  @Override
  public String toString() {
    return "NodeKey[" + id() + "]";
  }

  public String id() {
    return Hashes.sha256(publicKey).slice(0, 20).toHex();
  }

  public void write(Path file) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    ObjectNode priv = root.putObject("priv_key");
    priv.put("type", TYPE);
    priv.put("value", seed.concat(publicKey).toBase64());
    ConfigFiles.write(file, root.toPrettyString() + "\n");
  }

  public static NodeKey read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
      Bytes value = Bytes.fromBase64(root.path("priv_key").path("value").asText());
      if (!TYPE.equals(root.path("priv_key").path("type").asText()) || value.size() != 64) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("node key must be a 64-byte " + TYPE);
      }
      Bytes seed = value.slice(0, 32);
      Bytes pub =
          Bytes.wrapOwned(
              new Ed25519PrivateKeyParameters(seed.toByteArray(), 0)
                  .generatePublicKey()
                  .getEncoded());
      if (!pub.equals(value.slice(32, 64))) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("node key: public key does not match the seed");
      }
      return new NodeKey(seed, pub);
    } catch (IOException | IllegalArgumentException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(
          "cannot read node key " + file + ": " + e.getMessage(), e);
    }
  }
}
