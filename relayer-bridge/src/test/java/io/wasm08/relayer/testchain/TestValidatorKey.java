package io.wasm08.relayer.testchain;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.PublicKey;
import io.wasm08.relayer.tendermint.Sha256;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A test validator's Ed25519 consensus key (Bouncy Castle), derived deterministically from a name
 * so every run produces the same keys, headers and signatures.
 */
public final class TestValidatorKey {
  private final String name;
  private final Ed25519PrivateKeyParameters privateKey;
  private final PublicKey.Ed25519 publicKey;

  private TestValidatorKey(String name) {
    this.name = name;
    this.privateKey =
        new Ed25519PrivateKeyParameters(
            Sha256.digest(("wasm08 test validator " + name).getBytes(StandardCharsets.UTF_8)), 0);
    this.publicKey = new PublicKey.Ed25519(Bytes.of(privateKey.generatePublicKey().getEncoded()));
  }

  public static TestValidatorKey named(String name) {
    return new TestValidatorKey(name);
  }

  public String name() {
    return name;
  }

  public PublicKey.Ed25519 publicKey() {
    return publicKey;
  }

  public Bytes address() {
    return publicKey.address();
  }

  public Bytes sign(Bytes message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    byte[] m = message.toByteArray();
    signer.update(m, 0, m.length);
    return Bytes.wrapOwned(signer.generateSignature());
  }

  @Override
  public String toString() {
    return name;
  }
}
