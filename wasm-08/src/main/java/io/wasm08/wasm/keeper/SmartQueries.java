package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.host.ClientIdentifiers;
import io.wasm08.store.GasConfig;
import io.wasm08.store.GasKvStore;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.wasm.querier.QueryRequest;
import io.wasm08.wasm.querier.SmartQuerier;
import io.wasm08.wasm.querier.SystemError;
import io.wasm08.wasm.querier.SystemErrorException;
import io.wasm08.wasm.types.WasmClientState;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Synchronous read-only calls between stored light-client codes (a host extension; ibc-go answers
 * every {@code wasm} query "Unsupported query request"). A contract asks {@code
 * {"wasm":{"smart":{"contract_addr":A,"msg":M}}}}; A is either
 *
 * <ul>
 *   <li>an 08-wasm client id: that client's code runs its {@code query} entry point over that
 *       client's store, or
 *   <li>a checksum in lowercase hex: that code runs over an empty store (a pure library call).
 * </ul>
 *
 * The code must be on the allow-list. The call runs inside the querier's cached sub-context (its
 * writes are discarded; the query entry point cannot write anyway) with the sub-context's own gas
 * meter, which the querier charges to the caller. A trap or a contract error inside is contained:
 * the caller receives it as a (redacted) query error. Running out of gas is not contained. Nesting
 * is limited to {@code maxDepth} levels; unknown addresses are {@code no_such_contract}.
 */
final class SmartQueries implements SmartQuerier {
  private static final Pattern CHECKSUM_HEX = Pattern.compile("[0-9a-f]{64}");

  private final WasmKeeper keeper;
  private final ContractCalls calls;

  SmartQueries(WasmKeeper keeper, ContractCalls calls) {
    this.keeper = keeper;
    this.calls = calls;
  }

  @Override
  public Bytes query(BlockContext ctx, QueryRequest.WasmSmart request, int depth) {
    int maxDepth = keeper.config().smartQueries().maxDepth();
    if (depth > maxDepth) {
      throw SystemErrorException.unsupported("smart query depth limit (" + maxDepth + ") exceeded");
    }
    String address = request.contractAddr();
    Bytes checksum;
    KvStore store;
    if (CHECKSUM_HEX.matcher(address).matches()) {
      checksum = Bytes.fromHex(address);
      store = new GasKvStore(new MemKvStore(), ctx.gasMeter(), GasConfig.KV);
    } else if (ClientIdentifiers.isValidClientId(address)
        && ClientIdentifiers.clientType(address).equals(ClientTypes.WASM)) {
      store = keeper.clientKeeper().clientStore(ctx, address);
      Optional<WasmClientState> cs = keeper.getClientState(store);
      if (cs.isEmpty()) {
        throw noSuchContract(address);
      }
      checksum = cs.get().checksum();
    } else {
      throw noSuchContract(address);
    }
    if (!keeper.hasChecksum(ctx, checksum)) {
      throw noSuchContract(address);
    }
    Bytes msg = request.msg() == null ? Bytes.EMPTY : request.msg();
    return calls.queryCall(ctx, address, store, checksum, msg, keeper.dialect(checksum), depth);
  }

  private static SystemErrorException noSuchContract(String address) {
    return new SystemErrorException(new SystemError.NoSuchContract(address));
  }
}
