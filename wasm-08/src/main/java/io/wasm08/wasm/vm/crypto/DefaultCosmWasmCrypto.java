package io.wasm08.wasm.vm.crypto;

import java.util.List;

/**
 * The production {@link CosmWasmCrypto}: Bouncy Castle for ECDSA and the edwards25519 field,
 * ZIP-215 verification per ed25519-zebra 4.0.3, blst (jblst) for BLS12-381. Stateless and
 * thread-safe.
 */
public final class DefaultCosmWasmCrypto implements CosmWasmCrypto {
  public static final DefaultCosmWasmCrypto INSTANCE = new DefaultCosmWasmCrypto();

  @Override
  public boolean secp256k1Verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    return Secp256k1.verify(messageHash, signature, publicKey);
  }

  @Override
  public byte[] secp256k1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    return Secp256k1.recoverPubkey(messageHash, signature, recoveryParam);
  }

  @Override
  public boolean secp256r1Verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    return Secp256r1.verify(messageHash, signature, publicKey);
  }

  @Override
  public byte[] secp256r1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    return Secp256r1.recoverPubkey(messageHash, signature, recoveryParam);
  }

  @Override
  public boolean ed25519Verify(byte[] message, byte[] signature, byte[] publicKey) {
    return Ed25519Zip215.verify(message, signature, publicKey);
  }

  @Override
  public boolean ed25519BatchVerify(
      List<byte[]> messages, List<byte[]> signatures, List<byte[]> publicKeys) {
    return Ed25519Zip215.batchVerify(messages, signatures, publicKeys);
  }

  @Override
  public byte[] bls12381AggregateG1(byte[] points) {
    return Bls12381.aggregateG1(points);
  }

  @Override
  public byte[] bls12381AggregateG2(byte[] points) {
    return Bls12381.aggregateG2(points);
  }

  @Override
  public boolean bls12381PairingEquality(byte[] ps, byte[] qs, byte[] r, byte[] s) {
    return Bls12381.pairingEquality(ps, qs, r, s);
  }

  @Override
  public byte[] bls12381HashToG1(HashFunction hashFunction, byte[] message, byte[] dst) {
    return Bls12381.hashToG1(hashFunction, message, dst);
  }

  @Override
  public byte[] bls12381HashToG2(HashFunction hashFunction, byte[] message, byte[] dst) {
    return Bls12381.hashToG2(hashFunction, message, dst);
  }
}
