package io.wasm08.node.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.wasm08.node.chain.Node;
import wasm08.node.v1.NodeGrpc;
import wasm08.node.v1.NodeOuterClass.Block;
import wasm08.node.v1.NodeOuterClass.BlockRequest;
import wasm08.node.v1.NodeOuterClass.BlockResponse;
import wasm08.node.v1.NodeOuterClass.StatusRequest;
import wasm08.node.v1.NodeOuterClass.StatusResponse;

/** {@code wasm08.node.v1.Node}: status and blocks of this node. */
public final class NodeService extends NodeGrpc.NodeImplBase {
  private final Node node;

  public NodeService(Node node) {
    this.node = node;
  }

  @Override
  public void status(StatusRequest req, StreamObserver<StatusResponse> out) {
    StatusResponse.Builder b =
        StatusResponse.newBuilder()
            .setChainId(node.app().chainId())
            .setNodeId(node.nodeId())
            .setVersion(node.version())
            .setMoniker(node.config().moniker())
            .setInitialHeight(node.genesis().initialHeight())
            .setMempoolSize(node.mempool().size());
    node.lastBlock()
        .ifPresent(
            block ->
                b.setLatestBlockHeight(block.getHeader().getHeight())
                    .setLatestBlockTime(block.getHeader().getTime())
                    .setLatestAppHash(block.getHeader().getAppHash()));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void block(BlockRequest req, StreamObserver<BlockResponse> out) {
    long height = req.getHeight() == 0 ? node.app().lastHeight() : req.getHeight();
    if (height < 0) {
      out.onError(
          Status.INVALID_ARGUMENT
              .withDescription("height must not be negative")
              .asRuntimeException());
      return;
    }
    java.util.Optional<Block> block = node.blockStore().block(height);
    if (block.isEmpty()) {
      out.onError(
          Status.NOT_FOUND.withDescription("no block at height " + height).asRuntimeException());
      return;
    }
    out.onNext(BlockResponse.newBuilder().setBlock(block.get()).build());
    out.onCompleted();
  }
}
