package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.store.GasMeter;
import io.wasm08.wasm.api.GoJsonDecoder;
import io.wasm08.wasm.api.GoJsonDecoder.Field;
import io.wasm08.wasm.api.GoJsonException;
import io.wasm08.wasm.api.GoJsonValue;
import io.wasm08.wasm.api.GoJsonWriter;
import io.wasm08.wasm.types.WasmGasRegister;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import io.wasm08.wasm.vm.crypto.CryptoException;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The BLS12-381 custom querier Ethereum light clients need (ibc-go {@code blsverifier}, used by the
 * wasm simapp): {@code {"aggregate":{"public_keys":[…]}}} → the compressed aggregate public key as
 * a JSON base64 string; {@code {"aggregate_verify":{"public_keys":[…],"signature":…,"message":…}}}
 * → JSON {@code true}/{@code false} (Ethereum's {@code FastAggregateVerify}: aggregate the keys,
 * verify the signature over the 32-byte message with the proof-of-possession DST), with prysm's
 * acceptance rules: at least one key, every key 48 bytes, on the curve, in G1 and not the identity;
 * the signature 96 bytes and in G2; an identity aggregate never verifies.
 *
 * <p>Unlike ibc-go's (ibc-go#8992) it is <em>metered</em>: before computing it charges the CosmWasm
 * costs of the equivalent host functions ({@code bls12_381_aggregate_g1}, {@code
 * bls12_381_hash_to_g2}, {@code bls12_381_pairing_equality}), converted to SDK gas, on the query's
 * gas meter. Errors are plain (the host redacts them to {@code codespace: undefined, code: 1}).
 */
public final class BlsCustomQuerier {
  /** {@code MessageSize}. */
  public static final int MESSAGE_SIZE = 32;

  /** Ethereum's signature DST (proof-of-possession scheme). */
  static final Bytes DST = Bytes.ofUtf8("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_");

  /** The compressed generator of G1. */
  static final byte[] G1_GENERATOR =
      HexFormat.of()
          .parseHex(
              "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");

  static final String GAS_DESCRIPTOR = "bls12-381 custom query";

  private final CosmWasmCrypto crypto;
  private final BlsQueryCosts costs;

  public BlsCustomQuerier(CosmWasmCrypto crypto, BlsQueryCosts costs) {
    this.crypto = Objects.requireNonNull(crypto, "crypto");
    this.costs = Objects.requireNonNull(costs, "costs");
  }

  /**
   * CosmWasm gas of the host functions this querier stands in for (cosmwasm-vm 3 {@code
   * GasConfig::default}: 1 µs = 10⁶ gas).
   */
  public record BlsQueryCosts(
      long aggregateG1Base,
      long aggregateG1PerPoint,
      long hashToG2,
      long pairingBase,
      long pairingPerPair) {
    public static final BlsQueryCosts COSMWASM =
        new BlsQueryCosts(
            136_000_000L / 2, 24_000_000L / 2, 871_000_000L, 2_112_000_000L, 163_000_000L);

    long aggregate(int keys) {
      return Math.addExact(aggregateG1Base, Math.multiplyExact(aggregateG1PerPoint, (long) keys));
    }

    long aggregateVerify(int keys) {
      return Math.addExact(Math.addExact(aggregate(keys), hashToG2), pairingBase + pairingPerPair);
    }
  }

  /**
   * Answers one custom query (the raw JSON value of {@code "custom"}), charging {@code gasMeter}.
   */
  public Bytes query(GasMeter gasMeter, Bytes request) {
    CustomQuery query;
    try {
      query = GoJsonDecoder.unmarshal(request, d -> v -> bind(d, v));
    } catch (GoJsonException e) {
      throw IbcException.plain("failed to parse custom query " + e.getMessage());
    }
    if (query.aggregate() != null) {
      List<Bytes> keys = keys(query.aggregate());
      gasMeter.consumeGas(
          WasmGasRegister.fromWasmVmGas(costs.aggregate(keys.size())), GAS_DESCRIPTOR);
      byte[] aggregated = aggregate(keys);
      return new GoJsonWriter().bytes(Bytes.wrapOwned(aggregated)).toBytes();
    }
    if (query.aggregateVerify() != null) {
      AggregateVerify av = query.aggregateVerify();
      Bytes message = av.message() == null ? Bytes.EMPTY : av.message();
      if (message.size() != MESSAGE_SIZE) {
        throw IbcException.plainf(
            "invalid message length (%d), must be a %d bytes hash: %s",
            message.size(), MESSAGE_SIZE, message.toHex());
      }
      List<Bytes> keys = keys(av.publicKeys());
      gasMeter.consumeGas(
          WasmGasRegister.fromWasmVmGas(costs.aggregateVerify(keys.size())), GAS_DESCRIPTOR);
      boolean ok = verify(av.signature(), message, keys);
      return Bytes.ofUtf8(Boolean.toString(ok));
    }
    throw IbcException.plain("unknown custom query " + goByteSlice(request));
  }

  private static List<Bytes> keys(List<Bytes> keys) {
    return keys == null ? List.of() : keys;
  }

  /** prysm {@code AggregatePublicKeys}. */
  private byte[] aggregate(List<Bytes> keys) {
    if (keys.isEmpty()) {
      throw IbcException.plain("failed to aggregate public keys nil or empty public keys");
    }
    ByteArrayOutputStream concat = new ByteArrayOutputStream();
    for (Bytes key : keys) {
      if (key == null || key.size() != 48) {
        throw IbcException.plain("failed to aggregate public keys public key must be 48 bytes");
      }
      if (isCompressedIdentity(key.toByteArray())) {
        throw IbcException.plain("failed to aggregate public keys publickey is infinite");
      }
      concat.writeBytes(key.toByteArray());
    }
    try {
      return crypto.bls12381AggregateG1(concat.toByteArray());
    } catch (CryptoException e) {
      throw IbcException.plain(
          "failed to aggregate public keys could not unmarshal bytes into public key");
    }
  }

  /** prysm {@code VerifySignature} over the aggregate of {@code keys}. */
  private boolean verify(Bytes signature, Bytes message, List<Bytes> keys) {
    byte[] aggregate = aggregate(keys);
    byte[] sig = signature == null ? new byte[0] : signature.toByteArray();
    if (sig.length != 96) {
      throw IbcException.plain("failed to verify signature signature must be 96 bytes");
    }
    if (isCompressedIdentity(aggregate)) {
      return false; // blst rejects an identity public key
    }
    byte[] hashed =
        crypto.bls12381HashToG2(
            CosmWasmCrypto.HashFunction.SHA256, message.toByteArray(), DST.toByteArray());
    try {
      return crypto.bls12381PairingEquality(aggregate, hashed, G1_GENERATOR, sig);
    } catch (CryptoException e) {
      throw IbcException.plain("failed to verify signature signature not in group");
    }
  }

  /** The compressed encoding of the identity: flags {@code 0xC0}, then zeros. */
  static boolean isCompressedIdentity(byte[] point) {
    if ((point[0] & 0xFF) != 0xC0) {
      return false;
    }
    for (int i = 1; i < point.length; i++) {
      if (point[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** How Go's {@code %v} prints a byte slice: {@code [1 2 3]}. */
  private static String goByteSlice(Bytes b) {
    byte[] raw = b.toByteArray();
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < raw.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(raw[i] & 0xFF);
    }
    return sb.append(']').toString();
  }

  record AggregateVerify(List<Bytes> publicKeys, Bytes signature, Bytes message) {}

  record CustomQuery(List<Bytes> aggregate, AggregateVerify aggregateVerify) {}

  private static CustomQuery bind(GoJsonDecoder d, GoJsonValue v) {
    @SuppressWarnings("unchecked")
    List<Bytes>[] aggregate = new List[] {null};
    boolean[] aggregateSet = {false};
    AggregateVerify[] verify = {null};
    d.struct(
        v,
        "blsverifier.CustomQuery",
        List.of(
            new Field(
                "aggregate_verify",
                x -> {
                  if (x instanceof GoJsonValue.JNull) {
                    verify[0] = null;
                    return;
                  }
                  AggregateVerify base =
                      verify[0] == null ? new AggregateVerify(null, null, null) : verify[0];
                  @SuppressWarnings("unchecked")
                  List<Bytes>[] keys = new List[] {base.publicKeys()};
                  Bytes[] sig = {base.signature()};
                  Bytes[] msg = {base.message()};
                  d.struct(
                      x,
                      "blsverifier.QueryAggregateVerify",
                      List.of(
                          new Field(
                              "public_keys",
                              y ->
                                  keys[0] =
                                      d.slice(y, "[][]uint8", keys[0], e -> d.bytes(e, null))),
                          new Field("signature", y -> sig[0] = d.bytes(y, sig[0])),
                          new Field("message", y -> msg[0] = d.bytes(y, msg[0]))));
                  verify[0] = new AggregateVerify(keys[0], sig[0], msg[0]);
                }),
            new Field(
                "aggregate",
                x -> {
                  if (x instanceof GoJsonValue.JNull) {
                    aggregateSet[0] = false;
                    aggregate[0] = null;
                    return;
                  }
                  aggregateSet[0] = true;
                  d.struct(
                      x,
                      "blsverifier.QueryAggregate",
                      List.of(
                          new Field(
                              "public_keys",
                              y ->
                                  aggregate[0] =
                                      d.slice(
                                          y, "[][]uint8", aggregate[0], e -> d.bytes(e, null)))));
                })));
    List<Bytes> keys = aggregateSet[0] ? (aggregate[0] == null ? List.of() : aggregate[0]) : null;
    return new CustomQuery(keys, verify[0]);
  }
}
