package io.wasm08.relayer.quorum;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.relayer.v1.Block;
import io.wasm08.relayer.v1.ExecuteRequest;
import io.wasm08.relayer.v1.ExecuteResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Conversions between the quorum records and the {@code wasm08.relayer.v1} messages. */
final class ExecutorProtos {
  private ExecutorProtos() {}

  static ExecuteRequest toProto(UpdateRequest r, Bytes code) {
    ExecuteRequest.Builder b =
        ExecuteRequest.newBuilder()
            .setClientId(r.clientId())
            .addAllClientMessages(r.clientMessages().stream().map(ExecutorProtos::bs).toList())
            .setChecksum(bs(r.checksum()))
            .setBlock(
                Block.newBuilder()
                    .setHeight(r.block().height())
                    .setTime(
                        Timestamp.newBuilder()
                            .setSeconds(r.block().time().getEpochSecond())
                            .setNanos(r.block().time().getNano()))
                    .setChainId(r.block().chainId()))
            .setWasmByteCode(bs(code));
    for (KvPair kv : r.clientStore()) {
      b.addClientStore(
          io.wasm08.relayer.v1.KvPair.newBuilder().setKey(bs(kv.key())).setValue(bs(kv.value())));
    }
    return b.build();
  }

  static UpdateRequest fromProto(ExecuteRequest p) {
    if (!p.hasBlock() || !p.getBlock().hasTime()) {
      throw new IllegalArgumentException("request has no block");
    }
    List<KvPair> store = new ArrayList<>();
    for (io.wasm08.relayer.v1.KvPair kv : p.getClientStoreList()) {
      store.add(new KvPair(bytes(kv.getKey()), bytes(kv.getValue())));
    }
    Block blk = p.getBlock();
    return new UpdateRequest(
        p.getClientId(),
        p.getClientMessagesList().stream().map(ExecutorProtos::bytes).toList(),
        bytes(p.getChecksum()),
        store,
        new BlockInfo(
            blk.getHeight(),
            Instant.ofEpochSecond(blk.getTime().getSeconds(), blk.getTime().getNanos()),
            blk.getChainId()));
  }

  static ExecuteResponse toProto(String executorId, ExecutionResult r) {
    ExecuteResponse.Builder b =
        ExecuteResponse.newBuilder()
            .setExecutorId(executorId)
            .setSuccess(r.success())
            .setResult(bs(r.result()))
            .setGasUsed(r.gasUsed())
            .setDigest(bs(r.digest()));
    for (StoreWrite w : r.writes()) {
      b.addWrites(
          io.wasm08.relayer.v1.StoreWrite.newBuilder()
              .setKey(bs(w.key()))
              .setValue(bs(w.value()))
              .setDelete(w.delete()));
    }
    return b.build();
  }

  static ExecutionResult fromProto(ExecuteResponse p) {
    List<StoreWrite> writes = new ArrayList<>();
    for (io.wasm08.relayer.v1.StoreWrite w : p.getWritesList()) {
      writes.add(new StoreWrite(bytes(w.getKey()), bytes(w.getValue()), w.getDelete()));
    }
    return new ExecutionResult(p.getSuccess(), bytes(p.getResult()), p.getGasUsed(), writes);
  }

  static ByteString bs(Bytes b) {
    return ByteString.copyFrom(b.asReadOnlyByteBuffer());
  }

  static Bytes bytes(ByteString b) {
    return Bytes.wrapOwned(b.toByteArray());
  }
}
