package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.CODE_CHECKSUM_HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.Contract;
import ibc.lightclients.wasm.v1.GenesisState;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryChecksumsResponse;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.store.KvIterator;
import io.wasm08.wasm.testing.FakeWasmEngine;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.testing.WasmTestValues;
import io.wasm08.wasm.types.WasmGzip;
import io.wasm08.wasm.vm.Checksum;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ibc-go's {@code keeper/genesis_test.go} (TestInitGenesis, TestExportGenesis), {@code
 * grpc_query_test.go} (TestQueryCode, TestQueryChecksums) and {@code snapshotter_test.go}
 * (TestSnapshotter: single contract, raw + gzipped contracts; restored into a fresh engine whose
 * Code query returns code hashing to the stored checksums).
 */
class WasmGenesisQueryAndSnapshotTest {
  static WasmTestChain chain(FakeWasmEngine vm) {
    return new WasmTestChain(vm);
  }

  @Test
  void initGenesis() {
    WasmTestChain chain = chain(new FakeWasmEngine());
    chain
        .keeper()
        .initGenesis(
            chain.ctx(),
            GenesisState.newBuilder()
                .addContracts(
                    Contract.newBuilder().setCodeBytes(ByteString.copyFrom(CODE.toByteArray())))
                .build());
    assertThat(chain.keeper().getAllChecksums(chain.ctx()))
        .extracting(Bytes::toHex)
        .containsExactly(CODE_CHECKSUM_HEX);
    WasmTestChain empty = chain(new FakeWasmEngine());
    empty.keeper().initGenesis(empty.ctx(), GenesisState.getDefaultInstance());
    assertThat(empty.keeper().getAllChecksums(empty.ctx())).isEmpty();
  }

  @Test
  void initGenesisStoresUncheckedWithoutGasAndPins() {
    FakeWasmEngine vm = new FakeWasmEngine();
    vm.storeCodeFn =
        (code, gas) -> {
          throw new AssertionError("genesis must store unchecked");
        };
    List<Checksum> pinned = new ArrayList<>();
    vm.pinFn = pinned::add;
    WasmTestChain chain = chain(vm);
    io.wasm08.store.BasicGasMeter meter = new io.wasm08.store.BasicGasMeter(1_000_000);
    chain
        .keeper()
        .initGenesis(
            chain.ctx(meter),
            GenesisState.newBuilder()
                .addContracts(
                    Contract.newBuilder().setCodeBytes(ByteString.copyFrom(CODE.toByteArray())))
                .build());
    assertThat(pinned).extracting(Checksum::hex).containsExactly(CODE_CHECKSUM_HEX);
  }

  @Test
  void exportGenesis() {
    WasmTestChain chain = chain(new FakeWasmEngine());
    assertThat(chain.storeCode(CODE).toHex()).isEqualTo(CODE_CHECKSUM_HEX);
    GenesisState genesis = chain.keeper().exportGenesis(chain.ctx());
    assertThat(genesis.getContractsList()).hasSize(1);
    assertThat(genesis.getContracts(0).getCodeBytes().toByteArray()).isEqualTo(CODE.toByteArray());
  }

  @Test
  void queryCode() {
    WasmTestChain chain = chain(new FakeWasmEngine());
    Bytes checksum = chain.storeCode(CODE);
    var res =
        chain
            .queryServer()
            .code(chain.ctx(), QueryCodeRequest.newBuilder().setChecksum(checksum.toHex()).build());
    assertThat(res.getData().toByteArray()).isEqualTo(CODE.toByteArray());
    // empty request: NotFound ": wasm checksum not found"
    StatusRuntimeException empty =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> chain.queryServer().code(chain.ctx(), QueryCodeRequest.getDefaultInstance()));
    assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(empty.getStatus().getDescription()).isEqualTo(": wasm checksum not found");
    // non-hex: InvalidArgument "invalid checksum"
    StatusRuntimeException invalid =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                chain
                    .queryServer()
                    .code(chain.ctx(), QueryCodeRequest.newBuilder().setChecksum("test").build()));
    assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(invalid.getStatus().getDescription()).isEqualTo("invalid checksum");
    StatusRuntimeException nil =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> chain.queryServer().code(chain.ctx(), null));
    assertThat(nil.getStatus().getDescription()).isEqualTo("empty request");
    // a code the VM holds but 08-wasm never stored is not served
    Bytes other = WasmTestValues.mockContract("stored elsewhere");
    ((FakeWasmEngine) chain.engine()).storeCodeUnchecked(other.toByteArray());
    String otherHex = Checksum.of(other.toByteArray()).hex();
    StatusRuntimeException notOurs =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                chain
                    .queryServer()
                    .code(
                        chain.ctx(), QueryCodeRequest.newBuilder().setChecksum(otherHex).build()));
    assertThat(notOurs.getStatus().getDescription())
        .isEqualTo(otherHex + ": wasm checksum not found");
  }

  @Test
  void queryChecksums() {
    WasmTestChain chain = chain(new FakeWasmEngine());
    assertThat(
            chain
                .queryServer()
                .checksums(chain.ctx(), QueryChecksumsRequest.getDefaultInstance())
                .getChecksumsList())
        .isEmpty();
    chain.storeCode(CODE);
    QueryChecksumsResponse res =
        chain.queryServer().checksums(chain.ctx(), QueryChecksumsRequest.getDefaultInstance());
    assertThat(res.getChecksumsList()).containsExactly(CODE_CHECKSUM_HEX);
    // no limit: the SDK counts the total
    assertThat(res.getPagination().getTotal()).isEqualTo(1);
    // pages of one, continued by next_key (the raw checksum)
    chain.storeCode(WasmTestValues.mockContract("second"));
    QueryChecksumsResponse page =
        chain
            .queryServer()
            .checksums(
                chain.ctx(),
                QueryChecksumsRequest.newBuilder()
                    .setPagination(
                        cosmos.base.query.v1beta1.Pagination.PageRequest.newBuilder().setLimit(1))
                    .build());
    assertThat(page.getChecksumsList()).hasSize(1);
    assertThat(page.getPagination().getNextKey().size()).isEqualTo(32);
  }

  /** TestSnapshotter: both a raw and a gzipped contract survive snapshot → restore. */
  @Test
  void snapshotter() {
    FakeWasmEngine source = new FakeWasmEngine();
    WasmTestChain chain = chain(source);
    Bytes gzipped = WasmGzip.gzip(WasmTestValues.mockContract("gzipped-contract"));
    List<Bytes> checksums = List.of(chain.storeCode(CODE), chain.storeCode(gzipped));
    WasmSnapshotter snapshotter = new WasmSnapshotter(chain.keeper());
    assertThat(snapshotter.snapshotName()).isEqualTo("08-wasm");
    assertThat(snapshotter.snapshotFormat()).isEqualTo(1);
    Deque<Bytes> payloads = new ArrayDeque<>();
    snapshotter.snapshotExtension(chain.ctx(), payloads::add);
    assertThat(payloads).hasSize(2).allMatch(WasmGzip::isGzip);

    // the destination: the state tree arrives through the store snapshot, the code through us
    FakeWasmEngine dest = new FakeWasmEngine();
    WasmTestChain restored = chain(dest);
    assertThat(
            restored
                .queryServer()
                .checksums(restored.ctx(), QueryChecksumsRequest.getDefaultInstance())
                .getChecksumsList())
        .isEmpty();
    try (KvIterator it = chain.wasmStore().iterator(null, null)) {
      for (; it.valid(); it.next()) {
        restored.wasmStore().set(it.key(), it.value());
      }
    }
    List<Checksum> pinned = new ArrayList<>();
    dest.pinFn = pinned::add;
    new WasmSnapshotter(restored.keeper())
        .restoreExtension(1, () -> Optional.ofNullable(payloads.poll()));
    for (Bytes checksum : checksums) {
      Bytes code =
          Bytes.wrapOwned(
              restored
                  .queryServer()
                  .code(
                      restored.ctx(),
                      QueryCodeRequest.newBuilder().setChecksum(checksum.toHex()).build())
                  .getData()
                  .toByteArray());
      assertThat(Checksum.of(code.toByteArray()).bytes()).isEqualTo(checksum);
    }
    assertThat(pinned).extracting(Checksum::bytes).containsExactlyInAnyOrderElementsOf(checksums);
  }

  @Test
  void snapshotRestoreRejectsOtherFormatsAndRawPayloads() {
    WasmTestChain chain = chain(new FakeWasmEngine());
    WasmSnapshotter snapshotter = new WasmSnapshotter(chain.keeper());
    assertThatThrownBy(() -> snapshotter.restoreExtension(2, Optional::empty))
        .hasMessage("expected 1, got 2: unknown snapshot format");
    Deque<Bytes> raw = new ArrayDeque<>(List.of(CODE));
    IbcException e =
        catchThrowableOfType(
            IbcException.class,
            () -> snapshotter.restoreExtension(1, () -> Optional.ofNullable(raw.poll())));
    assertThat(e)
        .hasMessage(
            "failure processing snapshot item: expected wasm code is not gzip format: invalid data");
  }
}
