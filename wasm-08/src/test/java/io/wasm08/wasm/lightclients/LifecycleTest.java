package io.wasm08.wasm.lightclients;

import static io.wasm08.wasm.lightclients.RealContracts.DUMMY;
import static io.wasm08.wasm.lightclients.RealContracts.MIGRATE_ERROR;
import static io.wasm08.wasm.lightclients.RealContracts.MIGRATE_SUCCESS;
import static io.wasm08.wasm.lightclients.RealContracts.gasOf;
import static io.wasm08.wasm.lightclients.RealContracts.gzipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.GenesisState;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.events.Event;
import io.wasm08.store.KvIterator;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's life around its code, on the real engine: MsgMigrateContract to ibc-go's e2e contracts
 * {@code migrate_success} (the client now runs on the new checksum, {@code migrate_contract}
 * emitted) and {@code migrate_error} (contract error "migration not supported", nothing written); a
 * node restart (a new engine over the same data directory, then InitializePinnedCodes) after which
 * the client keeps working; and a genesis export/import round trip carrying the code blobs into a
 * fresh engine.
 */
class LifecycleTest {
  static final Bytes MIGRATE_SUCCESS_CHECKSUM =
      Bytes.fromHex("90ccc91ba7e3987d23ab1b88618b5ef0806acfc7a8457ac6010504920bd826a4");
  static final Bytes MIGRATE_ERROR_CHECKSUM =
      Bytes.fromHex("ca460b9364aed61bd08a6cc96b8d9ade8f75021ce7f749c9616c42ad71199798");

  static String createDummyClient(WasmTestChain chain, Bytes checksum) {
    WasmClientState cs =
        new WasmClientState(Bytes.ofUtf8("client-state-data"), checksum, Height.of(0, 1));
    WasmConsensusState cons = new WasmConsensusState(Bytes.ofUtf8("consensus-state-data"));
    return chain.clientKeeper().createClient(chain.ctx(), "08-wasm", cs.marshal(), cons.marshal());
  }

  static MsgMigrateContract migrate(String clientId, Bytes checksum) {
    return MsgMigrateContract.newBuilder()
        .setSigner(WasmTestChain.AUTHORITY)
        .setClientId(clientId)
        .setChecksum(ByteString.copyFrom(checksum.toByteArray()))
        .setMsg(ByteString.copyFromUtf8("{}"))
        .build();
  }

  record Migration(
      Bytes checksumAfter,
      List<Event> events,
      long gas,
      String errorMessage,
      int errorCode,
      boolean untouched) {}

  @Test
  void migrateContractOnBothEngines() {
    Migration m = RealContracts.onBothEngines(LifecycleTest::migration);
    assertThat(m.checksumAfter()).isEqualTo(MIGRATE_SUCCESS_CHECKSUM);
    assertThat(m.events())
        .containsExactly(
            Event.of(
                "migrate_contract",
                "client_id",
                "08-wasm-0",
                "wasm_checksum",
                DummyLightClientTest.CHECKSUM.toHex(),
                "new_checksum",
                MIGRATE_SUCCESS_CHECKSUM.toHex()),
            Event.of("message", "module", "08-wasm"));
    assertThat(m.errorMessage())
        .startsWith("failed to migrate contract: ")
        .contains("migration not supported");
    assertThat(m.errorCode()).isEqualTo(WasmErrorCode.WASM_CONTRACT_CALL_FAILED.code());
    assertThat(m.untouched()).isTrue();
    System.out.printf("migrate_success gas: %d%n", m.gas());
  }

  static Migration migration(ExecutionMode mode) {
    try (ChicoryWasmEngine engine = RealContracts.newEngine(mode)) {
      WasmTestChain chain = new WasmTestChain(engine);
      Bytes dummy = chain.storeCode(gzipped(DUMMY));
      assertThat(chain.storeCode(gzipped(MIGRATE_SUCCESS))).isEqualTo(MIGRATE_SUCCESS_CHECKSUM);
      assertThat(chain.storeCode(gzipped(MIGRATE_ERROR))).isEqualTo(MIGRATE_ERROR_CHECKSUM);
      String first = createDummyClient(chain, dummy);
      String second = createDummyClient(chain, dummy);

      List<Event>[] events = new List[1];
      long gas =
          gasOf(
              chain,
              ctx -> {
                chain.msgServer().migrateContract(ctx, migrate(first, MIGRATE_SUCCESS_CHECKSUM));
                events[0] = ctx.eventManager().events();
              });
      Bytes after =
          chain.keeper().getClientState(chain.clientStore(first)).orElseThrow().checksum();

      Map<String, Bytes> before = chain.snapshot();
      BlockContext ctx = chain.ctx();
      Wasm08Exception error =
          (Wasm08Exception)
              catchThrowable(
                  () ->
                      chain
                          .msgServer()
                          .migrateContract(ctx, migrate(second, MIGRATE_ERROR_CHECKSUM)));
      boolean untouched = chain.snapshot().equals(before) && ctx.eventManager().events().isEmpty();
      return new Migration(after, events[0], gas, error.getMessage(), error.code(), untouched);
    }
  }

  /**
   * Store and use a client, "restart" — a new engine instance over the same data directory, the
   * same committed stores — pin everything at start-up, and keep using the client.
   */
  @Test
  void restartKeepsClientsWorking(@TempDir Path dataDir) {
    WasmTestChain before;
    String clientId;
    try (ChicoryWasmEngine engine =
        ChicoryWasmEngine.builder()
            .executionMode(ExecutionMode.COMPILER)
            .baseDir(dataDir)
            .build()) {
      before = new WasmTestChain(engine);
      Bytes checksum = before.storeCode(gzipped(DUMMY));
      clientId = createDummyClient(before, checksum);
      before
          .clientKeeper()
          .updateClient(before.ctx(), clientId, new WasmClientMessage(Bytes.ofUtf8("h1")));
    }
    assertThat(
            dataDir
                .resolve("state")
                .resolve("wasm")
                .resolve(DummyLightClientTest.CHECKSUM.toHex() + ".wasm"))
        .exists();
    try (ChicoryWasmEngine restarted =
        ChicoryWasmEngine.builder()
            .executionMode(ExecutionMode.COMPILER)
            .baseDir(dataDir)
            .build()) {
      WasmTestChain after =
          new WasmTestChain(
              restarted,
              WasmConfig.defaults(),
              QueryRouter.EMPTY,
              before.ibcStore(),
              before.wasmStore());
      after.keeper().initializePinnedCodes(after.ctx());
      assertThat(restarted.metrics().elementsPinnedMemoryCache()).isEqualTo(1);
      assertThat(after.module().status(after.ctx(), clientId).toString()).isEqualTo("Active");
      after
          .clientKeeper()
          .updateClient(after.ctx(), clientId, new WasmClientMessage(Bytes.ofUtf8("h2")));
      // new clients too
      assertThat(createDummyClient(after, DummyLightClientTest.CHECKSUM)).isEqualTo("08-wasm-1");
    }
  }

  /** ExportGenesis carries the code blobs; InitGenesis on a fresh engine brings clients back. */
  @Test
  void genesisRoundTripWithCodeBlobs() {
    GenesisState exported;
    WasmTestChain source;
    String clientId;
    try (ChicoryWasmEngine engine = RealContracts.newEngine(ExecutionMode.COMPILER)) {
      source = new WasmTestChain(engine);
      Bytes checksum = source.storeCode(gzipped(DUMMY));
      source.storeCode(gzipped(MIGRATE_SUCCESS));
      clientId = createDummyClient(source, checksum);
      exported = source.keeper().exportGenesis(source.ctx());
    }
    assertThat(exported.getContractsList()).hasSize(2);
    // uncompressed code, in checksum order
    assertThat(exported.getContracts(0).getCodeBytes().toByteArray())
        .isEqualTo(RealContracts.wasm(DUMMY).toByteArray());
    try (ChicoryWasmEngine fresh = RealContracts.newEngine(ExecutionMode.COMPILER)) {
      WasmTestChain imported = new WasmTestChain(fresh);
      // the IBC state arrives through 02-client's genesis (copied here), the code through 08-wasm's
      try (KvIterator it = source.ibcStore().iterator(null, null)) {
        for (; it.valid(); it.next()) {
          imported.ibcStore().set(it.key(), it.value());
        }
      }
      imported.keeper().initGenesis(imported.ctx(), exported);
      assertThat(imported.keeper().getAllChecksums(imported.ctx()))
          .containsExactly(DummyLightClientTest.CHECKSUM, MIGRATE_SUCCESS_CHECKSUM);
      assertThat(
              imported
                  .queryServer()
                  .code(
                      imported.ctx(),
                      QueryCodeRequest.newBuilder()
                          .setChecksum(DummyLightClientTest.CHECKSUM.toHex())
                          .build())
                  .getData()
                  .toByteArray())
          .isEqualTo(RealContracts.wasm(DUMMY).toByteArray());
      assertThat(imported.module().status(imported.ctx(), clientId).toString()).isEqualTo("Active");
      assertThat(imported.keeper().exportGenesis(imported.ctx())).isEqualTo(exported);
    }
  }
}
