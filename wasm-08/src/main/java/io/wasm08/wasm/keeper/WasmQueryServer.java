package io.wasm08.wasm.keeper;

import com.google.protobuf.ByteString;
import cosmos.base.query.v1beta1.Pagination.PageResponse;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryChecksumsResponse;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import ibc.lightclients.wasm.v1.QueryCodeResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.query.Pagination;
import io.wasm08.store.PrefixStore;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.VmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ibc.lightclients.wasm.v1.Query} service ({@code keeper/grpc_query.go}) on an explicit
 * context: {@code Checksums} pages through the allow-list (lowercase hex), {@code Code} returns the
 * raw code of a stored checksum. Errors are gRPC statuses with ibc-go's codes and messages.
 */
public final class WasmQueryServer {
  private final WasmKeeper keeper;

  public WasmQueryServer(WasmKeeper keeper) {
    this.keeper = Objects.requireNonNull(keeper, "keeper");
  }

  /** {@code Code}: nil → InvalidArgument "empty request"; bad hex → "invalid checksum". */
  public QueryCodeResponse code(BlockContext ctx, QueryCodeRequest req) {
    if (req == null) {
      throw Status.INVALID_ARGUMENT.withDescription("empty request").asRuntimeException();
    }
    Bytes checksum;
    try {
      checksum = Bytes.wrapOwned(HexFormat.of().parseHex(req.getChecksum()));
    } catch (IllegalArgumentException e) {
      throw Status.INVALID_ARGUMENT.withDescription("invalid checksum").asRuntimeException();
    }
    // Only codes stored through 08-wasm are served, not whatever else the VM holds.
    if (!keeper.hasChecksum(ctx, checksum)) {
      throw notFound(req.getChecksum());
    }
    Bytes code;
    try {
      code = keeper.vm().getCode(new Checksum(checksum));
    } catch (VmException | IllegalArgumentException e) {
      throw notFound(req.getChecksum());
    }
    return QueryCodeResponse.newBuilder().setData(ByteString.copyFrom(code.toByteArray())).build();
  }

  private static StatusRuntimeException notFound(String checksum) {
    return Status.NOT_FOUND
        .withDescription(WasmErrorCode.WASM_CHECKSUM_NOT_FOUND.wrap(checksum).getMessage())
        .asRuntimeException();
  }

  /** {@code Checksums}: {@code CollectionPaginate} over the KeySet, each key as hex. */
  public QueryChecksumsResponse checksums(BlockContext ctx, QueryChecksumsRequest req) {
    List<String> checksums = new ArrayList<>();
    PageResponse page =
        Pagination.paginate(
            new PrefixStore(ctx.kvStore(WasmTypes.STORE_KEY), WasmKeeper.CHECKSUMS_PREFIX),
            req != null && req.hasPagination() ? req.getPagination() : null,
            (key, value) -> checksums.add(key.toHex()));
    return QueryChecksumsResponse.newBuilder()
        .addAllChecksums(checksums)
        .setPagination(page)
        .build();
  }
}
