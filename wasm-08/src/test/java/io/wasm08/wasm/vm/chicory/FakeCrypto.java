package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import io.wasm08.wasm.vm.crypto.CryptoErrorCode;
import io.wasm08.wasm.vm.crypto.CryptoException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A programmable {@link CosmWasmCrypto} for the import tests: every call is logged (name and
 * argument lengths) and answers {@link #verdict}, {@link #point}, or throws {@link #error}.
 */
final class FakeCrypto implements CosmWasmCrypto {
  boolean verdict = true;
  byte[] point = new byte[0];
  CryptoErrorCode error;
  final List<String> calls = new ArrayList<>();

  private void log(String name, Object... args) {
    StringBuilder line = new StringBuilder(name);
    for (Object arg : args) {
      line.append(' ');
      if (arg instanceof byte[] b) {
        line.append(HexFormat.of().formatHex(b));
      } else if (arg instanceof List<?> list) {
        line.append(list.size());
      } else {
        line.append(arg);
      }
    }
    calls.add(line.toString());
    if (error != null) {
      throw new CryptoException(error);
    }
  }

  @Override
  public boolean secp256k1Verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    log("secp256k1Verify", messageHash, signature, publicKey);
    return verdict;
  }

  @Override
  public byte[] secp256k1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    log("secp256k1RecoverPubkey", messageHash, signature, recoveryParam);
    return point;
  }

  @Override
  public boolean secp256r1Verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    log("secp256r1Verify", messageHash, signature, publicKey);
    return verdict;
  }

  @Override
  public byte[] secp256r1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    log("secp256r1RecoverPubkey", messageHash, signature, recoveryParam);
    return point;
  }

  @Override
  public boolean ed25519Verify(byte[] message, byte[] signature, byte[] publicKey) {
    log("ed25519Verify", message, signature, publicKey);
    return verdict;
  }

  @Override
  public boolean ed25519BatchVerify(
      List<byte[]> messages, List<byte[]> signatures, List<byte[]> publicKeys) {
    log("ed25519BatchVerify", messages, signatures, publicKeys);
    return verdict;
  }

  @Override
  public byte[] bls12381AggregateG1(byte[] points) {
    log("bls12381AggregateG1", points.length);
    return point;
  }

  @Override
  public byte[] bls12381AggregateG2(byte[] points) {
    log("bls12381AggregateG2", points.length);
    return point;
  }

  @Override
  public boolean bls12381PairingEquality(byte[] ps, byte[] qs, byte[] r, byte[] s) {
    log("bls12381PairingEquality", ps.length, qs.length, r.length, s.length);
    return verdict;
  }

  @Override
  public byte[] bls12381HashToG1(HashFunction hashFunction, byte[] message, byte[] dst) {
    log("bls12381HashToG1", hashFunction, message, dst);
    return point;
  }

  @Override
  public byte[] bls12381HashToG2(HashFunction hashFunction, byte[] message, byte[] dst) {
    log("bls12381HashToG2", hashFunction, message, dst);
    return point;
  }
}
