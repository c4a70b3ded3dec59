package io.wasm08.wasm.solomachine;

import io.wasm08.common.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A solo machine's ed25519 key (Bouncy Castle, RFC 8032, deterministic): signs headers and
 * (non-)membership proofs for the solo-machine example client. The client state passed in gives the
 * sequence and diversifier the contract will check against.
 */
public final class SoloMachineSigner {
  private final Ed25519PrivateKeyParameters privateKey;
  private final Bytes publicKey;

  private SoloMachineSigner(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = Bytes.wrapOwned(privateKey.generatePublicKey().getEncoded());
  }

  /** The key whose RFC 8032 private key (seed) is {@code seed}, 32 bytes. */
  public static SoloMachineSigner fromSeed(Bytes seed) {
    if (seed.size() != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException("an ed25519 seed is 32 bytes, got " + seed.size());
    }
    return new SoloMachineSigner(new Ed25519PrivateKeyParameters(seed.toByteArray(), 0));
  }

  /** The 32-byte ed25519 public key. */
  public Bytes publicKey() {
    return publicKey;
  }

  /** A 64-byte ed25519 signature of {@code message}. */
  public Bytes sign(Bytes message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    byte[] bytes = message.toByteArray();
    signer.update(bytes, 0, bytes.length);
    return Bytes.wrapOwned(signer.generateSignature());
  }

  /** A client at sequence 1 controlled by this key. */
  public SoloMachineClientState initialClientState(String diversifier, long timestamp) {
    return SoloMachineClientState.initial(publicKey, diversifier, timestamp);
  }

  /**
   * A header for {@code client}'s current sequence, signed with this (the current) key, handing
   * control to {@code newPublicKey} / {@code newDiversifier} (pass this key's own to keep it).
   */
  public SoloMachineHeader signHeader(
      SoloMachineClientState client, long timestamp, Bytes newPublicKey, String newDiversifier) {
    return signHeader(
        client.sequence(),
        client.consensusState().diversifier(),
        timestamp,
        newPublicKey,
        newDiversifier);
  }

  /**
   * A header for any {@code sequence} and current {@code diversifier}; signing two different ones
   * for one sequence is misbehaviour.
   */
  public SoloMachineHeader signHeader(
      long sequence,
      String diversifier,
      long timestamp,
      Bytes newPublicKey,
      String newDiversifier) {
    Objects.requireNonNull(diversifier, "diversifier");
    Bytes message =
        SoloMachineSignBytes.header(sequence, timestamp, diversifier, newPublicKey, newDiversifier);
    return new SoloMachineHeader(sequence, timestamp, newPublicKey, newDiversifier, sign(message));
  }

  /**
   * A proof that {@code value} is stored at {@code path} (key_path[1]), at the client's sequence.
   */
  public SoloMachineProof signMembership(
      SoloMachineClientState client, long timestamp, Bytes path, Bytes value) {
    return new SoloMachineProof(
        timestamp,
        sign(
            SoloMachineSignBytes.membership(
                client.sequence(), timestamp, client.consensusState().diversifier(), path, value)));
  }

  /** As {@link #signMembership(SoloMachineClientState, long, Bytes, Bytes)} for an ICS-24 path. */
  public SoloMachineProof signMembership(
      SoloMachineClientState client, long timestamp, String path, Bytes value) {
    return signMembership(client, timestamp, utf8(path), value);
  }

  /** A proof that nothing is stored at {@code path} (key_path[1]), at the client's sequence. */
  public SoloMachineProof signNonMembership(
      SoloMachineClientState client, long timestamp, Bytes path) {
    return new SoloMachineProof(
        timestamp,
        sign(
            SoloMachineSignBytes.nonMembership(
                client.sequence(), timestamp, client.consensusState().diversifier(), path)));
  }

  /** As {@link #signNonMembership(SoloMachineClientState, long, Bytes)} for an ICS-24 path. */
  public SoloMachineProof signNonMembership(
      SoloMachineClientState client, long timestamp, String path) {
    return signNonMembership(client, timestamp, utf8(path));
  }

  private static Bytes utf8(String path) {
    return Bytes.wrapOwned(path.getBytes(StandardCharsets.UTF_8));
  }
}
