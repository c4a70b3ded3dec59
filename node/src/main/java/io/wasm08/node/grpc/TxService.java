package io.wasm08.node.grpc;

import com.google.protobuf.ByteString;
import cosmos.base.abci.v1beta1.Abci.GasInfo;
import cosmos.base.abci.v1beta1.Abci.Result;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.tx.v1beta1.ServiceGrpc;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastMode;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxResponse;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxResponse;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateResponse;
import cosmos.tx.v1beta1.ServiceOuterClass.TxDecodeRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.TxDecodeResponse;
import cosmos.tx.v1beta1.ServiceOuterClass.TxEncodeRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.TxEncodeResponse;
import cosmos.tx.v1beta1.TxOuterClass.Tx;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.TxResponses;
import io.wasm08.node.tx.TxResult;
import io.wasm08.node.tx.TxRunner;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * {@code cosmos.tx.v1beta1.Service} as SDK v0.50's {@code x/auth/tx/service.go} answers:
 * BroadcastTx (SYNC returns after CheckTx with the result inside the {@code TxResponse}; ASYNC
 * returns the hash at once; BLOCK is gone since v0.47), Simulate (errors are gRPC errors carrying
 * the gas so far), GetTx ({@code NotFound} for an unknown hash), TxDecode and TxEncode.
 */
public final class TxService extends ServiceGrpc.ServiceImplBase {
  private final Node node;

  public TxService(Node node) {
    this.node = node;
  }

  @Override
  public void broadcastTx(BroadcastTxRequest req, StreamObserver<BroadcastTxResponse> out) {
    if (req.getTxBytes().isEmpty()) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("invalid empty tx").asRuntimeException());
      return;
    }
    Bytes tx = Bytes.of(req.getTxBytes().toByteArray());
    TxResponse response;
    switch (req.getMode()) {
      case BROADCAST_MODE_SYNC -> response = node.broadcastSync(tx);
      case BROADCAST_MODE_ASYNC -> {
        CompletableFuture.runAsync(() -> node.broadcastSync(tx));
        response = TxResponse.newBuilder().setTxhash(io.wasm08.core.tx.TxHash.of(tx)).build();
      }
      default -> {
        String mode = req.getMode() == BroadcastMode.BROADCAST_MODE_BLOCK ? "block" : "";
        out.onError(
            Status.INVALID_ARGUMENT
                .withDescription(
                    "unsupported return type " + mode + "; supported types: sync, async")
                .asRuntimeException());
        return;
      }
    }
    out.onNext(BroadcastTxResponse.newBuilder().setTxResponse(response).build());
    out.onCompleted();
  }

  @Override
  public void simulate(SimulateRequest req, StreamObserver<SimulateResponse> out) {
    ByteString bytes = req.getTxBytes();
    if (bytes.isEmpty() && req.hasTx()) {
      Tx tx = req.getTx();
      bytes =
          TxRaw.newBuilder()
              .setBodyBytes(tx.getBody().toByteString())
              .setAuthInfoBytes(tx.getAuthInfo().toByteString())
              .addAllSignatures(tx.getSignaturesList())
              .build()
              .toByteString();
    }
    if (bytes.isEmpty()) {
      out.onError(
          Status.INVALID_ARGUMENT
              .withDescription("empty txBytes is not allowed")
              .asRuntimeException());
      return;
    }
    TxRunner.Outcome outcome;
    try {
      outcome = node.app().simulate(Bytes.of(bytes.toByteArray()));
    } catch (Wasm08Exception e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    TxResult r = outcome.result();
    if (!r.isOk()) {
      out.onError(
          Status.UNKNOWN
              .withDescription(
                  r.log()
                      + " With gas wanted: '"
                      + Long.toUnsignedString(r.gasWanted())
                      + "' and gas used: '"
                      + r.gasUsed()
                      + "' ")
              .asRuntimeException());
      return;
    }
    out.onNext(
        SimulateResponse.newBuilder()
            .setGasInfo(GasInfo.newBuilder().setGasWanted(r.gasWanted()).setGasUsed(r.gasUsed()))
            .setResult(
                Result.newBuilder()
                    .setData(ByteString.copyFrom(r.data().toByteArray()))
                    .addAllEvents(TxResponses.abciEvents(r.events()))
                    .addAllMsgResponses(r.msgResponses()))
            .build());
    out.onCompleted();
  }

  @Override
  public void getTx(GetTxRequest req, StreamObserver<GetTxResponse> out) {
    if (req.getHash().isEmpty()) {
      out.onError(
          Status.INVALID_ARGUMENT.withDescription("tx hash cannot be empty").asRuntimeException());
      return;
    }
    Bytes hash;
    try {
      hash = Bytes.wrapOwned(HexFormat.of().parseHex(req.getHash()));
    } catch (IllegalArgumentException e) {
      out.onError(
          Status.INVALID_ARGUMENT
              .withDescription("invalid tx hash: " + req.getHash())
              .asRuntimeException());
      return;
    }
    var found = node.blockStore().tx(hash);
    if (found.isEmpty()) {
      out.onError(
          Status.NOT_FOUND.withDescription("tx not found: " + req.getHash()).asRuntimeException());
      return;
    }
    GetTxResponse.Builder b = GetTxResponse.newBuilder().setTxResponse(found.get());
    if (found.get().hasTx()) {
      try {
        b.setTx(found.get().getTx().unpack(Tx.class));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        out.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
        return;
      }
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void txDecode(TxDecodeRequest req, StreamObserver<TxDecodeResponse> out) {
    if (req.getTxBytes().isEmpty()) {
      out.onError(
          Status.INVALID_ARGUMENT.withDescription("invalid empty tx bytes").asRuntimeException());
      return;
    }
    try {
      out.onNext(
          TxDecodeResponse.newBuilder()
              .setTx(node.app().decode(Bytes.of(req.getTxBytes().toByteArray())).tx())
              .build());
      out.onCompleted();
    } catch (Wasm08Exception e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void txEncode(TxEncodeRequest req, StreamObserver<TxEncodeResponse> out) {
    if (!req.hasTx()) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("invalid empty tx").asRuntimeException());
      return;
    }
    Tx tx = req.getTx();
    TxRaw raw =
        TxRaw.newBuilder()
            .setBodyBytes(tx.getBody().toByteString())
            .setAuthInfoBytes(tx.getAuthInfo().toByteString())
            .addAllSignatures(tx.getSignaturesList())
            .build();
    out.onNext(TxEncodeResponse.newBuilder().setTxBytes(raw.toByteString()).build());
    out.onCompleted();
  }
}
