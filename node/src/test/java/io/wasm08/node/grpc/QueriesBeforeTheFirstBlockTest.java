package io.wasm08.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cosmos.auth.v1beta1.QueryGrpc;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.wasm08.node.chain.Node;
import io.wasm08.node.testing.ProbeModule;
import io.wasm08.node.testing.TestChain;
import org.junit.jupiter.api.Test;

/**
 * A node that serves before committing its first block answers state queries with UNAVAILABLE (a
 * client retries), not UNKNOWN; after the block the same query answers.
 */
class QueriesBeforeTheFirstBlockTest {
  @Test
  void stateQueriesAreUnavailableUntilTheFirstBlock() {
    Node node = TestChain.start(new ProbeModule(), 1);
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
    try {
      var auth = QueryGrpc.newBlockingStub(channel);
      QueryAccountRequest request =
          QueryAccountRequest.newBuilder().setAddress(TestChain.address(0)).build();

      StatusRuntimeException e =
          catchThrowableOfType(StatusRuntimeException.class, () -> auth.account(request));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(e.getStatus().getDescription())
          .isEqualTo("no block has been committed yet: node unavailable");
      node.produceBlock();
      assertThat(auth.account(request).hasAccount()).isTrue();
    } finally {
      channel.shutdownNow();
      node.close();
    }
  }
}
