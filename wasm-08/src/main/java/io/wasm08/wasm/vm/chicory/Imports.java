package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasConfig.LinearGasCost;
import io.wasm08.wasm.vm.KvRecord;
import io.wasm08.wasm.vm.Order;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto.HashFunction;
import io.wasm08.wasm.vm.crypto.CryptoErrorCode;
import io.wasm08.wasm.vm.crypto.CryptoException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code env} imports (cosmwasm-vm {@code imports.rs}), each charging in upstream's order: host
 * call → region reads → string decoding → backend call + {@code process_gas_info} → crypto cost →
 * {@code write_to_contract}. Errors are {@link VmException}s; the calling export turns them into
 * runtime errors.
 */
final class Imports {
  private static final long KI = 1024;
  private static final long MI = 1024 * 1024;
  static final long MAX_LENGTH_DB_KEY = 64 * KI;
  static final long MAX_LENGTH_DB_VALUE = 128 * KI;
  static final long MAX_LENGTH_CANONICAL_ADDRESS = 64;
  static final long MAX_LENGTH_HUMAN_ADDRESS = 256;
  static final long MAX_LENGTH_QUERY_CHAIN_REQUEST = 64 * KI;
  static final long MAX_LENGTH_ED25519_SIGNATURE = 64;
  static final long MAX_LENGTH_ED25519_MESSAGE = 128 * KI;
  static final long MAX_COUNT_ED25519_BATCH = 256;
  static final long EDDSA_PUBKEY_LEN = 32;
  static final long MESSAGE_HASH_MAX_LEN = 32;
  static final long ECDSA_SIGNATURE_LEN = 64;
  static final long ECDSA_PUBKEY_MAX_LEN = 65;
  static final long MAX_LENGTH_DEBUG = 2 * MI;
  static final long MAX_LENGTH_ABORT = 2 * MI;
  static final long BLS12_381_MAX_AGGREGATE_SIZE = 2 * MI;
  static final long BLS12_381_MAX_MESSAGE_SIZE = 5 * MI;
  static final long BLS12_381_MAX_DST_SIZE = 5 * KI;
  static final int BLS12_381_G1_POINT_LEN = 48;
  static final int BLS12_381_G2_POINT_LEN = 96;

  private static final ValType I32 = ValType.I32;
  private static final ValType I64 = ValType.I64;

  /** Every import cosmwasm-vm links (with feature {@code iterator}), name → Wasm signature. */
  static final Map<String, FunctionType> SIGNATURES = signatures();

  private final Environment env;

  private Imports(Environment env) {
    this.env = env;
  }

  static List<ImportFunction> forEnvironment(Environment env) {
    Imports imports = new Imports(env);
    Map<String, WasmFunctionHandle> handles = new LinkedHashMap<>();
    handles.put("db_read", (i, a) -> i32(imports.dbRead(ptr(a, 0))));
    handles.put("db_write", (i, a) -> none(() -> imports.dbWrite(ptr(a, 0), ptr(a, 1))));
    handles.put("db_remove", (i, a) -> none(() -> imports.dbRemove(ptr(a, 0))));
    handles.put("db_scan", (i, a) -> i32(imports.dbScan(ptr(a, 0), ptr(a, 1), (int) a[2])));
    handles.put("db_next", (i, a) -> i32(imports.dbNext(ptr(a, 0))));
    handles.put("db_next_key", (i, a) -> i32(imports.dbNextPart(ptr(a, 0), true)));
    handles.put("db_next_value", (i, a) -> i32(imports.dbNextPart(ptr(a, 0), false)));
    handles.put("addr_validate", (i, a) -> i32(imports.addrValidate(ptr(a, 0))));
    handles.put("addr_canonicalize", (i, a) -> i32(imports.addrCanonicalize(ptr(a, 0), ptr(a, 1))));
    handles.put("addr_humanize", (i, a) -> i32(imports.addrHumanize(ptr(a, 0), ptr(a, 1))));
    handles.put(
        "secp256k1_verify",
        (i, a) -> i32(imports.ecdsaVerify(ptr(a, 0), ptr(a, 1), ptr(a, 2), false)));
    handles.put(
        "secp256k1_recover_pubkey",
        (i, a) -> i64(imports.ecdsaRecover(ptr(a, 0), ptr(a, 1), ptr(a, 2), false)));
    handles.put(
        "secp256r1_verify",
        (i, a) -> i32(imports.ecdsaVerify(ptr(a, 0), ptr(a, 1), ptr(a, 2), true)));
    handles.put(
        "secp256r1_recover_pubkey",
        (i, a) -> i64(imports.ecdsaRecover(ptr(a, 0), ptr(a, 1), ptr(a, 2), true)));
    handles.put(
        "ed25519_verify", (i, a) -> i32(imports.ed25519Verify(ptr(a, 0), ptr(a, 1), ptr(a, 2))));
    handles.put(
        "ed25519_batch_verify",
        (i, a) -> i32(imports.ed25519BatchVerify(ptr(a, 0), ptr(a, 1), ptr(a, 2))));
    handles.put(
        "bls12_381_aggregate_g1", (i, a) -> i32(imports.blsAggregate(ptr(a, 0), ptr(a, 1), true)));
    handles.put(
        "bls12_381_aggregate_g2", (i, a) -> i32(imports.blsAggregate(ptr(a, 0), ptr(a, 1), false)));
    handles.put(
        "bls12_381_pairing_equality",
        (i, a) -> i32(imports.blsPairingEquality(ptr(a, 0), ptr(a, 1), ptr(a, 2), ptr(a, 3))));
    handles.put(
        "bls12_381_hash_to_g1",
        (i, a) -> i32(imports.blsHashToCurve(ptr(a, 0), ptr(a, 1), ptr(a, 2), ptr(a, 3), true)));
    handles.put(
        "bls12_381_hash_to_g2",
        (i, a) -> i32(imports.blsHashToCurve(ptr(a, 0), ptr(a, 1), ptr(a, 2), ptr(a, 3), false)));
    handles.put("debug", (i, a) -> none(() -> imports.debug(ptr(a, 0))));
    handles.put("abort", (i, a) -> none(() -> imports.abort(ptr(a, 0))));
    handles.put("query_chain", (i, a) -> i32(imports.queryChain(ptr(a, 0))));

    List<ImportFunction> functions = new ArrayList<>();
    handles.forEach(
        (name, handle) ->
            functions.add(new HostFunction("env", name, SIGNATURES.get(name), handle)));
    return functions;
  }

  private static Map<String, FunctionType> signatures() {
    Map<String, FunctionType> s = new LinkedHashMap<>();
    s.put("db_read", type(List.of(I32), List.of(I32)));
    s.put("db_write", type(List.of(I32, I32), List.of()));
    s.put("db_remove", type(List.of(I32), List.of()));
    s.put("db_scan", type(List.of(I32, I32, I32), List.of(I32)));
    s.put("db_next", type(List.of(I32), List.of(I32)));
    s.put("db_next_key", type(List.of(I32), List.of(I32)));
    s.put("db_next_value", type(List.of(I32), List.of(I32)));
    s.put("addr_validate", type(List.of(I32), List.of(I32)));
    s.put("addr_canonicalize", type(List.of(I32, I32), List.of(I32)));
    s.put("addr_humanize", type(List.of(I32, I32), List.of(I32)));
    s.put("secp256k1_verify", type(List.of(I32, I32, I32), List.of(I32)));
    s.put("secp256k1_recover_pubkey", type(List.of(I32, I32, I32), List.of(I64)));
    s.put("secp256r1_verify", type(List.of(I32, I32, I32), List.of(I32)));
    s.put("secp256r1_recover_pubkey", type(List.of(I32, I32, I32), List.of(I64)));
    s.put("ed25519_verify", type(List.of(I32, I32, I32), List.of(I32)));
    s.put("ed25519_batch_verify", type(List.of(I32, I32, I32), List.of(I32)));
    s.put("bls12_381_aggregate_g1", type(List.of(I32, I32), List.of(I32)));
    s.put("bls12_381_aggregate_g2", type(List.of(I32, I32), List.of(I32)));
    s.put("bls12_381_pairing_equality", type(List.of(I32, I32, I32, I32), List.of(I32)));
    s.put("bls12_381_hash_to_g1", type(List.of(I32, I32, I32, I32), List.of(I32)));
    s.put("bls12_381_hash_to_g2", type(List.of(I32, I32, I32, I32), List.of(I32)));
    s.put("debug", type(List.of(I32), List.of()));
    s.put("abort", type(List.of(I32), List.of()));
    s.put("query_chain", type(List.of(I32), List.of(I32)));
    return Map.copyOf(s);
  }

  private static FunctionType type(List<ValType> params, List<ValType> results) {
    return FunctionType.of(params, results);
  }

  private static int ptr(long[] args, int i) {
    return (int) args[i];
  }

  private static long[] i32(int value) {
    return new long[] {value};
  }

  private static long[] i64(long value) {
    return new long[] {value};
  }

  private static long[] none(Runnable body) {
    body.run();
    return null;
  }

  private void chargeHostCall() {
    env.chargeCost(env.gasConfig.hostCallCost());
  }

  /** Charges the backend's gas, then surfaces its error (upstream: gas first, then {@code ?}). */
  private <T> T unwrap(BackendResult<T> result) {
    env.processGasInfo(result.gas());
    return switch (result) {
      case BackendResult.Ok<T> ok -> ok.value();
      case BackendResult.Err<T> err -> throw err.error().toVmException();
    };
  }

  // ---- storage ----------------------------------------------------------------------------

  int dbRead(int keyPtr) {
    chargeHostCall();
    byte[] key = env.readRegion(keyPtr, MAX_LENGTH_DB_KEY);
    Optional<Bytes> value = unwrap(env.backend.storage().get(Bytes.wrapOwned(key)));
    return value.isEmpty() ? 0 : env.writeToContract(value.get().toByteArray());
  }

  void dbWrite(int keyPtr, int valuePtr) {
    chargeHostCall();
    requireWritable();
    byte[] key = readForWrite(keyPtr, MAX_LENGTH_DB_KEY, "Key");
    byte[] value = readForWrite(valuePtr, MAX_LENGTH_DB_VALUE, "Value");
    unwrap(env.backend.storage().set(Bytes.wrapOwned(key), Bytes.wrapOwned(value)));
  }

  void dbRemove(int keyPtr) {
    chargeHostCall();
    requireWritable();
    byte[] key = env.readRegion(keyPtr, MAX_LENGTH_DB_KEY);
    unwrap(env.backend.storage().remove(Bytes.wrapOwned(key)));
  }

  private void requireWritable() {
    if (env.isStorageReadonly()) {
      throw new VmException(VmErrorKind.WRITE_ACCESS_DENIED, null);
    }
  }

  /** db_write restates an over-long region as a "too big" generic error. */
  private byte[] readForWrite(int ptr, long max, String kind) {
    try {
      return env.readRegion(ptr, max);
    } catch (VmErrors.RegionLengthTooBig e) {
      throw new VmException(
          VmErrorKind.GENERIC_ERR,
          kind
              + " too big. Tried to write "
              + e.length()
              + " bytes to storage, limit is "
              + e.maxLength()
              + ".");
    }
  }

  int dbScan(int startPtr, int endPtr, int order) {
    chargeHostCall();
    byte[] start = env.maybeReadRegion(startPtr, MAX_LENGTH_DB_KEY);
    byte[] end = env.maybeReadRegion(endPtr, MAX_LENGTH_DB_KEY);
    Order parsed = Order.fromCode(order);
    if (parsed == null) {
      throw VmErrors.invalidOrder(order);
    }
    return unwrap(
        env.backend
            .storage()
            .scan(
                start == null ? null : Bytes.wrapOwned(start),
                end == null ? null : Bytes.wrapOwned(end),
                parsed));
  }

  int dbNext(int iteratorId) {
    chargeHostCall();
    Optional<KvRecord> record = unwrap(env.backend.storage().next(iteratorId));
    // An empty key and value mark the end; the pointer is never 0.
    byte[] key = record.map(r -> r.key().toByteArray()).orElse(new byte[0]);
    byte[] value = record.map(r -> r.value().toByteArray()).orElse(new byte[0]);
    return env.writeToContract(Sections.encode(List.of(key, value)));
  }

  int dbNextPart(int iteratorId, boolean key) {
    chargeHostCall();
    var storage = env.backend.storage();
    Optional<Bytes> part =
        unwrap(key ? storage.nextKey(iteratorId) : storage.nextValue(iteratorId));
    return part.isEmpty() ? 0 : env.writeToContract(part.get().toByteArray());
  }

  // ---- addresses --------------------------------------------------------------------------

  int addrValidate(int sourcePtr) {
    chargeHostCall();
    HumanInput input = readHumanAddress(sourcePtr);
    if (input instanceof HumanInput.Rejected rejected) {
      return rejected.messagePtr();
    }
    var result = env.backend.api().addrValidate(((HumanInput.Text) input).value());
    env.processGasInfo(result.gas());
    return switch (result) {
      case BackendResult.Ok<Void> ok -> 0;
      case BackendResult.Err<Void> err -> userErrorOrThrow(err.error());
    };
  }

  int addrCanonicalize(int sourcePtr, int destinationPtr) {
    chargeHostCall();
    HumanInput input = readHumanAddress(sourcePtr);
    if (input instanceof HumanInput.Rejected rejected) {
      return rejected.messagePtr();
    }
    var result = env.backend.api().addrCanonicalize(((HumanInput.Text) input).value());
    env.processGasInfo(result.gas());
    return switch (result) {
      case BackendResult.Ok<Bytes> ok -> {
        env.writeRegion(destinationPtr, ok.value().toByteArray());
        yield 0;
      }
      case BackendResult.Err<Bytes> err -> userErrorOrThrow(err.error());
    };
  }

  int addrHumanize(int sourcePtr, int destinationPtr) {
    chargeHostCall();
    byte[] canonical = env.readRegion(sourcePtr, MAX_LENGTH_CANONICAL_ADDRESS);
    var result = env.backend.api().addrHumanize(Bytes.wrapOwned(canonical));
    env.processGasInfo(result.gas());
    return switch (result) {
      case BackendResult.Ok<String> ok -> {
        env.writeRegion(destinationPtr, ok.value().getBytes(StandardCharsets.UTF_8));
        yield 0;
      }
      case BackendResult.Err<String> err -> userErrorOrThrow(err.error());
    };
  }

  /** A human address read from the guest, or the region of the message rejecting it. */
  private sealed interface HumanInput {
    record Text(String value) implements HumanInput {}

    record Rejected(int messagePtr) implements HumanInput {}
  }

  /**
   * The shared prologue of addr_validate/canonicalize: read, reject empty input, charge the string
   * decoding, reject invalid UTF-8 (rejections are messages written to the contract).
   */
  private HumanInput readHumanAddress(int sourcePtr) {
    byte[] data = env.readRegion(sourcePtr, MAX_LENGTH_HUMAN_ADDRESS);
    if (data.length == 0) {
      return new HumanInput.Rejected(env.writeToContract(ascii("Input is empty")));
    }
    env.chargeCost(env.gasConfig.stringFromBytesCost().totalCost(data.length));
    String decoded = strictUtf8(data);
    if (decoded == null) {
      return new HumanInput.Rejected(env.writeToContract(ascii("Input is not valid UTF-8")));
    }
    return new HumanInput.Text(decoded);
  }

  private int userErrorOrThrow(BackendError error) {
    if (error instanceof BackendError.UserErr user) {
      return env.writeToContract(user.msg().getBytes(StandardCharsets.UTF_8));
    }
    throw error.toVmException();
  }

  // ---- crypto -----------------------------------------------------------------------------

  int ecdsaVerify(int hashPtr, int signaturePtr, int pubkeyPtr, boolean r1) {
    chargeHostCall();
    byte[] hash = env.readRegion(hashPtr, MESSAGE_HASH_MAX_LEN);
    byte[] signature = env.readRegion(signaturePtr, ECDSA_SIGNATURE_LEN);
    byte[] pubkey = env.readRegion(pubkeyPtr, ECDSA_PUBKEY_MAX_LEN);
    env.chargeCost(r1 ? env.gasConfig.secp256r1VerifyCost() : env.gasConfig.secp256k1VerifyCost());
    return verdict(
        () ->
            r1
                ? env.crypto.secp256r1Verify(hash, signature, pubkey)
                : env.crypto.secp256k1Verify(hash, signature, pubkey),
        EnumSet.of(
            CryptoErrorCode.INVALID_HASH_FORMAT,
            CryptoErrorCode.INVALID_PUBKEY_FORMAT,
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT,
            CryptoErrorCode.GENERIC_ERR));
  }

  long ecdsaRecover(int hashPtr, int signaturePtr, int recoverParam, boolean r1) {
    chargeHostCall();
    byte[] hash = env.readRegion(hashPtr, MESSAGE_HASH_MAX_LEN);
    byte[] signature = env.readRegion(signaturePtr, ECDSA_SIGNATURE_LEN);
    if (Integer.toUnsignedLong(recoverParam) > 0xFF) {
      // Rejected before the crypto cost is charged (upstream's u8 conversion).
      return highHalf(CryptoErrorCode.INVALID_RECOVERY_PARAM.code());
    }
    env.chargeCost(
        r1
            ? env.gasConfig.secp256r1RecoverPubkeyCost()
            : env.gasConfig.secp256k1RecoverPubkeyCost());
    byte[] pubkey;
    try {
      pubkey =
          r1
              ? env.crypto.secp256r1RecoverPubkey(hash, signature, recoverParam)
              : env.crypto.secp256k1RecoverPubkey(hash, signature, recoverParam);
    } catch (CryptoException e) {
      return highHalf(
          allowed(
              e,
              EnumSet.of(
                  CryptoErrorCode.INVALID_HASH_FORMAT,
                  CryptoErrorCode.INVALID_SIGNATURE_FORMAT,
                  CryptoErrorCode.INVALID_RECOVERY_PARAM,
                  CryptoErrorCode.GENERIC_ERR)));
    }
    return Integer.toUnsignedLong(env.writeToContract(pubkey));
  }

  int ed25519Verify(int messagePtr, int signaturePtr, int pubkeyPtr) {
    chargeHostCall();
    byte[] message = env.readRegion(messagePtr, MAX_LENGTH_ED25519_MESSAGE);
    byte[] signature = env.readRegion(signaturePtr, MAX_LENGTH_ED25519_SIGNATURE);
    byte[] pubkey = env.readRegion(pubkeyPtr, EDDSA_PUBKEY_LEN);
    env.chargeCost(env.gasConfig.ed25519VerifyCost());
    return verdict(
        () -> env.crypto.ed25519Verify(message, signature, pubkey),
        EnumSet.of(
            CryptoErrorCode.INVALID_PUBKEY_FORMAT,
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT,
            CryptoErrorCode.GENERIC_ERR));
  }

  int ed25519BatchVerify(int messagesPtr, int signaturesPtr, int pubkeysPtr) {
    chargeHostCall();
    byte[] messages =
        env.readRegion(messagesPtr, (MAX_LENGTH_ED25519_MESSAGE + 4) * MAX_COUNT_ED25519_BATCH);
    byte[] signatures =
        env.readRegion(signaturesPtr, (MAX_LENGTH_ED25519_SIGNATURE + 4) * MAX_COUNT_ED25519_BATCH);
    byte[] pubkeys = env.readRegion(pubkeysPtr, (EDDSA_PUBKEY_LEN + 4) * MAX_COUNT_ED25519_BATCH);
    List<byte[]> messageList = Sections.decode(messages);
    List<byte[]> signatureList = Sections.decode(signatures);
    List<byte[]> pubkeyList = Sections.decode(pubkeys);
    LinearGasCost cost =
        pubkeyList.size() == 1
            ? env.gasConfig.ed25519BatchVerifyOnePubkeyCost()
            : env.gasConfig.ed25519BatchVerifyCost();
    env.chargeCost(cost.totalCost(signatureList.size()));
    return verdict(
        () -> env.crypto.ed25519BatchVerify(messageList, signatureList, pubkeyList),
        EnumSet.of(
            CryptoErrorCode.BATCH_ERR,
            CryptoErrorCode.INVALID_PUBKEY_FORMAT,
            CryptoErrorCode.INVALID_SIGNATURE_FORMAT,
            CryptoErrorCode.GENERIC_ERR));
  }

  int blsAggregate(int pointsPtr, int outPtr, boolean g1) {
    chargeHostCall();
    byte[] points = env.readRegion(pointsPtr, BLS12_381_MAX_AGGREGATE_SIZE);
    long estimatedCount = points.length / (g1 ? BLS12_381_G1_POINT_LEN : BLS12_381_G2_POINT_LEN);
    LinearGasCost cost =
        g1 ? env.gasConfig.bls12381AggregateG1Cost() : env.gasConfig.bls12381AggregateG2Cost();
    env.chargeCost(cost.totalCost(estimatedCount));
    byte[] point;
    try {
      point = g1 ? env.crypto.bls12381AggregateG1(points) : env.crypto.bls12381AggregateG2(points);
    } catch (CryptoException e) {
      return allowed(
          e,
          EnumSet.of(
              CryptoErrorCode.INVALID_POINT,
              CryptoErrorCode.AGGREGATION_EMPTY,
              CryptoErrorCode.AGGREGATION_NOT_MULTIPLE));
    }
    env.writeRegion(outPtr, point);
    return 0;
  }

  int blsPairingEquality(int psPtr, int qsPtr, int rPtr, int sPtr) {
    chargeHostCall();
    byte[] ps = env.readRegion(psPtr, BLS12_381_MAX_AGGREGATE_SIZE);
    byte[] qs = env.readRegion(qsPtr, BLS12_381_MAX_AGGREGATE_SIZE);
    byte[] r = env.readRegion(rPtr, BLS12_381_G1_POINT_LEN);
    byte[] s = env.readRegion(sPtr, BLS12_381_G2_POINT_LEN);
    long estimatedPairings = ps.length / BLS12_381_G1_POINT_LEN + 1L;
    env.chargeCost(env.gasConfig.bls12381PairingEqualityCost().totalCost(estimatedPairings));
    return verdict(
        () -> env.crypto.bls12381PairingEquality(ps, qs, r, s),
        EnumSet.of(
            CryptoErrorCode.PAIRING_NOT_MULTIPLE_G1,
            CryptoErrorCode.PAIRING_NOT_MULTIPLE_G2,
            CryptoErrorCode.PAIRING_UNEQUAL_POINT_AMOUNT,
            CryptoErrorCode.INVALID_POINT));
  }

  int blsHashToCurve(int hashFunction, int messagePtr, int dstPtr, int outPtr, boolean g1) {
    chargeHostCall();
    byte[] message = env.readRegion(messagePtr, BLS12_381_MAX_MESSAGE_SIZE);
    byte[] dst = env.readRegion(dstPtr, BLS12_381_MAX_DST_SIZE);
    env.chargeCost(
        g1 ? env.gasConfig.bls12381HashToG1Cost() : env.gasConfig.bls12381HashToG2Cost());
    HashFunction function;
    try {
      function = HashFunction.fromCode(hashFunction);
    } catch (CryptoException e) {
      // The cost is already charged: upstream checks the hash function afterwards.
      return allowed(e, EnumSet.of(CryptoErrorCode.UNKNOWN_HASH_FUNCTION));
    }
    byte[] point =
        g1
            ? env.crypto.bls12381HashToG1(function, message, dst)
            : env.crypto.bls12381HashToG2(function, message, dst);
    env.writeRegion(outPtr, point);
    return 0;
  }

  /** 0 valid, 1 invalid, or the crypto error code when the error is one this import reports. */
  private static int verdict(Supplier<Boolean> check, Set<CryptoErrorCode> reported) {
    try {
      return check.get() ? 0 : 1;
    } catch (CryptoException e) {
      return allowed(e, reported);
    }
  }

  /**
   * Upstream panics on crypto errors an import cannot produce: a host bug, not a contract error.
   */
  private static int allowed(CryptoException e, Set<CryptoErrorCode> reported) {
    if (!reported.contains(e.cryptoCode())) {
      throw new IllegalStateException("Error must not happen for this call", e);
    }
    return e.cryptoCode().code();
  }

  private static long highHalf(int code) {
    return Integer.toUnsignedLong(code) << 32;
  }

  // ---- debug, abort, query_chain ----------------------------------------------------------

  void debug(int messagePtr) {
    chargeHostCall();
    byte[] data = env.readRegion(messagePtr, MAX_LENGTH_DEBUG);
    var handler = env.backend.debugHandler();
    if (handler != io.wasm08.wasm.vm.DebugHandler.IGNORE) {
      handler.debug(lossyUtf8(data), env.getGasLeft());
    }
  }

  void abort(int messagePtr) {
    chargeHostCall();
    byte[] data = env.readRegion(messagePtr, MAX_LENGTH_ABORT);
    env.chargeCost(env.gasConfig.stringFromBytesCost().totalCost(data.length));
    throw new VmException(VmErrorKind.ABORTED, lossyUtf8(data));
  }

  int queryChain(int requestPtr) {
    chargeHostCall();
    byte[] request = env.readRegion(requestPtr, MAX_LENGTH_QUERY_CHAIN_REQUEST);
    long gasRemaining = env.getGasLeft();
    Bytes response = unwrap(env.backend.querier().queryRaw(Bytes.wrapOwned(request), gasRemaining));
    return env.writeToContract(response.toByteArray());
  }

  // ---- text -------------------------------------------------------------------------------

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Rust's {@code String::from_utf8}: {@code null} for invalid UTF-8. */
  static String strictUtf8(byte[] data) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Rust's {@code String::from_utf8_lossy}. */
  static String lossyUtf8(byte[] data) {
    return RustUtf8.lossy(data);
  }
}
