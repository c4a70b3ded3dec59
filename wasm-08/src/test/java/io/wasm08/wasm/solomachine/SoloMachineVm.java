package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.wasm08.common.Bytes;
import io.wasm08.store.GasConfig;
import io.wasm08.store.GasKvStore;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.KvStoreStorage;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The contract on the real engine as 08-wasm runs it: stored with {@code storeCode} (check_wasm,
 * cosmwasm-vm 3.0.9 metering), each call with the client's store behind the SDK gas KV store
 * (KvStoreStorage × 140 000, so storage gas is external and {@code usedInternally} is the VM's
 * own).
 */
final class SoloMachineVm implements AutoCloseable {
  static final long GAS_LIMIT = 100_000_000_000_000L;

  /** ibc-go 08-wasm's {@code DefaultGasMultiplier}. */
  static final long GAS_MULTIPLIER = 140_000;

  /** One call: the raw ContractResult JSON and the VM's gas report. */
  record Call(String result, long gasInternal, long gasExternal) {
    boolean isOk() {
      return result.startsWith("{\"ok\":");
    }

    /** A query's answer: the base64 JSON inside {@code {"ok":"…"}}. */
    String answer() {
      assertThat(result).startsWith("{\"ok\":\"").endsWith("\"}");
      return decode(result.substring(7, result.length() - 2));
    }

    /** An instantiate/sudo/migrate Response's data: JSON text, or null; nothing else set. */
    String data() {
      String prefix = "{\"ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":";
      assertThat(result).startsWith(prefix).endsWith("}}");
      String data = result.substring(prefix.length(), result.length() - 2);
      return data.equals("null") ? null : decode(data.substring(1, data.length() - 1));
    }

    private static String decode(String base64) {
      return new String(
          Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final ChicoryWasmEngine engine;
  private final Checksum checksum;

  SoloMachineVm(ExecutionMode mode) {
    this.engine = ChicoryWasmEngine.builder().executionMode(mode).build();
    this.checksum =
        engine.storeCode(SoloMachineContract.wasm().toByteArray(), GAS_LIMIT).checksum();
  }

  Checksum checksum() {
    return checksum;
  }

  Call instantiate(KvStore store, String msg) {
    return run(
        store, ctx -> engine.instantiate(checksum, Payloads.ENV, Payloads.INFO, utf8(msg), ctx));
  }

  Call query(KvStore store, String msg) {
    return run(store, ctx -> engine.query(checksum, Payloads.ENV, utf8(msg), ctx));
  }

  Call sudo(KvStore store, String msg) {
    return run(store, ctx -> engine.sudo(checksum, Payloads.ENV, utf8(msg), ctx));
  }

  Call migrate(KvStore store, String msg) {
    return migrate(checksum, store, msg);
  }

  /** MsgMigrateContract runs the new code's migrate on the client's store. */
  Call migrate(Checksum newCode, KvStore store, String msg) {
    return run(store, ctx -> engine.migrate(newCode, Payloads.ENV, utf8(msg), ctx));
  }

  Checksum storeCode(byte[] wasm) {
    return engine.storeCode(wasm, GAS_LIMIT).checksum();
  }

  private interface Invocation {
    CallResult call(CallContext context);
  }

  private static Call run(KvStore store, Invocation invocation) {
    InfiniteGasMeter meter = new InfiniteGasMeter();
    KvStoreStorage storage =
        new KvStoreStorage(new GasKvStore(store, meter, GasConfig.KV), meter, GAS_MULTIPLIER);
    CallResult result =
        invocation.call(new CallContext(storage, new MockApi(), new MockQuerier(), GAS_LIMIT));
    return new Call(
        result.data().toUtf8(),
        result.gasReport().usedInternally(),
        result.gasReport().usedExternally());
  }

  private static Bytes utf8(String s) {
    return Bytes.ofUtf8(s);
  }

  @Override
  public void close() {
    engine.close();
  }

  // ---------------------------------------------------------------- store contents

  /** Every entry of the store, in key order. */
  static SortedMap<Bytes, Bytes> snapshot(KvStore store) {
    SortedMap<Bytes, Bytes> entries = new TreeMap<>();
    try (KvIterator it = store.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        entries.put(it.key(), it.value());
      }
    }
    return entries;
  }

  /** A stored 08-wasm client state: Any{ClientState{data = 1, checksum = 2, latest_height = 3}}. */
  record StoredClientState(Bytes data, Bytes checksum, long revisionNumber, long revisionHeight) {}

  static StoredClientState clientState(KvStore store) {
    Any any = any(store.get(Bytes.ofUtf8("clientState")));
    assertThat(any.getTypeUrl()).isEqualTo("/ibc.lightclients.wasm.v1.ClientState");
    UnknownFieldSet fields = fields(any.getValue().toByteArray());
    UnknownFieldSet height =
        fields(fields.getField(3).getLengthDelimitedList().get(0).toByteArray());
    return new StoredClientState(
        bytesField(fields, 1),
        bytesField(fields, 2),
        varintField(height, 1),
        varintField(height, 2));
  }

  /** A stored 08-wasm consensus state's data: Any{ConsensusState{data = 1}}. */
  static Bytes consensusStateData(KvStore store, long sequence) {
    Any any = any(store.get(Bytes.ofUtf8("consensusStates/0-" + Long.toUnsignedString(sequence))));
    assertThat(any.getTypeUrl()).isEqualTo("/ibc.lightclients.wasm.v1.ConsensusState");
    return bytesField(fields(any.getValue().toByteArray()), 1);
  }

  private static Any any(Bytes raw) {
    assertThat(raw).isNotNull();
    try {
      return Any.parseFrom(raw.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not an Any: " + raw, e);
    }
  }

  private static UnknownFieldSet fields(byte[] message) {
    try {
      return UnknownFieldSet.parseFrom(message);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not a protobuf message", e);
    }
  }

  private static Bytes bytesField(UnknownFieldSet fields, int number) {
    var values = fields.getField(number).getLengthDelimitedList();
    assertThat(values).hasSize(1);
    return Bytes.wrapOwned(values.get(0).toByteArray());
  }

  private static long varintField(UnknownFieldSet fields, int number) {
    var values = fields.getField(number).getVarintList();
    return values.isEmpty() ? 0 : values.get(0);
  }
}
