package io.wasm08.bench.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.HostApi;
import io.wasm08.wasm.vm.KvRecord;
import io.wasm08.wasm.vm.Order;
import io.wasm08.wasm.vm.Storage;
import io.wasm08.wasm.vm.WasmEngine;
import io.wasm08.wasm.vm.testing.Coin;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockEnv;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contracts and inputs the VM benchmarks run: hackatom with cosmwasm-vm's benchmark calls
 * (instantiate, execute {@code release}, query {@code verifier}, mock env and backend), the ICS-07
 * light client verifying the eureka Tendermint fixture header (08-wasm's payloads), and {@code
 * loop.wat} (pure Wasm compute).
 */
public final class BenchContracts {
  private BenchContracts() {}

  static final ObjectMapper JSON = new ObjectMapper();
  public static final long GAS_LIMIT = 100_000_000_000_000L;

  // ---- hackatom (cosmwasm-vm's benches/main.rs inputs) --------------------------------------

  public static final MockApi API = new MockApi();

  public static byte[] hackatom() {
    return SharedFixtures.get().bytes("fixtures/cosmwasm/hackatom.wasm");
  }

  public static final Bytes HACKATOM_INSTANTIATE =
      Bytes.ofUtf8(
          "{\"verifier\": \""
              + API.addrMake("verifies")
              + "\", \"beneficiary\": \""
              + API.addrMake("benefits")
              + "\"}");
  public static final Bytes CREATOR_INFO =
      MockEnv.mockInfo(API.addrMake("creator"), List.of(Coin.of(1000, "earth")));
  public static final Bytes VERIFIER_INFO =
      MockEnv.mockInfo(API.addrMake("verifies"), List.of(Coin.of(15, "earth")));
  public static final Bytes RELEASE = Bytes.ofUtf8("{\"release\":{\"denom\":\"earth\"}}");
  public static final Bytes VERIFIER_QUERY = Bytes.ofUtf8("{\"verifier\":{}}");
  public static final Bytes MOCK_ENV = MockEnv.mockEnv();

  public static CallContext mockContext(MockStorage storage) {
    return new CallContext(storage, API, new MockQuerier(), GAS_LIMIT);
  }

  // ---- ICS-07 Tendermint (light-clients-and-rpc.md §1.1, §1.5) -----------------------------

  public static byte[] ics07() {
    return SharedFixtures.get()
        .contents("fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz");
  }

  public static byte[] ics10() {
    return SharedFixtures.get().contents("fixtures/light-clients/ibc-go/ics10_grandpa_cw.wasm.gz");
  }

  /**
   * 08-wasm's env at the fixture's update: an hour after the trusted consensus state (1757928743 s
   * + 781007263 ns), inside the trusting period; contract address = client id.
   */
  public static final Bytes ICS07_ENV =
      Bytes.ofUtf8(
          "{\"block\":{\"height\":39,\"time\":\"1757932343781007263\",\"chain_id\":\"testchain-1\"},"
              + "\"transaction\":null,\"contract\":{\"address\":\"08-wasm-0\"}}");

  public static final Bytes ICS07_INFO = Bytes.ofUtf8("{\"sender\":\"\",\"funds\":[]}");

  /** The fixture's client state, consensus state and header, as the ICS-07 contract takes them. */
  public record TendermintFixture(Bytes instantiateMsg, Bytes verifyClientMessage) {}

  public static TendermintFixture tendermint(Checksum checksum) {
    JsonNode fixture;
    try {
      fixture =
          JSON.readTree(
              SharedFixtures.get()
                  .bytes(
                      "fixtures/light-clients/eureka/tendermint-lc-fixtures/update_client_happy_path.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] clientState = Bytes.fromHex(fixture.get("client_state_hex").asText()).toByteArray();
    byte[] consensus = Bytes.fromHex(fixture.get("consensus_state_hex").asText()).toByteArray();
    byte[] header =
        Bytes.fromHex(fixture.get("update_client_message").get("client_message_hex").asText())
            .toByteArray();
    // The ibc-go build takes protobuf Anys of the Tendermint types (light-clients-and-rpc.md §1)
    Bytes init =
        Bytes.ofUtf8(
            "{\"client_state\":\""
                + base64(any("/ibc.lightclients.tendermint.v1.ClientState", clientState))
                + "\",\"consensus_state\":\""
                + base64(any("/ibc.lightclients.tendermint.v1.ConsensusState", consensus))
                + "\",\"checksum\":\""
                + checksum.bytes().toBase64()
                + "\"}");
    Bytes verify =
        Bytes.ofUtf8(
            "{\"verify_client_message\":{\"client_message\":\""
                + base64(any("/ibc.lightclients.tendermint.v1.Header", header))
                + "\"}}");
    return new TendermintFixture(init, verify);
  }

  /**
   * Stores and instantiates the ICS-07 client on {@code engine}; returns the client store and the
   * verify message.
   */
  public static Ics07 setUpIcs07(WasmEngine engine) {
    byte[] wasm = ics07();
    Checksum checksum = engine.storeCode(wasm, Long.MAX_VALUE).checksum();
    TendermintFixture fixture = tendermint(checksum);
    MapStorage store = new MapStorage();
    String init =
        engine
            .instantiate(checksum, ICS07_ENV, ICS07_INFO, fixture.instantiateMsg(), context(store))
            .data()
            .toUtf8();
    if (!init.startsWith("{\"ok\":")) {
      throw new IllegalStateException("ICS-07 instantiate failed: " + init);
    }
    return new Ics07(checksum, store, fixture.verifyClientMessage());
  }

  public record Ics07(Checksum checksum, MapStorage store, Bytes verifyMessage) {}

  /** A call context with 08-wasm's address API and a backend that charges no gas. */
  public static CallContext context(Storage storage) {
    return new CallContext(storage, WASM08_API, new MockQuerier(), GAS_LIMIT);
  }

  // ---- loop.wat ---------------------------------------------------------------------------

  public static byte[] loop() {
    try (InputStream in = BenchContracts.class.getResourceAsStream("/io/wasm08/bench/loop.wasm")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** FNV-1a over 64 KiB, 16 rounds: 1 Mi byte steps of load, xor, multiply. */
  public static final Bytes LOOP_HASH = Bytes.of((byte) 0, (byte) 16);

  /** fib(25): 242 785 calls. */
  public static final Bytes LOOP_FIB = Bytes.of((byte) 1, (byte) 25);

  public static final Bytes EMPTY_ENV = Bytes.ofUtf8("{}");

  // ---- backends -----------------------------------------------------------------------------

  /**
   * 08-wasm's GoAPI as wasmvm sees it: every address function fails with a user error and no gas
   * (08-wasm-host.md §4.2).
   */
  public static final HostApi WASM08_API =
      new HostApi() {
        @Override
        public BackendResult<Void> addrValidate(String input) {
          return BackendResult.err(
              new io.wasm08.wasm.vm.BackendError.UserErr("validateAddress not implemented"),
              GasInfo.FREE);
        }

        @Override
        public BackendResult<Bytes> addrCanonicalize(String human) {
          return BackendResult.err(
              new io.wasm08.wasm.vm.BackendError.UserErr("canonicalizeAddress not implemented"),
              GasInfo.FREE);
        }

        @Override
        public BackendResult<String> addrHumanize(Bytes canonical) {
          return BackendResult.err(
              new io.wasm08.wasm.vm.BackendError.UserErr("humanizeAddress not implemented"),
              GasInfo.FREE);
        }
      };

  /**
   * A sorted map as contract storage that reports no backend gas, so host-side gas is exactly the
   * VM's own (the V8 host shim charges the same). Iterators are not needed by these calls.
   */
  public static final class MapStorage implements Storage {
    private final TreeMap<Bytes, Bytes> data = new TreeMap<>();

    public Map<Bytes, Bytes> entries() {
      return data;
    }

    @Override
    public BackendResult<Optional<Bytes>> get(Bytes key) {
      return BackendResult.ok(Optional.ofNullable(data.get(key)), GasInfo.FREE);
    }

    @Override
    public BackendResult<Integer> scan(Bytes start, Bytes end, Order order) {
      throw new UnsupportedOperationException("iterators are not part of the benchmarks");
    }

    @Override
    public BackendResult<Optional<KvRecord>> next(int iteratorId) {
      throw new UnsupportedOperationException("iterators are not part of the benchmarks");
    }

    @Override
    public BackendResult<Void> set(Bytes key, Bytes value) {
      data.put(key, value);
      return BackendResult.ok(null, GasInfo.FREE);
    }

    @Override
    public BackendResult<Void> remove(Bytes key) {
      data.remove(key);
      return BackendResult.ok(null, GasInfo.FREE);
    }
  }

  // ---- encoding helpers ---------------------------------------------------------------------

  static String base64(byte[] b) {
    return Bytes.wrapOwned(b).toBase64();
  }

  /** protobuf {@code google.protobuf.Any{type_url = 1, value = 2}}. */
  static byte[] any(String typeUrl, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, 1, typeUrl.getBytes(StandardCharsets.UTF_8));
    field(out, 2, value);
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, int number, byte[] data) {
    out.write(number << 3 | 2);
    for (long v = data.length; ; v >>>= 7) {
      if (v < 0x80) {
        out.write((int) v);
        break;
      }
      out.write((int) (v & 0x7f) | 0x80);
    }
    out.writeBytes(data);
  }
}
