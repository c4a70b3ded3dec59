package io.wasm08.wasm.testing;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.api.GoJsonParser;
import io.wasm08.wasm.api.GoJsonValue;
import io.wasm08.wasm.api.GoJsonWriter;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.api.SudoMsg;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmEngine;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link WasmEngine} for keeper and module tests, shaped like ibc-go's {@code MockWasmEngine}:
 * code is stored by sha256 in memory; instantiate and migrate go to replaceable functions; query
 * and sudo dispatch on the one-of key of the payload to a callback per message type, and an
 * unstubbed message type fails the test with {@code AssertionError("no handler for <Type>")}.
 * Callbacks answer with raw result JSON (see {@link #contractOk} etc.) and touch the client store
 * through the call's {@link CallContext#storage()}.
 */
public final class FakeWasmEngine implements WasmEngine {
  /** ibc-go's {@code DefaultGasUsed}: the VM gas each stubbed call reports. */
  public static final long DEFAULT_GAS_USED = 1;

  @FunctionalInterface
  public interface InstantiateFn {
    CallResult instantiate(Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext ctx);
  }

  @FunctionalInterface
  public interface CallFn {
    CallResult call(Checksum checksum, Bytes env, Bytes msg, CallContext ctx);
  }

  @FunctionalInterface
  public interface StoreCodeFn {
    StoreCodeResult store(byte[] code, long gasLimit);
  }

  @FunctionalInterface
  public interface ChecksumFn {
    void apply(Checksum checksum);
  }

  private final Map<Checksum, Bytes> stored = new LinkedHashMap<>();
  private final Map<String, CallFn> queryCallbacks = new HashMap<>();
  private final Map<String, CallFn> sudoCallbacks = new HashMap<>();

  public StoreCodeFn storeCodeFn =
      (code, gasLimit) -> {
        Checksum checksum = Checksum.of(code);
        stored.put(checksum, Bytes.of(code));
        return new StoreCodeResult(checksum, 0);
      };
  public java.util.function.Function<byte[], Checksum> storeCodeUncheckedFn =
      code -> {
        Checksum checksum = Checksum.of(code);
        stored.put(checksum, Bytes.of(code));
        return checksum;
      };
  public ChecksumFn pinFn = checksum -> {};
  public ChecksumFn unpinFn = checksum -> {};
  public InstantiateFn instantiateFn =
      (c, env, info, msg, ctx) -> {
        throw new AssertionError("no handler for InstantiateMessage");
      };
  public CallFn migrateFn =
      (c, env, msg, ctx) -> {
        throw new AssertionError("no handler for migrate");
      };

  /** The JSON key of each message type, as ibc-go names the Go struct behind it. */
  private static final Map<Class<?>, String> KEYS =
      Map.ofEntries(
          Map.entry(QueryMsg.Status.class, "status"),
          Map.entry(QueryMsg.TimestampAtHeight.class, "timestamp_at_height"),
          Map.entry(QueryMsg.VerifyClientMessage.class, "verify_client_message"),
          Map.entry(QueryMsg.CheckForMisbehaviour.class, "check_for_misbehaviour"),
          Map.entry(SudoMsg.UpdateState.class, "update_state"),
          Map.entry(SudoMsg.UpdateStateOnMisbehaviour.class, "update_state_on_misbehaviour"),
          Map.entry(SudoMsg.VerifyUpgradeAndUpdateState.class, "verify_upgrade_and_update_state"),
          Map.entry(SudoMsg.VerifyMembership.class, "verify_membership"),
          Map.entry(SudoMsg.VerifyNonMembership.class, "verify_non_membership"),
          Map.entry(SudoMsg.MigrateClientStore.class, "migrate_client_store"));

  public FakeWasmEngine registerQueryCallback(Class<? extends QueryMsg> type, CallFn fn) {
    queryCallbacks.put(key(type), fn);
    return this;
  }

  public FakeWasmEngine registerSudoCallback(Class<? extends SudoMsg> type, CallFn fn) {
    sudoCallbacks.put(key(type), fn);
    return this;
  }

  private static String key(Class<?> type) {
    String key = KEYS.get(type);
    if (key == null) {
      throw new IllegalArgumentException("unexpected argument of type " + type.getSimpleName());
    }
    return key;
  }

  /** The one key of a one-of payload ({@code {"status":{}}} → {@code status}). */
  static String payloadKey(Bytes msg) {
    GoJsonValue value = GoJsonParser.parse(msg.toByteArray());
    if (value instanceof GoJsonValue.JObject o && o.members().size() == 1) {
      return o.members().get(0).key();
    }
    throw new AssertionError("failed to extract a valid payload from " + msg.toUtf8());
  }

  private static String typeName(String key) {
    StringBuilder sb = new StringBuilder();
    for (String part : key.split("_")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.append("Msg").toString();
  }

  // ---- WasmEngine ----------------------------------------------------------------------------

  @Override
  public StoreCodeResult storeCode(byte[] wasm, long gasLimit) {
    return storeCodeFn.store(wasm, gasLimit);
  }

  @Override
  public StoreCodeResult simulateStoreCode(byte[] wasm, long gasLimit) {
    return new StoreCodeResult(Checksum.of(wasm), 0);
  }

  @Override
  public Checksum storeCodeUnchecked(byte[] wasm) {
    return storeCodeUncheckedFn.apply(wasm);
  }

  @Override
  public Bytes getCode(Checksum checksum) {
    Bytes code = stored.get(checksum);
    if (code == null) {
      throw new VmException(VmErrorKind.CACHE_ERR, "code not found");
    }
    return code;
  }

  @Override
  public void removeCode(Checksum checksum) {
    stored.remove(checksum);
  }

  @Override
  public io.wasm08.wasm.vm.AnalysisReport analyzeCode(Checksum checksum) {
    throw new AssertionError("08-wasm never analyzes code");
  }

  @Override
  public void pin(Checksum checksum) {
    pinFn.apply(checksum);
  }

  @Override
  public void unpin(Checksum checksum) {
    unpinFn.apply(checksum);
  }

  @Override
  public CallResult instantiate(
      Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context) {
    return instantiateFn.instantiate(checksum, env, info, msg, context);
  }

  @Override
  public CallResult execute(
      Checksum checksum, Bytes env, Bytes info, Bytes msg, CallContext context) {
    throw new AssertionError("08-wasm never calls execute");
  }

  @Override
  public CallResult query(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    String key = payloadKey(msg);
    CallFn fn = queryCallbacks.get(key);
    if (fn == null) {
      throw new AssertionError("no handler for " + typeName(key));
    }
    return fn.call(checksum, env, msg, context);
  }

  @Override
  public CallResult sudo(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    String key = payloadKey(msg);
    CallFn fn = sudoCallbacks.get(key);
    if (fn == null) {
      throw new AssertionError("no handler for " + typeName(key));
    }
    return fn.call(checksum, env, msg, context);
  }

  @Override
  public CallResult migrate(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return migrateFn.call(checksum, env, msg, context);
  }

  @Override
  public CallResult migrateWithInfo(
      Checksum checksum, Bytes env, Bytes msg, Bytes migrateInfo, CallContext context) {
    throw new AssertionError("08-wasm calls migrate with two arguments");
  }

  @Override
  public CallResult reply(Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    throw new AssertionError("08-wasm never calls reply");
  }

  @Override
  public Metrics metrics() {
    return new Metrics(0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public void close() {}

  public boolean isStored(Checksum checksum) {
    return stored.containsKey(checksum);
  }

  // ---- results ---------------------------------------------------------------------------------

  /** The report of a call that used {@link #DEFAULT_GAS_USED} of {@code ctx}'s budget. */
  public static GasReport report(CallContext ctx) {
    return report(ctx, DEFAULT_GAS_USED);
  }

  public static GasReport report(CallContext ctx, long used) {
    long limit = ctx.gasLimit();
    return new GasReport(limit, Math.max(0, limit - used), 0, used);
  }

  /** {@code ContractResult{Ok: Response{Data: data}}}. */
  public static CallResult contractOk(CallContext ctx, Bytes data) {
    return contractResponse(ctx, data, 0, 0, 0);
  }

  /** {@code ContractResult{Ok}} with {@code json.Marshal(EmptyResult{})} = {@code {}} as data. */
  public static CallResult contractOkEmpty(CallContext ctx) {
    return contractOk(ctx, Bytes.ofUtf8("{}"));
  }

  /** A response with that many (dummy) messages, events and attributes. */
  public static CallResult contractResponse(
      CallContext ctx, Bytes data, int messages, int events, int attributes) {
    GoJsonWriter w = new GoJsonWriter().beginObject().name("ok").beginObject();
    w.name("messages").beginArray();
    for (int i = 0; i < messages; i++) {
      w.beginObject().name("id").uint64(i).name("msg").beginObject().endObject().endObject();
    }
    w.endArray();
    w.name("data").bytes(data);
    w.name("attributes").beginArray();
    for (int i = 0; i < attributes; i++) {
      w.beginObject().name("key").string("k").name("value").string("v").endObject();
    }
    w.endArray();
    w.name("events").beginArray();
    for (int i = 0; i < events; i++) {
      w.beginObject()
          .name("type")
          .string("t")
          .name("attributes")
          .beginArray()
          .endArray()
          .endObject();
    }
    w.endArray();
    return new CallResult(w.endObject().endObject().toBytes(), report(ctx));
  }

  /** {@code ContractResult{Err: error}}. */
  public static CallResult contractError(CallContext ctx, String error) {
    return new CallResult(
        new GoJsonWriter().beginObject().name("error").string(error).endObject().toBytes(),
        report(ctx));
  }

  /** {@code QueryResult{Ok: ok}}. */
  public static CallResult queryOk(CallContext ctx, Bytes ok) {
    return new CallResult(
        new GoJsonWriter().beginObject().name("ok").bytes(ok).endObject().toBytes(), report(ctx));
  }

  public static CallResult queryOk(CallContext ctx, String okJson) {
    return queryOk(ctx, Bytes.ofUtf8(okJson));
  }

  /** {@code QueryResult{Err: error}}. */
  public static CallResult queryError(CallContext ctx, String error) {
    return contractError(ctx, error);
  }

  /** A VM fault (ibc-go's {@code ErrMockVM}): the call fails with a backend error. */
  public static VmCallException vmError(CallContext ctx) {
    return new VmCallException(
        new VmException(VmErrorKind.GENERIC_ERR, "mock vm error"), report(ctx));
  }

  // ---- storage -------------------------------------------------------------------------------

  public static void set(CallContext ctx, Bytes key, Bytes value) {
    if (ctx.storage().set(key, value) instanceof BackendResult.Err<Void> err) {
      throw new AssertionError("storage set failed: " + err.error().message());
    }
  }

  public static void delete(CallContext ctx, Bytes key) {
    if (ctx.storage().remove(key) instanceof BackendResult.Err<Void> err) {
      throw new AssertionError("storage remove failed: " + err.error().message());
    }
  }

  public static Optional<Bytes> get(CallContext ctx, Bytes key) {
    return switch (ctx.storage().get(key)) {
      case BackendResult.Ok<Optional<Bytes>> ok -> ok.value();
      case BackendResult.Err<Optional<Bytes>> err ->
          throw new AssertionError("storage get failed: " + err.error().message());
    };
  }
}
