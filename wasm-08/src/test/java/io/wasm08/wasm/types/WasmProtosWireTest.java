package io.wasm08.wasm.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import cosmos.msg.v1.Msg;
import ibc.lightclients.wasm.v1.GenesisProto;
import ibc.lightclients.wasm.v1.QueryProto;
import ibc.lightclients.wasm.v1.TxProto;
import ibc.lightclients.wasm.v1.WasmProto;
import io.wasm08.core.protos.UpstreamProtos;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our {@code ibc.lightclients.wasm.v1} protos against ibc-go's (compiled from {@code
 * ../shared/proto} at test time): every message and both services match in names, numbers, types
 * and the options Cosmos reads at run time ({@code cosmos.msg.v1.signer/service}, {@code
 * google.api.http}).
 */
class WasmProtosWireTest {
  private static UpstreamProtos upstream;

  @BeforeAll
  static void compileUpstream() {
    upstream =
        UpstreamProtos.compile(
            UpstreamProtos.registryOf(Msg.signer, Msg.service, AnnotationsProto.http),
            "ibc/lightclients/wasm/v1/wasm.proto",
            "ibc/lightclients/wasm/v1/tx.proto",
            "ibc/lightclients/wasm/v1/query.proto",
            "ibc/lightclients/wasm/v1/genesis.proto");
  }

  static Stream<Descriptor> messages() {
    List<Descriptor> all = new ArrayList<>();
    for (FileDescriptor file :
        List.of(
            WasmProto.getDescriptor(),
            TxProto.getDescriptor(),
            QueryProto.getDescriptor(),
            GenesisProto.getDescriptor())) {
      all.addAll(file.getMessageTypes());
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageMatchesUpstream(Descriptor message) {
    assertThat(upstream.compareMessage(message)).isEmpty();
  }

  @Test
  void everyUpstreamMessageIsOurs() {
    assertThat(messages().map(Descriptor::getFullName))
        .containsExactlyInAnyOrder(
            "ibc.lightclients.wasm.v1.ClientState",
            "ibc.lightclients.wasm.v1.ConsensusState",
            "ibc.lightclients.wasm.v1.ClientMessage",
            "ibc.lightclients.wasm.v1.MsgStoreCode",
            "ibc.lightclients.wasm.v1.MsgStoreCodeResponse",
            "ibc.lightclients.wasm.v1.MsgRemoveChecksum",
            "ibc.lightclients.wasm.v1.MsgRemoveChecksumResponse",
            "ibc.lightclients.wasm.v1.MsgMigrateContract",
            "ibc.lightclients.wasm.v1.MsgMigrateContractResponse",
            "ibc.lightclients.wasm.v1.QueryChecksumsRequest",
            "ibc.lightclients.wasm.v1.QueryChecksumsResponse",
            "ibc.lightclients.wasm.v1.QueryCodeRequest",
            "ibc.lightclients.wasm.v1.QueryCodeResponse",
            "ibc.lightclients.wasm.v1.GenesisState",
            "ibc.lightclients.wasm.v1.Contract");
  }

  @Test
  void servicesMatchUpstream() {
    assertThat(upstream.compareService(TxProto.getDescriptor().findServiceByName("Msg"))).isEmpty();
    assertThat(upstream.compareService(QueryProto.getDescriptor().findServiceByName("Query")))
        .isEmpty();
  }

  @Test
  void restRoutesAndSignersAreUpstreams() {
    HttpRule code =
        QueryProto.getDescriptor()
            .findServiceByName("Query")
            .findMethodByName("Code")
            .getOptions()
            .getExtension(AnnotationsProto.http);
    assertThat(code.getGet()).isEqualTo("/ibc/lightclients/wasm/v1/checksums/{checksum}/code");
    assertThat(
            TxProto.getDescriptor()
                .findMessageTypeByName("MsgMigrateContract")
                .getOptions()
                .getExtension(Msg.signer))
        .containsExactly("signer");
    assertThat(
            TxProto.getDescriptor().findServiceByName("Msg").getOptions().getExtension(Msg.service))
        .isTrue();
  }
}
