package io.wasm08.wasm.lightclients;

import static io.wasm08.wasm.lightclients.RealContracts.DUMMY;
import static io.wasm08.wasm.lightclients.RealContracts.gasOf;
import static io.wasm08.wasm.lightclients.RealContracts.gzipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.events.Event;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.OutOfGasException;
import io.wasm08.wasm.keeper.Panics;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The eureka dummy light client (G5, accepts everything) through the whole stack — MsgStoreCode of
 * the gzip fixture, CreateClient, status, UpdateClient, (non-)membership, timestamp — on the real
 * engine in both execution modes with identical results and gas; its unimplemented entry points
 * (update_state_on_misbehaviour, migrate_client_store) and an out-of-gas update abort without
 * writing anything (light-clients-and-rpc.md §1.3).
 */
class DummyLightClientTest {
  static final Bytes CHECKSUM =
      Bytes.fromHex("3b8e524cf9db2cb6abe03b45c03c74744eadb97416e574ca3c7a5b8daba0ba7e");

  record Observed(
      String checksum,
      long storeCodeGas,
      String clientId,
      long createGas,
      Height latestHeight,
      String status,
      long statusGas,
      List<Event> updateEvents,
      long updateGas,
      long membershipGas,
      long nonMembershipGas,
      long timestamp,
      String misbehaviourAbort,
      String recoverError,
      boolean outOfGasWroteNothing) {}

  @Test
  void endToEndOnBothEngines() {
    Observed o = RealContracts.onBothEngines(DummyLightClientTest::scenario);
    assertThat(o.checksum()).isEqualTo(CHECKSUM.toHex());
    assertThat(o.clientId()).isEqualTo("08-wasm-0");
    assertThat(o.latestHeight()).isEqualTo(Height.of(0, 1));
    assertThat(o.status()).isEqualTo("Active");
    // update_state answers {"heights":[]}: update_client with empty heights
    assertThat(o.updateEvents())
        .contains(
            Event.of(
                "update_client",
                "client_id",
                "08-wasm-0",
                "client_type",
                "08-wasm",
                "consensus_height",
                "",
                "consensus_heights",
                ""));
    // the dummy answers env.block.time
    assertThat(o.timestamp()).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(o.misbehaviourAbort())
        .startsWith(
            "recovered: Error calling the VM: Error executing Wasm: Wasmer runtime error:"
                + " RuntimeError: Aborted: panicked at")
        .contains("not implemented")
        .endsWith(": wasm VM error: panic");
    assertThat(o.recoverError()).contains("not implemented").endsWith(": wasm VM error");
    assertThat(o.outOfGasWroteNothing()).isTrue();
    // StoreCode: 0.15 gas per gzip byte + wasmvm's 3 SDK gas per uncompressed byte + the KeySet
    // write
    assertThat(o.storeCodeGas()).isGreaterThanOrEqualTo(76_870L * 15 / 100 + 3L * 207_711);
    System.out.printf(
        "dummy LC gas: store %d, create %d, status %d, update %d, membership %d, non-membership %d%n",
        o.storeCodeGas(),
        o.createGas(),
        o.statusGas(),
        o.updateGas(),
        o.membershipGas(),
        o.nonMembershipGas());
  }

  static Observed scenario(ExecutionMode mode) {
    try (ChicoryWasmEngine engine = RealContracts.newEngine(mode)) {
      WasmTestChain chain = new WasmTestChain(engine);
      chain.blockTime = java.time.Instant.ofEpochSecond(1_700_000_000L);
      Bytes[] checksum = new Bytes[1];
      long storeGas =
          gasOf(
              chain,
              ctx ->
                  checksum[0] =
                      Bytes.wrapOwned(
                          chain
                              .msgServer()
                              .storeCode(
                                  ctx,
                                  ibc.lightclients.wasm.v1.MsgStoreCode.newBuilder()
                                      .setSigner(WasmTestChain.AUTHORITY)
                                      .setWasmByteCode(
                                          com.google.protobuf.ByteString.copyFrom(
                                              gzipped(DUMMY).toByteArray()))
                                      .build())
                              .getChecksum()
                              .toByteArray()));
      WasmClientState cs =
          new WasmClientState(Bytes.ofUtf8("client-state-data"), checksum[0], Height.of(0, 1));
      WasmConsensusState cons = new WasmConsensusState(Bytes.ofUtf8("consensus-state-data"));
      String[] id = new String[1];
      long createGas =
          gasOf(
              chain,
              ctx ->
                  id[0] =
                      chain
                          .clientKeeper()
                          .createClient(ctx, "08-wasm", cs.marshal(), cons.marshal()));
      String clientId = id[0];
      String[] status = new String[1];
      long statusGas =
          gasOf(chain, ctx -> status[0] = chain.module().status(ctx, clientId).toString());
      WasmClientMessage header = new WasmClientMessage(Bytes.ofUtf8("header-bytes"));
      List<Event>[] events = new List[1];
      long updateGas =
          gasOf(
              chain,
              ctx -> {
                chain.clientKeeper().updateClient(ctx, clientId, header);
                events[0] = ctx.eventManager().events();
              });
      MerklePath path = MerklePath.ofUtf8("ibc", "connections/connection-0");
      long membershipGas =
          gasOf(
              chain,
              ctx ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          ctx,
                          clientId,
                          Height.of(0, 1),
                          0,
                          0,
                          Bytes.ofUtf8("valid proof"),
                          path,
                          Bytes.ofUtf8("value")));
      long nonMembershipGas =
          gasOf(
              chain,
              ctx ->
                  chain
                      .clientKeeper()
                      .verifyNonMembership(
                          ctx, clientId, Height.of(0, 1), 0, 0, Bytes.ofUtf8("valid proof"), path));
      long timestamp = chain.module().timestampAtHeight(chain.ctx(), clientId, Height.of(0, 1));

      // unimplemented!() entry points: the VM fault aborts (a panic for the update path)
      Map<String, Bytes> before = chain.snapshot();
      Throwable abort =
          catchThrowable(
              () ->
                  chain
                      .ctx()
                      .atomically(
                          c -> {
                            chain.module().updateStateOnMisbehaviour(c, clientId, header);
                            return null;
                          }));
      assertThat(Panics.isPanic(abort)).isTrue();
      assertThat(chain.snapshot()).isEqualTo(before);
      String second =
          chain.clientKeeper().createClient(chain.ctx(), "08-wasm", cs.marshal(), cons.marshal());
      Map<String, Bytes> beforeRecover = chain.snapshot();
      Wasm08Exception recover =
          (Wasm08Exception)
              catchThrowable(
                  () ->
                      chain
                          .module()
                          .recoverClient(chain.ctx().atomically(c -> c), clientId, second));
      assertThat(recover.errorCode()).isEqualTo(WasmErrorCode.VM_ERROR);
      assertThat(chain.snapshot()).isEqualTo(beforeRecover);

      // an update that runs out of gas half-way aborts and writes nothing
      Map<String, Bytes> beforeOog = chain.snapshot();
      Throwable oog =
          catchThrowable(
              () ->
                  chain
                      .clientKeeper()
                      .updateClient(chain.ctx(new BasicGasMeter(updateGas / 2)), clientId, header));
      assertThat(oog).isInstanceOf(OutOfGasException.class);
      boolean untouched = chain.snapshot().equals(beforeOog);

      WasmClientState stored =
          chain.keeper().getClientState(chain.clientStore(clientId)).orElseThrow();
      return new Observed(
          checksum[0].toHex(),
          storeGas,
          clientId,
          createGas,
          stored.latestHeight(),
          status[0],
          statusGas,
          events[0],
          updateGas,
          membershipGas,
          nonMembershipGas,
          timestamp,
          abort.getMessage(),
          recover.getMessage(),
          untouched);
    }
  }
}
