package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.common.Bytes;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Instantiate + status of real 08-wasm light-client contracts through the engine API, with the
 * 08-wasm instantiate JSON built by hand (08-wasm-host.md §4) — the full ICS-08 flow comes later.
 */
class LightClientsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** {@code {"status":"Active"}} base64'd in a query result (08-wasm-host.md §4.5). */
  static final String ACTIVE = "{\"ok\":\"eyJzdGF0dXMiOiJBY3RpdmUifQ==\"}";

  record Run(String instantiate, Set<String> keysWritten, String status, GasReport statusGas) {}

  static Run instantiateAndStatus(byte[] wasm, Bytes instantiateMsg, Bytes env) {
    return DualEngine.same(
        mode -> {
          try (ChicoryWasmEngine engine =
              ChicoryWasmEngine.builder().executionMode(mode).crypto(new FakeCrypto()).build()) {
            Checksum checksum = engine.storeCode(wasm, Long.MAX_VALUE).checksum();
            MockStorage store = new MockStorage();
            // 08-wasm: MessageInfo{sender:"", funds:[]} on instantiate
            CallResult init =
                engine.instantiate(
                    checksum,
                    env,
                    Bytes.ofUtf8("{\"sender\":\"\",\"funds\":[]}"),
                    instantiateMsg,
                    context(store));
            CallResult status =
                engine.query(checksum, env, Bytes.ofUtf8("{\"status\":{}}"), context(store));
            return new Run(
                init.data().toUtf8(),
                store.entries().keySet().stream()
                    .map(Bytes::toUtf8)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                status.data().toUtf8(),
                status.gasReport());
          }
        });
  }

  static CallContext context(MockStorage store) {
    return new CallContext(store, new MockApi(), new MockQuerier(), 100_000_000_000_000L);
  }

  /** The env 08-wasm builds (getEnv): no transaction, the client id as contract address. */
  static Bytes env(long height, String timeNanos) {
    return Bytes.ofUtf8(
        "{\"block\":{\"height\":"
            + height
            + ",\"time\":\""
            + timeNanos
            + "\",\"chain_id\":\"testchain-1\"},\"transaction\":null,\"contract\":{\"address\":\"08-wasm-0\"}}");
  }

  static Bytes instantiateMsg(byte[] clientState, byte[] consensusState, Checksum checksum) {
    return Bytes.ofUtf8(
        "{\"client_state\":\""
            + Bytes.of(clientState).toBase64()
            + "\",\"consensus_state\":\""
            + Bytes.of(consensusState).toBase64()
            + "\",\"checksum\":\""
            + checksum.bytes().toBase64()
            + "\"}");
  }

  @Test
  void dummyLightClientIsActive() {
    byte[] wasm =
        SharedFixtures.get()
            .contents("fixtures/light-clients/eureka/cw_dummy_light_client.wasm.gz");
    Checksum checksum = Checksum.of(wasm);
    assertThat(checksum.hex())
        .isEqualTo("3b8e524cf9db2cb6abe03b45c03c74744eadb97416e574ca3c7a5b8daba0ba7e");
    Run run =
        instantiateAndStatus(
            wasm,
            instantiateMsg(
                "client-state-data".getBytes(StandardCharsets.UTF_8),
                "consensus-state-data".getBytes(StandardCharsets.UTF_8),
                checksum),
            env(12, "1700000000000000000"));
    assertThat(run.instantiate()).startsWith("{\"ok\":");
    assertThat(run.keysWritten()).contains("clientState");
    assertThat(run.status()).isEqualTo(ACTIVE);
  }

  @Test
  void dummyLightClientPanicsAreVmFaults() {
    byte[] wasm =
        SharedFixtures.get()
            .contents("fixtures/light-clients/eureka/cw_dummy_light_client.wasm.gz");
    String error =
        DualEngine.same(
            mode -> {
              try (ChicoryWasmEngine engine =
                  ChicoryWasmEngine.builder()
                      .executionMode(mode)
                      .crypto(new FakeCrypto())
                      .build()) {
                Checksum checksum = engine.storeCode(wasm, Long.MAX_VALUE).checksum();
                // update_state_on_misbehaviour is unimplemented!() in the dummy: a panic → abort
                engine.sudo(
                    checksum,
                    env(12, "1700000000000000000"),
                    Bytes.ofUtf8(
                        "{\"update_state_on_misbehaviour\":{\"client_message\":\"aGVhZGVyLWJ5dGVz\"}}"),
                    context(new MockStorage()));
                return "no error";
              } catch (VmCallException e) {
                return e.getMessage();
              }
            });
    assertThat(error)
        .startsWith(
            "Error executing Wasm: Wasmer runtime error: RuntimeError: Aborted: panicked at")
        .contains("not implemented");
  }

  @Test
  void ics07TendermintWithARealClientStateIsActive() throws IOException {
    SharedFixtures fixtures = SharedFixtures.get();
    byte[] wasm = fixtures.contents("fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz");
    Checksum checksum = Checksum.of(wasm);
    assertThat(checksum.hex())
        .isEqualTo("ddc292a095aa9b8625d5d7ebdd3a9c2301bda10a489385d560ecd3f7846fbb39");
    JsonNode fixture =
        JSON.readTree(
            fixtures.bytes(
                "fixtures/light-clients/eureka/tendermint-lc-fixtures/update_client_happy_path.json"));
    byte[] clientState = Bytes.fromHex(fixture.get("client_state_hex").asText()).toByteArray();
    byte[] consensusState =
        Bytes.fromHex(fixture.get("consensus_state_hex").asText()).toByteArray();
    // The Composable build expects protobuf Anys of its inner types (light-clients-and-rpc.md §1).
    byte[] clientAny = any("/ibc.lightclients.tendermint.v1.ClientState", clientState);
    byte[] consensusAny = any("/ibc.lightclients.tendermint.v1.ConsensusState", consensusState);
    // now = trusted consensus timestamp (1757928743 s + 781007263 ns) + 1 h, inside the period
    Run run =
        instantiateAndStatus(
            wasm,
            instantiateMsg(clientAny, consensusAny, checksum),
            env(38, "1757932343781007263"));
    assertThat(run.instantiate()).startsWith("{\"ok\":");
    assertThat(run.keysWritten()).contains("clientState");
    // The G3 build answers {"is_valid":true,"status":"Active"}; 08-wasm reads only "status".
    assertThat(statusField(run.status())).isEqualTo("Active");
  }

  static String statusField(String queryResult) throws IOException {
    JsonNode result = JSON.readTree(queryResult);
    byte[] answer = Bytes.fromBase64(result.get("ok").asText()).toByteArray();
    return JSON.readTree(answer).get("status").asText();
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
