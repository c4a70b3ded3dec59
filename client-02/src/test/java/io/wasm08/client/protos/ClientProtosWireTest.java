package io.wasm08.client.protos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.Descriptor;
import cosmos.msg.v1.Msg;
import cosmos.query.v1.Query;
import ibc.core.client.v1.Genesis;
import ibc.core.client.v1.QueryOuterClass;
import ibc.core.client.v1.Tx;
import io.wasm08.core.protos.UpstreamProtos;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ibc.core.client.v1 tx/query/genesis protos against ibc-go's in {@code ../shared/proto},
 * compiled at test time: messages (names, numbers, types, labels, type names), the Msg and Query
 * services (methods, types) and the options read at run time — {@code cosmos.msg.v1.signer} and
 * {@code service}, {@code google.api.http} and {@code cosmos.query.v1.module_query_safe}.
 */
class ClientProtosWireTest {
  private static UpstreamProtos upstream;

  @BeforeAll
  static void compileUpstream() {
    upstream =
        UpstreamProtos.compile(
            UpstreamProtos.registryOf(
                Msg.signer, Msg.service, Query.moduleQuerySafe, AnnotationsProto.http),
            "ibc/core/client/v1/tx.proto",
            "ibc/core/client/v1/query.proto",
            "ibc/core/client/v1/genesis.proto");
  }

  static Stream<Descriptor> messages() {
    return UpstreamProtos.messagesOf(
        Tx.getDescriptor(), QueryOuterClass.getDescriptor(), Genesis.getDescriptor());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageMatchesUpstream(Descriptor message) {
    assertThat(upstream.compareMessage(message)).isEmpty();
  }

  @Test
  void servicesMatchUpstream() {
    assertThat(upstream.compareService(Tx.getDescriptor().findServiceByName("Msg"))).isEmpty();
    assertThat(upstream.compareService(QueryOuterClass.getDescriptor().findServiceByName("Query")))
        .isEmpty();
    // The options compared above are really present (a comparison of two absent values proves
    // nothing).
    assertThat(Tx.MsgRecoverClient.getDescriptor().getOptions().getExtension(Msg.signer))
        .containsExactly("signer");
    var verify =
        QueryOuterClass.getDescriptor()
            .findServiceByName("Query")
            .findMethodByName("VerifyMembership");
    assertThat(verify.getOptions().getExtension(Query.moduleQuerySafe)).isTrue();
    assertThat(verify.getOptions().getExtension(AnnotationsProto.http).getPost())
        .isEqualTo("/ibc/core/client/v1/verify_membership");
    var consensusState =
        QueryOuterClass.getDescriptor()
            .findServiceByName("Query")
            .findMethodByName("ConsensusState");
    assertThat(consensusState.getOptions().getExtension(AnnotationsProto.http).getGet())
        .isEqualTo(
            "/ibc/core/client/v1/consensus_states/{client_id}/revision/{revision_number}/height/{revision_height}");
  }
}
