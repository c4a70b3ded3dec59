package io.wasm08.core.protos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import cosmos.base.query.v1beta1.Pagination;
import cosmos.msg.v1.Msg;
import cosmos.query.v1.Query;
import cosmos.upgrade.v1beta1.Upgrade;
import ibc.core.client.v1.Client;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ibc-core protos against the upstream reference protos in {@code ../shared/proto}: every
 * message with an upstream counterpart has the same full name, field names, numbers, types, labels
 * and type names; the Cosmos option extensions have the released numbers.
 */
class IbcCoreProtosWireTest {
  private static UpstreamProtos upstream;

  @BeforeAll
  static void compileUpstream() {
    upstream =
        UpstreamProtos.compile(
            UpstreamProtos.registryOf(Msg.signer, Msg.service, Query.moduleQuerySafe),
            "ibc/core/client/v1/client.proto",
            "cosmos/base/query/v1beta1/pagination.proto",
            "cosmos/upgrade/v1beta1/upgrade.proto",
            "cosmos/msg/v1/msg.proto",
            "cosmos/query/v1/query.proto");
  }

  static Stream<Descriptor> messages() {
    return UpstreamProtos.messagesOf(
        Client.getDescriptor(), Pagination.getDescriptor(), Upgrade.getDescriptor());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageMatchesUpstream(Descriptor message) {
    assertThat(upstream.compareMessage(message)).isEmpty();
  }

  @Test
  void optionExtensionsMatchUpstream() {
    assertThat(upstream.compareExtension(Msg.signer.getDescriptor())).isEmpty();
    assertThat(upstream.compareExtension(Msg.service.getDescriptor())).isEmpty();
    assertThat(upstream.compareExtension(Query.moduleQuerySafe.getDescriptor())).isEmpty();
    // The released option numbers (gov-grpc-tx.md §5.4).
    assertThat(Msg.signer.getDescriptor().getNumber()).isEqualTo(11110000);
    assertThat(Msg.service.getDescriptor().getNumber()).isEqualTo(11110000);
    assertThat(Query.moduleQuerySafe.getDescriptor().getNumber()).isEqualTo(11110001);
  }

  @Test
  void comparisonReportsChangedNumbersTypesAndNames() throws Exception {
    // Our client.proto with Height.revision_height renumbered, retyped and renamed: each must show.
    com.google.protobuf.DescriptorProtos.FileDescriptorProto.Builder file =
        Client.getDescriptor().toProto().toBuilder();
    for (int i = 0; i < file.getMessageTypeCount(); i++) {
      if (file.getMessageType(i).getName().equals("Height")) {
        file.getMessageTypeBuilder(i)
            .getFieldBuilder(1)
            .setNumber(3)
            .setType(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT64)
            .setName("height");
      }
    }
    FileDescriptor changed =
        FileDescriptor.buildFrom(
            file.build(), new FileDescriptor[] {com.google.protobuf.AnyProto.getDescriptor()});
    assertThat(upstream.compareMessage(changed.findMessageTypeByName("Height")))
        .containsExactlyInAnyOrder(
            "ibc.core.client.v1.Height: field height = 3 not upstream",
            "ibc.core.client.v1.Height: upstream field revision_height = 2 missing");
    assertThat(upstream.compareMessage(com.google.protobuf.Duration.getDescriptor()))
        .containsExactly("upstream has no message google.protobuf.Duration");
  }
}
