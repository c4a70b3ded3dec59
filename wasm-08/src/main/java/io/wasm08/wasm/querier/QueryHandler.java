package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.GasOverflowException;
import io.wasm08.store.OutOfGasException;
import io.wasm08.wasm.types.WasmGasRegister;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.Querier;
import java.util.Objects;

/**
 * The querier a contract call gets (ibc-go {@code queryHandler} + wasmvm's {@code RustQuery}): the
 * request is decoded (malformed → {@code InvalidRequest}), then answered by the plugins in a cached
 * sub-context whose writes are discarded and whose own gas meter — limited to the gas the contract
 * has left — is charged to the call's meter afterwards ("contract sub-query"), even when the query
 * fails. Routing follows {@code HandleQuery}: Stargate, then custom, then (when enabled) smart
 * queries of other stored code; anything else is {@code UnsupportedRequest}. Errors reach the
 * contract redacted; running out of gas is a backend out-of-gas for the VM.
 */
public final class QueryHandler implements Querier {
  private final BlockContext ctx;
  private final QueryPlugins plugins;
  private final SmartQuerier smart;
  private final int depth;

  /**
   * {@code smart} is {@code null} when smart queries are disabled; {@code depth} is the nesting of
   * the call this querier serves (0 for a top-level call).
   */
  public QueryHandler(BlockContext ctx, QueryPlugins plugins, SmartQuerier smart, int depth) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.plugins = Objects.requireNonNull(plugins, "plugins");
    this.smart = smart;
    this.depth = depth;
  }

  @Override
  public BackendResult<Bytes> queryRaw(Bytes request, long gasLimit) {
    QueryRequest decoded;
    try {
      decoded = QueryRequest.decode(request);
    } catch (SystemErrorException e) {
      return BackendResult.ok(QuerierResults.systemError(e.systemError()), GasInfo.FREE);
    }
    long before = WasmGasRegister.multipliedGasConsumed(ctx.gasMeter());
    BasicGasMeter subMeter = new BasicGasMeter(WasmGasRegister.fromWasmVmGas(gasLimit));
    Bytes result;
    try {
      try {
        BlockContext sub = ctx.withGasMeter(subMeter).cacheContext().context();
        result = answer(sub, decoded);
      } finally {
        ctx.gasMeter().consumeGas(subMeter.gasConsumed(), "contract sub-query");
      }
    } catch (OutOfGasException | GasOverflowException e) {
      // the SDK's out-of-gas panic: wasmvm reports it without gas, the VM stops the contract
      return BackendResult.err(new BackendError.OutOfGas(), GasInfo.FREE);
    }
    long used = WasmGasRegister.multipliedGasConsumed(ctx.gasMeter()) - before;
    return BackendResult.ok(result, GasInfo.withExternallyUsed(Math.max(0, used)));
  }

  private Bytes answer(BlockContext sub, QueryRequest request) {
    try {
      return QuerierResults.ok(dispatch(sub, request));
    } catch (OutOfGasException | GasOverflowException e) {
      throw e;
    } catch (Wasm08Exception e) {
      return QuerierResults.failure(e);
    }
  }

  private Bytes dispatch(BlockContext sub, QueryRequest request) {
    if (request.stargate() != null) {
      return plugins.stargate().query(sub, request.stargate());
    }
    if (request.custom() != null) {
      return plugins.custom().query(sub, request.custom());
    }
    if (request.wasmSmart() != null && smart != null) {
      return smart.query(sub, request.wasmSmart(), depth + 1);
    }
    throw SystemErrorException.unsupported("Unsupported query request");
  }
}
